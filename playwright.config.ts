import { defineConfig } from '@playwright/test';
import { resolveBrowser } from './src/lib/browser';

const browser = resolveBrowser();
const port = Number(process.env.PREVIEW_PORT ?? 4321);
// The built site under test: dist/ (the company in content/), or DIST_DIR for another content
// folder built with `--outDir` (npm run test:e2e:fixture: the awkward fixture company).
const distDir = process.env.DIST_DIR ?? 'dist';
// Tests tagged @opisense assert Opisense's own words (its reviewers' questions and answers); they
// run only against content/.
const otherCompany = Boolean(process.env.CONTENT_DIR) && process.env.CONTENT_DIR !== 'content';

// End-to-end tests run against the built site (`npm run build` first), served by `astro preview`.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  ...(otherCompany ? { grepInvert: /@opisense/ } : {}),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port} --outDir ${distDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
