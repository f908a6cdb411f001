import type { PlaywrightTestConfig } from '@playwright/test';
import { resolveBrowser } from '../../src/lib/browser.ts';

/**
 * What every Playwright config that checks a built trust center shares (the engine's own, over its
 * fixture company, and a site's, over its dist/): the browser the one resolver finds, two workers,
 * and `astro preview` serving the build on `port`. `preview` adds flags to that command (another
 * root or output folder).
 */
export function builtSiteConfig(port: number, preview = ''): PlaywrightTestConfig {
  const browser = resolveBrowser();
  return {
    fullyParallel: true,
    forbidOnly: Boolean(process.env.CI),
    retries: 0,
    workers: 2,
    reporter: [['list']],
    use: {
      baseURL: `http://127.0.0.1:${port}`,
      browserName: 'chromium',
      launchOptions: { executablePath: browser.executablePath, args: browser.args },
    },
    webServer: {
      command: `npx astro preview --host 127.0.0.1 --port ${port}${preview ? ` ${preview}` : ''}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  };
}
