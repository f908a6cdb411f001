import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { headersFor } from '../src/lib/headers.ts';
import { loadContent, sitemapPaths } from './support/content.ts';
import { measureLayout } from './support/layout.ts';

// One visit per page, every per-page check on it: a page load, a browser context and request
// interception cost more than most of the checks, so each page is loaded once, not once per check.
//
// - axe, WCAG 2.2 AA and everything it builds on, in the light scheme;
// - axe's contrast rule in the dark scheme (dark mode changes only colours, so it is the rule that can differ);
// - the layout at 390 px wide (a phone held upright, iPhone 12 to 15: the narrowest viewport the
//   site promises to fit): long unbroken words (German compounds), long URLs and e-mail addresses
//   wrap or scroll inside their own box, never widen the page or get cut off;
// - no console error and no Content Security Policy report, with the host headers applied;
// - no JavaScript but the search page's own module on /search/.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 390, height: 844 };

const paths = [...sitemapPaths(), '/404.html'];
// A question the content itself asks, so the results page has results whichever company was built.
const content = loadContent();
const question = [...content.faq].sort((a, b) => a.data.order - b.data.order)[0]?.data.question ?? content.company.data.name;

/** Each violation as `rule: help (the elements it found)`, so a failure names what to fix and where. */
function violations(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Collects console errors, uncaught exceptions and CSP reports, and serves every response with the hosts' headers. */
async function watch(page: Page): Promise<{ errors: string[]; scripts: string[] }> {
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    // The location names the resource a "Failed to load resource" message is about.
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    else if (/Content.Security.Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // Serve every response with the headers the hosts send (src/lib/headers.ts), so the header
  // policy is enforced on top of the page's own <meta> policy.
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const { pathname } = new URL(route.request().url());
    await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(pathname) } });
  });
  return { errors, scripts };
}

test('the sitemap lists the core pages', () => {
  for (const path of ['/', '/whitepaper/', '/faq/', '/certifications/', '/subprocessors/', '/documents/', '/security/']) {
    expect(paths).toContain(path);
  }
});

for (const path of paths) {
  test(`${path}: axe (light and dark), ${PHONE.width} px layout, no console errors, no JavaScript but search's`, async ({ page }) => {
    test.slow(); // three tests' worth of checks: the time each had, together
    const { errors, scripts } = await watch(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);

    // Soft: one run reports every check this page fails, not only the first.
    expect.soft(violations(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()), `${path} (light): axe WCAG 2.2 AA violations`).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect.soft(violations(await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()), `${path} (dark): axe contrast violations`).toEqual([]);

    await page.setViewportSize(PHONE);
    const layout = await page.evaluate(measureLayout, PHONE.width);
    expect.soft(layout.beyond, `${path}: elements past the right edge at ${PHONE.width} px`).toEqual([]);
    expect.soft(layout.clipped, `${path}: text cut off at ${PHONE.width} px`).toEqual([]);
    expect.soft(layout.scrollWidth, `${path}: page width at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);

    // The search page's one module (src/scripts/site-search.ts) and, once it runs, Pagefind's; nothing anywhere else.
    const inPage = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src') ?? 'inline'));
    if (path === '/search/') {
      expect.soft(inPage, `${path}: script elements`).toEqual([expect.stringMatching(/^\/_astro\/.+\.js$/)]);
    } else {
      expect.soft(inPage, `${path}: script elements`).toEqual([]);
      expect.soft(scripts, `${path}: scripts requested`).toEqual([]);
    }
    expect.soft(errors, `${path}: console errors and CSP reports`).toEqual([]);
  });
}

test('/search/ with a query and results: axe (light and dark), no console errors', async ({ page }) => {
  test.slow(); // two tests' worth of checks
  const { errors } = await watch(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/search/?q=${encodeURIComponent(question)}`);
  await expect(page.getByRole('status')).toHaveText(/\d+ results for/);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
  expect.soft(violations(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()), 'search results (light): axe WCAG 2.2 AA violations').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect.soft(violations(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()), 'search results (dark): axe WCAG 2.2 AA violations').toEqual([]);
  expect.soft(errors, 'search results: console errors and CSP reports').toEqual([]);
});
