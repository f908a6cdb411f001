import { expect, test, type Page } from '@playwright/test';
import { currentSubprocessors, loadContent } from './support/content.ts';

const content = loadContent();

// A site's own reviewer questions live with the site (its e2e/ folder);
// these take their queries from whatever content was built.

const field = (page: Page) => page.getByRole('main').getByRole('searchbox', { name: 'Your question or search words' });
const results = (page: Page) => page.getByRole('list', { name: 'Results' }).getByRole('listitem');
const status = (page: Page) => page.getByRole('status');

test('without JavaScript the search page says so and links the FAQ and the whitepaper', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=encryption');
  // The search form stays hidden: nothing on the page pretends to search.
  await expect(field(page)).toBeHidden();
  await expect(results(page)).toHaveCount(0);
  // The message is a <noscript> block, shown by browsers only with JavaScript off. Chromium under
  // Playwright draws it but keeps it out of the accessibility tree, so it is read by its markup.
  const fallback = page.locator('main noscript');
  expect(await fallback.textContent()).toContain('Search needs JavaScript');
  expect(await fallback.locator('a[href="/faq/"]').textContent()).toBe('Frequently asked questions');
  expect(await fallback.locator('a[href="/whitepaper/"]').textContent()).toBe('Security whitepaper');
  await context.close();
});

// The content's own words (its first FAQ question, its longest sub-processor name: for the awkward
// fixture the most awkward: diacritics, long compounds), each find their own entry among the first three.
const byOrder = [...content.faq].sort((a, b) => a.data.order - b.data.order);
const longestName = [...currentSubprocessors(content)].sort((a, b) => b.data.name.length - a.data.name.length)[0];
const ownEntries = [
  ...(byOrder[0] ? [{ query: byOrder[0].data.question, answer: `/faq/#${byOrder[0].id}` }] : []),
  ...(longestName ? [{ query: longestName.data.name, answer: `/subprocessors/${longestName.id}/` }] : []),
];
for (const { query, answer } of ownEntries) {
  test(`the content's own words “${query}” find ${answer} among the first three results`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    await expect(status(page)).toHaveText(/\d+ results? for/);
    const hrefs = await results(page).getByRole('link').evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(answer);
  });
}