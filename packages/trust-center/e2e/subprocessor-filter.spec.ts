import { expect, test, type Page } from '@playwright/test';
import { t } from '../src/i18n/en.ts';
import { facetValues, facets, listPages, listPath, type Facet, type FacetValue } from '../src/lib/subprocessors/views.ts';
import { currentSubprocessors, loadContent } from './support/content.ts';

// The sub-processor list filters without JavaScript: each facet value is a pre-rendered page with
// its own address (lib/subprocessors/views.ts). Every test runs with JavaScript off.

const f = t.subprocessors.filter;
const content = loadContent();
const collator = new Intl.Collator('en');
// The expectation is computed from the content files: the current list, in name order.
const current = [...currentSubprocessors(content)].sort((a, b) => collator.compare(a.data.name, b.data.name));
type Entry = (typeof current)[number];

test.use({ javaScriptEnabled: false });

/** The names in the table on every page of a list, following its "Next page" links as a reader would; `caption(n)` is the table's name on page n. */
async function namesOnAllPages(page: Page, caption: (n: number) => string): Promise<string[]> {
  const names: string[] = [];
  for (let n = 1; ; n++) {
    const table = page.getByRole('table', { name: caption(n), exact: true });
    await expect(table).toBeVisible();
    names.push(...(await table.locator('tbody th a').allInnerTexts()));
    const next = page.getByRole('navigation', { name: f.pagination }).getByRole('link', { name: f.next });
    if ((await next.count()) === 0) return names;
    await next.click();
  }
}

/** Whether `entry` has the value: the facet's own field, read straight from the content. */
function has(entry: Entry, facet: Facet, value: FacetValue): boolean {
  if (facet === 'category') return entry.data.category.trim().toLowerCase() === value.label.toLowerCase();
  if (facet === 'location') return entry.data.locations.includes(value.slug.toUpperCase());
  return entry.data.transferMechanism === value.slug;
}

for (const facet of facets) {
  test(`filter by ${facet}: a link on the list leads to its own address with exactly those sub-processors`, async ({ page }) => {
    // The value with the most entries: for the awkward fixture one that spans two pages (transfer "none") or groups entries with several locations.
    const values = facetValues(current, facet);
    expect(values.length).toBeGreaterThan(1);
    const value = [...values].sort((a, b) => b.entries.length - a.entries.length)[0]!;
    const expected = current.filter((entry) => has(entry, facet, value)).map((entry) => entry.data.name);
    expect(expected.length).toBeGreaterThan(0);

    await page.goto('/subprocessors/');
    const bar = page.getByRole('navigation', { name: f.label });
    await expect(bar.getByRole('link', { name: f.all(current.length), exact: true })).toHaveAttribute('aria-current', 'page');
    await bar.getByRole('link', { name: f.value(value.label, expected.length), exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`${listPath(1, value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const pages = listPages(current, value).length;
    const headingOf = (n: number) => f.pageOf(f.heading(expected.length, facet, value.label), n, pages);
    const heading = headingOf(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const marked = page.getByRole('navigation', { name: f.label }).locator('a[aria-current]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toHaveText(f.value(value.label, expected.length));
    await expect(marked).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('script')).toHaveCount(0);

    // Exactly the entries with the value, each once, in name order, across the view's pages.
    expect(await namesOnAllPages(page, headingOf)).toEqual(expected);
    if (pages > 1) {
      await expect(page).toHaveURL(new RegExp(`${listPath(pages, value)}$`));
      // On a later page the value stays marked, as the current item rather than the current page.
      await expect(page.getByRole('navigation', { name: f.label }).locator('a[aria-current]')).toHaveAttribute('aria-current', 'true');
    }
  });
}

test('the whole list is sorted by name across its pages, and every facet page lists every value with its count', async ({ page }) => {
  await page.goto('/subprocessors/');
  await expect(page.getByRole('main')).toContainText(f.sorted);
  expect(await namesOnAllPages(page, () => t.subprocessors.caption)).toEqual(current.map((entry) => entry.data.name));
  for (const facet of facets) {
    await page.goto(`/subprocessors/${facet}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(f.facetTitle(facet));
    const links = page.getByRole('main').getByRole('listitem').getByRole('link');
    const values = facetValues(current, facet);
    await expect(links).toHaveText(values.map((value) => f.value(value.label, value.entries.length)));
    for (const [index, value] of values.entries()) await expect(links.nth(index)).toHaveAttribute('href', listPath(1, value));
  }
});
