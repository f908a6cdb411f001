import { expect, test } from '@playwright/test';

// The "what changed" page (/changes/): whole and grouped by month without JavaScript; with it,
// `?since=` keeps the entries of the reviewer's last review day and later, and says how many.

test('?since= hides older entries, says how many remain and keeps the date on the other list links', async ({ page }) => {
  await page.goto('/changes/');
  const dates = await page.locator('[data-change-date]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-change-date') ?? ''));
  expect(dates.length).toBeGreaterThan(2);
  // A date between the newest and the oldest entry, so some stay and some go.
  const since = [...dates].sort()[Math.floor(dates.length / 2)]!;
  const kept = dates.filter((date) => date >= since).length;
  expect(kept).toBeLessThan(dates.length);

  await page.goto(`/changes/?since=${since}`);
  const list = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(list).toHaveCount(kept);
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${kept} changes on this page since \\d{1,2} \\w+ \\d{4}\\.$`));
  await expect(page.getByLabel('Date of your last review')).toHaveValue(since);
  const months = page.getByRole('navigation', { name: 'Jump to a month' }).getByRole('link');
  for (const href of await months.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) expect(href).toMatch(new RegExp(`\\?since=${since}#month-\\d{4}-\\d{2}$`));
});

test('the form sets ?since=, and a date that is not one says so', async ({ page }) => {
  await page.goto('/changes/');
  await page.getByLabel('Date of your last review').fill('2026-01-01');
  await page.getByRole('button', { name: 'Show changes since then' }).click();
  await expect(page).toHaveURL(/\/changes\/\?since=2026-01-01$/);
  await expect(page.getByRole('status')).toContainText('since 1 January 2026');
  await page.goto('/changes/?since=2026-02-30');
  await expect(page.getByRole('status')).toHaveText(/must be written as year-month-day/);
  await expect(page.locator('[data-change-date]:not([hidden])')).toHaveCount(await page.locator('[data-change-date]').count());
});

test('without JavaScript the page is whole: no form, every entry, month anchors that resolve', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/changes/?since=2999-01-01');
  await expect(page.getByRole('button', { name: 'Show changes since then' })).toBeHidden();
  const entries = page.locator('[data-change-date]');
  expect(await entries.count()).toBeGreaterThan(0);
  await expect(page.locator('[data-change-date][hidden]')).toHaveCount(0);
  const first = page.getByRole('navigation', { name: 'Jump to a month' }).getByRole('link').first();
  const fragment = (await first.getAttribute('href'))!.split('#')[1]!;
  await expect(page.locator(`[id="${fragment}"]`)).toHaveCount(1);
  await context.close();
});
