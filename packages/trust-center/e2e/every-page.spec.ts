import { expect } from '@playwright/test';
import { axeViolations, WCAG_TAGS } from './support/axe.ts';
import { loadContent, sitemapPaths } from './support/content.ts';
import { measureLayout } from './support/layout.ts';
import { test } from './support/watched-page.ts';
import { mayLoadScripts } from '../scripts/lib/budget.ts';

// One visit per page, every per-page check on it: a page load, a browser context and request
// interception cost more than most of the checks, so each page is loaded once, not once per check,
// in one page per worker (support/watched-page.ts), with axe-core evaluated once per page (support/axe.ts).
//
// - axe, WCAG 2.2 AA and everything it builds on, in the light scheme;
// - axe's contrast rule in the dark scheme (dark mode changes only colours, so it is the rule that can differ);
// - the layout at 390 px wide (a phone held upright, iPhone 12 to 15: the narrowest viewport the
//   site promises to fit): long unbroken words (German compounds), long URLs and e-mail addresses
//   wrap or scroll inside their own box, never widen the page or get cut off;
// - no console error and no Content Security Policy report, with the host headers applied;
// - no JavaScript but the search page's own module on /search/ and the "what changed" pages' on /changes/.
const PHONE = { width: 390, height: 844 };

const paths = [...sitemapPaths(), '/404.html'];
// A question the content itself asks, so the results page has results whichever company was built.
const content = loadContent();
const question = [...content.faq].sort((a, b) => a.data.order - b.data.order)[0]?.data.question ?? content.company.data.name;

test('the sitemap lists the core pages', () => {
  for (const path of ['/', '/whitepaper/', '/faq/', '/certifications/', '/subprocessors/', '/documents/', '/security/']) {
    expect(paths).toContain(path);
  }
});

for (const path of paths) {
  test(`${path}: axe (light and dark), ${PHONE.width} px layout, no console errors, no JavaScript but search's`, async ({ watched: { page, errors, scripts } }) => {
    test.slow(); // three tests' worth of checks: the time each had, together
    await page.goto(path);

    // Soft: one run reports every check this page fails, not only the first.
    expect.soft(await axeViolations(page, { tags: WCAG_TAGS }), `${path} (light): axe WCAG 2.2 AA violations`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect.soft(await axeViolations(page, { rules: ['color-contrast'] }), `${path} (dark): axe contrast violations`).toEqual([]);

    await page.setViewportSize(PHONE);
    const layout = await page.evaluate(measureLayout, PHONE.width);
    expect.soft(layout.beyond, `${path}: elements past the right edge at ${PHONE.width} px`).toEqual([]);
    expect.soft(layout.clipped, `${path}: text cut off at ${PHONE.width} px`).toEqual([]);
    expect.soft(layout.scrollWidth, `${path}: page width at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);

    // The search page's one module (src/scripts/site-search.ts) and, once it runs, Pagefind's; nothing anywhere else.
    const inPage = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? 'inline'));
    // The "what changed" pages' one module (src/scripts/changes-since.ts), which only reads `?since=`.
    if (mayLoadScripts(path)) {
      expect.soft(inPage, `${path}: script elements`).toEqual([expect.stringMatching(/^\/_astro\/.+\.js$/)]);
    } else {
      expect.soft(inPage, `${path}: script elements`).toEqual([]);
      expect.soft(scripts, `${path}: scripts requested`).toEqual([]);
    }
    expect.soft(errors, `${path}: console errors and CSP reports`).toEqual([]);
  });
}

test('/search/ with a query and results: axe (light and dark), no console errors', async ({ watched: { page, errors } }) => {
  test.slow(); // two tests' worth of checks
  await page.goto(`/search/?q=${encodeURIComponent(question)}`);
  await expect(page.getByRole('status')).toHaveText(/\d+ results for/);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
  expect.soft(await axeViolations(page, { tags: WCAG_TAGS }), 'search results (light): axe WCAG 2.2 AA violations').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect.soft(await axeViolations(page, { tags: WCAG_TAGS }), 'search results (dark): axe WCAG 2.2 AA violations').toEqual([]);
  expect.soft(errors, 'search results: console errors and CSP reports').toEqual([]);
});
