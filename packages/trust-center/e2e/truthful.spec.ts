import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { t } from '../src/i18n/en.ts';
import { fieldsByStatus } from '../src/lib/certifications/facts.ts';
import { buildDate, isoDate } from '../src/lib/dates.ts';
import { formatDate } from '../src/lib/format.ts';
import { openPdf, pageTexts } from '../src/lib/pdf/inspect.ts';
import { fieldLabel, fieldValue, retentionText } from '../src/lib/subprocessors/facts.ts';
import { nextChange, statusOf, statusText, subprocessorStatuses } from '../src/lib/subprocessors/status.ts';
import { loadContent, normalise } from './support/content.ts';
import { distDir } from './support/dist.ts';

// The site never contradicts itself: each sub-processor's status, dates and retention read the same
// on its page, in the table, the CSV, the JSON and the PDF; change details are in words; a
// certification shows only what its status allows; documents follow the company's order.
// Expectations come from the content files and the build date, never from copied text.
const content = loadContent();
const today = buildDate();
const statuses = subprocessorStatuses(content.subprocessorChanges, today);
const s = t.subprocessors;

/** The value after a `<dt>` with exactly this label, inside `scope`. */
const fact = (scope: Locator, label: string) => scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
const mainText = async (page: Page) => normalise(await page.getByRole('main').innerText());

test('each sub-processor’s page states its status with its date, and the facts the table states', async ({ page }) => {
  await page.goto('/subprocessors/');
  const table = page.getByRole('table', { name: s.caption });
  const tableRows = new Map<string, string[]>();
  for (const row of await table.locator('tbody tr').all()) {
    const id = (await row.getByRole('rowheader').getByRole('link').getAttribute('href'))!.split('/')[2]!;
    tableRows.set(id, (await row.getByRole('cell').allInnerTexts()).map(normalise));
  }
  for (const { id, data } of content.subprocessors) {
    const status = statusOf(statuses, id);
    await page.goto(`/subprocessors/${id}/`);
    const main = page.getByRole('main');
    await expect(fact(main, s.status.label)).toHaveText(statusText(status));
    const next = nextChange(status);
    if (next) await expect(fact(main, s.status.label)).toContainText(formatDate(next.effective));
    await expect(fact(main, s.retention)).toHaveText(retentionText(data));
    const cells = tableRows.get(id);
    expect(Boolean(cells), `${id} is in the table exactly when it is listed`).toBe(status.listed);
    if (!cells) continue;
    // Purpose, category, locations, transfer mechanism, retention: the table's words are the page's.
    const [purpose, category, locations, transfer, retention] = cells;
    await expect(fact(main, s.purpose)).toHaveText(purpose!);
    await expect(fact(main, s.category)).toHaveText(category!);
    expect(normalise(await fact(main, s.locations).innerText())).toContain(locations!);
    await expect(fact(main, s.transfer)).toHaveText(transfer!);
    await expect(fact(main, s.retention)).toHaveText(retention!);
  }
});

test('the CSV and the JSON state the same status, since-date and retention as the pages', async ({ request }) => {
  const csv = parseCsv(await (await request.get('/subprocessors.csv')).text(), { bom: true, columns: true }) as Record<string, string>[];
  const json = (await (await request.get('/subprocessors.json')).json()) as {
    subprocessors: { id: string; since?: string; retentionNote?: string; status: string; upcoming: { id: string; type: string; effective: string }[] }[];
  };
  for (const row of csv) {
    const status = statusOf(statuses, row.id!);
    const data = content.subprocessors.find((entry) => entry.id === row.id)!.data;
    expect(row[s.status.label]).toBe(statusText(status));
    expect(row[s.retention]).toBe(retentionText(data));
    expect(row[s.since]).toBe(status.since ? isoDate(status.since) : '');
    expect(row[s.category]).toBe(fieldValue('category', data.category));
  }
  for (const entry of json.subprocessors) {
    const status = statusOf(statuses, entry.id);
    expect(entry.since).toBe(status.since && isoDate(status.since));
    expect(entry.upcoming).toEqual(status.upcoming.map((change) => ({ id: change.id, type: change.type, effective: isoDate(change.effective) })));
  }
});

test('the sub-processor PDF states each listed sub-processor’s retention and upcoming change', async () => {
  const pdf = await openPdf(readFileSync(path.join(distDir, 'documents/subprocessors.pdf')));
  // White space removed on both sides: a long word wrapped across two lines reads "…ges ellschaft" in a PDF's text.
  const unwrapped = (value: string) => normalise(value).replace(/\s+/g, '');
  const text = unwrapped((await pageTexts(pdf)).join(''));
  for (const { id, data } of content.subprocessors) {
    const status = statusOf(statuses, id);
    if (!status.listed) continue;
    expect(text, `${id}: retention`).toContain(unwrapped(retentionText(data)));
    expect(text, `${id}: status`).toContain(unwrapped(statusText(status)));
  }
});

test('change details name fields and values in words, never schema keys', async ({ page }) => {
  for (const event of content.subprocessorChanges) {
    if (!event.data.changes) continue;
    await page.goto(`/subprocessors/changes/${event.id}/`);
    const table = page.getByRole('table');
    for (const change of event.data.changes) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: fieldLabel(change.field), exact: true }) });
      await expect(row.getByRole('cell')).toHaveText([fieldValue(change.field, change.from), fieldValue(change.field, change.to)]);
    }
  }
});

test('a certification card shows only the dated fields its status allows', async ({ page }) => {
  await page.goto('/certifications/');
  const l = t.certifications;
  for (const { id, data } of content.certifications) {
    const card = page.locator(`#${id}`);
    const allowed = fieldsByStatus[data.status];
    await expect(fact(card, l.target)).toHaveCount(allowed.includes('target') && (data.target || data.targetLabel) ? 1 : 0);
    await expect(fact(card, l.since)).toHaveCount(allowed.includes('since') && data.since ? 1 : 0);
    if (!allowed.includes('target') && data.targetLabel) expect(await card.innerText()).not.toContain(`${l.target}\n${data.targetLabel}`);
  }
});

test('documents follow the order the company sets, on the documents page and the overview', async ({ page }) => {
  const titles = [...content.documents].sort((a, b) => a.data.order - b.data.order).map(({ data }) => data.title);
  await page.goto('/documents/');
  expect((await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).map(normalise)).toEqual(titles);
  await page.goto('/');
  const overview = page.getByRole('main').locator('#documents ~ div').first();
  expect((await overview.getByRole('heading', { level: 3 }).allInnerTexts()).map(normalise)).toEqual(titles);
  expect(await mainText(page)).toContain(titles[0]!);
});
