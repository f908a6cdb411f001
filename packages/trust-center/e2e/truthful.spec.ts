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
import { listPages, listPath } from '../src/lib/subprocessors/views.ts';
import { currentSubprocessors, loadContent, normalise } from './support/content.ts';
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

/** Whitespace collapsed, as Playwright's toHaveText compares. */
const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every `<dt>` label in the page's main landmark with the `<dd>` after it (its text content and its
 * rendered text), read in one round trip: forty pages of eight locator round trips each took 35 s.
 */
async function mainFacts(page: Page): Promise<Map<string, { text: string; inner: string }>> {
  const pairs = await page.getByRole('main').evaluate((main) =>
    [...main.querySelectorAll('dt')].map((dt) => {
      let dd = dt.nextElementSibling;
      while (dd && dd.tagName !== 'DD') dd = dd.nextElementSibling;
      return { label: dt.textContent ?? '', text: dd?.textContent ?? '', inner: (dd as HTMLElement | null)?.innerText ?? '' };
    }),
  );
  const facts = new Map<string, { text: string; inner: string }>();
  for (const { label, text, inner } of pairs) {
    const key = collapsed(label);
    // One label, one fact: a page stating a label twice could contradict itself unnoticed.
    expect(facts.has(key), `${page.url()}: the label “${key}” once`).toBe(false);
    facts.set(key, { text: collapsed(text), inner: normalise(inner) });
  }
  return facts;
}

test('each sub-processor’s page states its status with its date, and the facts the table states', async ({ page }) => {
  // One visit per sub-processor and per page of the list: a long list (the awkward fixture has 40) takes longer than one page.
  test.slow();
  // The list is paged (lib/subprocessors/views.ts): the rows of every page.
  const tableRows = new Map<string, string[]>();
  for (const { page: number } of listPages(currentSubprocessors(content))) {
    await page.goto(listPath(number));
    const table = page.getByRole('table', { name: s.caption });
    const rows = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const href = row.querySelector('th a')?.getAttribute('href') ?? '';
        return [href.split('/')[2]!, [...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText)] as const;
      }),
    );
    for (const [id, cells] of rows) tableRows.set(id, cells);
  }
  expect(tableRows.size, 'rows in the sub-processor table').toBeGreaterThan(0);
  for (const { id, data } of content.subprocessors) {
    const status = statusOf(statuses, id);
    await page.goto(`/subprocessors/${id}/`);
    const facts = await mainFacts(page);
    const fact = (label: string) => {
      const value = facts.get(label);
      expect(value, `/subprocessors/${id}/ states “${label}”`).toBeDefined();
      return value!;
    };
    expect(fact(s.status.label).text, `${id}: status`).toBe(collapsed(statusText(status)));
    const next = nextChange(status);
    if (next) expect(fact(s.status.label).text, `${id}: next change`).toContain(formatDate(next.effective));
    expect(fact(s.retention).text, `${id}: retention`).toBe(collapsed(retentionText(data)));
    const cells = tableRows.get(id)?.map(normalise);
    expect(Boolean(cells), `${id} is in the table exactly when it is listed`).toBe(status.listed);
    if (!cells) continue;
    // Purpose, category, locations, transfer mechanism, retention: the table's words are the page's.
    const [purpose, category, locations, transfer, retention] = cells;
    expect(fact(s.purpose).inner, `${id}: purpose`).toBe(purpose);
    expect(fact(s.category).inner, `${id}: category`).toBe(category);
    expect(fact(s.locations).inner, `${id}: locations`).toContain(locations!);
    expect(fact(s.transfer).inner, `${id}: transfer mechanism`).toBe(transfer);
    expect(fact(s.retention).inner, `${id}: retention`).toBe(retention);
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
  // The company's documents, in its order, then the data files every site generates (the questionnaire's workbook and CSV).
  expect((await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts()).map(normalise)).toEqual([...titles, t.documents.dataFiles]);
  await page.goto('/');
  const overview = page.getByRole('main').locator('#documents ~ div').first();
  expect((await overview.getByRole('heading', { level: 3 }).allInnerTexts()).map(normalise)).toEqual(titles);
  expect(await mainText(page)).toContain(titles[0]!);
});
