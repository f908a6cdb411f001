import { execFileSync } from 'node:child_process';
import { pythonWithOpenpyxl } from './support/python.ts';
import { expect, test } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { t } from '../src/i18n/en.ts';
import { loadContent } from './support/content.ts';
import { distDir, readDist } from './support/dist.ts';
import path from 'node:path';

// The questionnaire answer sheet, read back from the built files with independent readers: openpyxl
// (Python) for the workbook, csv-parse for the CSV, the browser for the page. Expectations come from
// content/questionnaire.yaml and the entries it cites, never from our builders.
const content = loadContent();
const company = content.company.data;
const site = process.env.SITE_URL ?? company.siteUrl;
const q = t.questionnaire;
const url = (pathname: string) => new URL(pathname, site).href;

/** Each question's expected answer text and source links, straight from the content files. */
const expected = content.questionnaire.map(({ id, data }) => ({
  id,
  question: data.question,
  answer: data.answer ?? q.notStated,
  links: [
    ...data.sources.sections.map((section) => url(`/whitepaper/#${section}`)),
    ...data.sources.controls.map((control) => url(`/#control-${control}`)),
    ...data.sources.faq.map((faq) => url(`/faq/#${faq}`)),
  ],
}));

test('questionnaire.xlsx opens in openpyxl with every question, answer and source link, text never a formula', () => {
  const script = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Answers"]
header = [c.value for c in ws[1]]
rows = []
for row in ws.iter_rows(min_row=2):
    cells = {header[i]: c for i, c in enumerate(row)}
    rows.append({
        "id": cells["Id"].value,
        "question": cells["Question"].value,
        "answer": cells["Answer"].value,
        "types": sorted({c.data_type for c in row if c.value is not None}),
        "links": [c.hyperlink.target for c in row if c.hyperlink and c.column > header.index("URL") + 1],
        "url": cells["URL"].hyperlink.target if cells["URL"].hyperlink else None,
    })
about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True)}
print(json.dumps({"sheets": wb.sheetnames, "creator": wb.properties.creator, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                  "bold": ws["A1"].font.b, "wrap": ws["D2"].alignment.wrap_text, "rows": rows, "about": about}))
`;
  const read = JSON.parse(execFileSync(pythonWithOpenpyxl(), ['-c', script, path.join(distDir, 'questionnaire.xlsx')], { encoding: 'utf8' }));
  expect(read.sheets).toEqual([q.sheet.about, q.sheet.answers]);
  expect(read.creator).toBe(company.legalName ?? company.name);
  expect(read.about[q.sheet.company]).toBe(company.legalName ?? company.name);
  expect(read.about[q.sheet.date]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(read.about[q.sheet.version]).toBeTruthy();
  expect(read.freeze).toBe('A2');
  expect(read.filter).toMatch(/^A1:[A-Z]+1$/);
  expect(read.bold).toBe(true);
  expect(read.wrap).toBe(true);
  const byId = new Map(read.rows.map((row: { id: string }) => [row.id, row]));
  expect(read.rows).toHaveLength(expected.length);
  for (const entry of expected) {
    const row = byId.get(entry.id) as { question: string; answer: string; types: string[]; links: string[]; url: string } | undefined;
    expect(row, entry.id).toBeDefined();
    expect(row!.question, entry.id).toBe(entry.question);
    expect(row!.answer, entry.id).toBe(entry.answer);
    // Every cell is text: a question starting with "=" stays a question.
    expect(row!.types, entry.id).toEqual(['s']);
    expect(row!.links, entry.id).toEqual(entry.links);
    expect(row!.url, entry.id).toBe(url(`/questionnaire/#q-${entry.id}`));
  }
});

test('questionnaire.csv has one row per question, formula starts defused', () => {
  const rows = parseCsv(readDist('questionnaire.csv'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(expected.length);
  for (const entry of expected) {
    const row = rows.find((candidate) => candidate[q.columns.id] === entry.id);
    const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    expect(row?.[q.columns.question], entry.id).toBe(defused(entry.question));
    expect(row?.[q.columns.answer], entry.id).toBe(defused(entry.answer));
    for (const link of entry.links) expect(row?.[q.columns.sources], entry.id).toContain(`<${link}>`);
  }
});

test('the questionnaire page shows every question anchored under its domain, its sources, and what is not stated', async ({ page }) => {
  await page.goto('/questionnaire/');
  await expect(page.getByRole('heading', { level: 1, name: q.title })).toBeVisible();
  await expect(page.getByRole('link', { name: q.xlsx })).toHaveAttribute('href', '/questionnaire.xlsx');
  await expect(page.getByRole('link', { name: q.csv })).toHaveAttribute('href', '/questionnaire.csv');
  for (const { id, data } of content.questionnaire) {
    const item = page.locator(`[id="q-${id}"]`);
    await expect(item.getByRole('heading', { level: 3 }), id).toHaveText(data.question);
    await expect(page.getByRole('region', { name: q.domains[data.domain] }).locator(`[id="q-${id}"]`), id).toHaveCount(1);
    if (data.answer === undefined) await expect(item.getByText(q.notStated, { exact: true }), id).toBeVisible();
    else await expect(item.getByText(data.answer, { exact: true }), id).toBeVisible();
    const hrefs = await item.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const link of expected.find((entry) => entry.id === id)!.links) expect(hrefs, id).toContain(new URL(link).pathname + new URL(link).hash);
  }
});

test('the documents page lists the workbook and the CSV, and the FAQ links the answer sheet', async ({ page }) => {
  await page.goto('/documents/');
  await expect(page.getByRole('link', { name: t.documents.questionnaireXlsx })).toHaveAttribute('href', '/questionnaire.xlsx');
  await expect(page.getByRole('link', { name: t.documents.questionnaireCsv })).toHaveAttribute('href', '/questionnaire.csv');
  await page.goto('/faq/');
  await page.getByRole('link', { name: t.faq.questionnaireLink }).click();
  await expect(page).toHaveURL(/\/questionnaire\/$/);
});
