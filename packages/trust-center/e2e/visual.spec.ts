import { expect, test, type Page } from '@playwright/test';
import { currentSubprocessors } from './support/content.ts';
import { fixedFontsEnv } from './support/fixed-fonts.ts';
import { resolveBrowser } from '../src/lib/browser.ts';

// Visual regression: what the pages look like, compared pixel by pixel with the committed baselines
// in e2e/__screenshots__/ (docs/design.md says how to update them). The fixture is built for a fixed
// date, so nothing on these pages changes from day to day; Chromium draws with the project's own
// fonts only (support/fixed-fonts.ts), so a machine's fonts do not show; animations and the caret
// are off.
const browser = resolveBrowser();
test.use({ launchOptions: { executablePath: browser.executablePath, args: browser.args, env: fixedFontsEnv() } });

const subprocessor = currentSubprocessors()[0]!;
const pages: { name: string; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { name: 'overview', path: '/' },
  { name: 'subprocessors', path: '/subprocessors/' },
  { name: 'subprocessor', path: `/subprocessors/${subprocessor.id}/` },
  { name: 'faq', path: '/faq/' },
  {
    name: 'search',
    path: '/search/?q=encryption',
    // Results are drawn by the search page's script: wait until it says how many it found.
    ready: (page) => expect(page.getByRole('main').getByRole('status')).toHaveText(/\d+ results? for/),
  },
];

const viewports = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

for (const viewport of viewports) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${viewport.width} px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });
      for (const { name, path, ready } of pages) {
        test(`${name} looks as it did`, async ({ page }) => {
          await page.goto(path);
          await ready?.(page);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await expect(page).toHaveScreenshot(`${name}-${viewport.width}-${colorScheme}.png`, { fullPage: true, animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.001, timeout: 30_000 });
        });
      }
    });
  }
}
