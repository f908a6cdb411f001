import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { resolveBrowser } from './src/lib/browser.ts';

const browser = resolveBrowser();
const port = Number(process.env.PREVIEW_PORT ?? 4322);
// The built site under test: the awkward fixture company (npm run build:fixture), or DIST_DIR for
// another build. CONTENT_DIR names the content it was built from, which the tests read to know what
// each page must show.
const distDir = path.resolve(process.env.DIST_DIR ?? 'dist-awkward');
// Absolute, because `astro preview` runs from the test site's folder (tests/site).
process.env.CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'tests/fixtures/awkward');

// The engine's end-to-end checks, against a built site served by `astro preview` (the test site's
// config; the output folder is the one under test).
export default defineConfig({
  testDir: 'e2e',
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
    command: `npx astro preview --root tests/site --host 127.0.0.1 --port ${port} --outDir ${distDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
