import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { headersFor } from '../src/lib/headers.ts';
import { loadContent, sitemapPaths } from './support/content.ts';

// WCAG 2.2 AA and everything it builds on.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} (${colorScheme}): no axe violations, no console errors`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) errors.push(`CSP: ${message.text()}`);
      });
      // Serve every response with the headers the hosts send (src/lib/headers.ts), so the header
      // policy is enforced on top of the page's own <meta> policy.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const { pathname } = new URL(route.request().url());
        await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(pathname) } });
      });
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // Dark mode changes only colours, so in dark the contrast rule is the one that can differ.
      const axe = colorScheme === 'dark' ? new AxeBuilder({ page }).withRules(['color-contrast']) : new AxeBuilder({ page }).withTags(WCAG_TAGS);
      const results = await axe.analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`/search/ with a query and results (${colorScheme}): no axe violations, no console errors`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme });
    await page.goto(`/search/?q=${encodeURIComponent(question)}`);
    await expect(page.getByRole('status')).toHaveText(/\d+ results for/);
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary).toEqual([]);
    expect(errors).toEqual([]);
  });
}
