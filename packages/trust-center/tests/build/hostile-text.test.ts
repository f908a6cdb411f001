
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { markdownToMdast } from 'satteri';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { t } from '../../src/i18n/en.ts';
import { validFixture } from '../helpers/fixture-content.ts';
import { builtFixture } from '../helpers/project-copy.ts';

// Valid content whose text looks like markup, a CDATA end, spreadsheet formulas and iCalendar
// syntax: the build accepts it, and every output must show it as the literal text it is.
const name = `=HYPERLINK("https://evil.example/?a=1&b=2","<script>alert(1)</script>") ]]> & ]]> 'q'`;
const purpose = `+cmd|' /C calc'!A0\n<b>bold</b> "quoted"; a,b\\c`;
const legalEntity = '@SUM(1+1) <img src=x onerror=alert(1)>';
const category = '-2+3 </td></tr>';
const updateTitle = `<b>x</b> & "y" ]]> ]]> <script>alert(2)</script>`;

const files: Record<string, string> = {
  'subprocessors/mail.yaml': stringify({
    name,
    legalEntity,
    purpose,
    category,
    dataCategories: ['=1+1', '\tindented'],
    locations: ['DE'],
    transferMechanism: 'none',
    retentionNote: '\rreturn; BEGIN:VEVENT',
    website: 'https://mail.example.com',
  }),
  'subprocessor-changes/2026-10-01-mail.mdx': '---\ntype: added\nsubprocessor: mail\nannounced: 2026-10-01\neffective: 2026-11-01\n---\n\nEmail delivery moves to a new provider.\n',
  'updates/2026-01-01-hello.mdx': validFixture['updates/2026-01-01-hello.mdx']!.replace('title: Trust center published', `title: ${JSON.stringify(updateTitle)}`),
};

const { dist } = builtFixture(files, '2026-11-27', 300_000);

/** A page's text as a reader sees it: tags removed, Astro's entities decoded. */
const pageText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * A page's markup with every double-quoted attribute value emptied. Inside a quoted value `<` is
 * plain text (HTML escapes only `"` and `&` there, as Astro does), and page text has its quotes
 * escaped, so a `<script>` left after this would be a real element.
 */
const markup = (html: string) => html.replace(/"[^"]*"/g, '""');

describe('hostile-looking text is published as harmless literal text', () => {
  it('shows it as text on the HTML pages, never as markup', () => {
    for (const page of ['subprocessors/mail/index.html', 'subprocessors/index.html', 'updates/2026-01-01-hello/index.html']) {
      const html = markup(dist(page));
      expect(html, page).not.toContain('<script>alert');
      expect(html, page).not.toContain('<img src=x');
      expect(html, page).not.toContain('<b>');
      expect(html, page).not.toContain('</td></tr>-');
    }
    const detail = pageText(dist('subprocessors/mail/index.html'));
    for (const text of [name, legalEntity, category.trim(), '<b>bold</b> "quoted"; a,b\\c']) expect(detail).toContain(text);
    expect(pageText(dist('updates/2026-01-01-hello/index.html'))).toContain(updateTitle);
  });

  it('keeps RSS and Atom well-formed, with the titles read back as the same text', () => {
    const added = t.changes.itemTitle('added', name);
    for (const feed of ['subprocessors/changes/feed.xml', 'subprocessors/changes/atom.xml', 'updates/feed.xml', 'updates/atom.xml']) {
      const xml = dist(feed);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      expect(xml, feed).not.toContain('<script>');
      expect(xml, feed).not.toContain('<b>');
      const titles = extractFromXml(xml).entries?.map((entry) => entry.title);
      expect(titles, feed).toContain(feed.startsWith('updates') ? updateTitle : added);
    }
    expect(dist('subprocessors/changes/atom.xml')).not.toContain('type="html"><![CDATA[');
  });

  it('keeps JSON Feed titles as text and content_html escaped', () => {
    const changes = JSON.parse(dist('subprocessors/changes/feed.json')) as { items: { title: string; content_html: string }[] };
    const item = changes.items.find((entry) => entry.title === t.changes.itemTitle('added', name));
    expect(item).toBeDefined();
    expect(item!.content_html).not.toContain('<script>');
    expect(item!.content_html).not.toContain('<img');
    expect(item!.content_html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const updates = extractFromJson(JSON.parse(dist('updates/feed.json')));
    expect(updates.entries?.map((entry) => entry.title)).toContain(updateTitle);
  });

  it('writes the CSV so no cell is a formula, and the JSON export as the exact text', () => {
    const rows = parseCsv(dist('subprocessors.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === 'mail')!;
    const l = t.subprocessors;
    expect(row[l.name]).toBe(`'${name}`);
    expect(row[l.purpose]).toBe(`'${purpose}`);
    expect(row[l.legalEntity]).toBe(`'${legalEntity}`);
    expect(row[l.category]).toBe(`'${category}`);
    expect(row[l.dataCategories]).toBe(`'=1+1; \tindented`);
    expect(row[l.retention]).toBe(`'\rreturn; BEGIN:VEVENT`);
    for (const record of rows) for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const json = JSON.parse(dist('subprocessors.json')) as { subprocessors: { id: string; name: string; purpose: string }[] };
    expect(json.subprocessors.find((s) => s.id === 'mail')).toMatchObject({ name, purpose });
  });

  it('writes the calendar so ical.js reads one event per change, with the title as text', () => {
    const calendar = new ICAL.Component(ICAL.parse(dist('subprocessors/changes/calendar.ics')));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.getFirstPropertyValue('summary'))).toContain(t.changes.calendarEvent(t.changes.itemTitle('added', name)));
  });

  it('writes the Markdown twins and llms-full.txt so a Markdown parser reads each value back as one cell of text, and trust.json as the exact text', () => {
    type Node = { type: string; value?: string; children?: Node[] };
    const text = (node: Node): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(text).join(''));
    const folded = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ');
    for (const file of ['subprocessors.md', 'llms-full.txt']) {
      const tables = (markdownToMdast(dist(file)) as Node).children!.filter((node) => node.type === 'table');
      const table = tables.find((candidate) => candidate.children!.some((r) => text(r.children![0]!) === folded(name)));
      expect(table, file).toBeDefined();
      const row = table!.children!.find((r) => text(r.children![0]!) === folded(name));
      // As many cells as the header: no `|` in a value split the row.
      expect(row!.children!.length, file).toBe(table!.children![0]!.children!.length);
      expect(text(row!.children![1]!), file).toBe(folded(purpose));
      expect(text(row!.children![2]!), file).toBe(category.trim());
    }
    expect(dist('subprocessors.md')).not.toContain('<script>');
    const trust = JSON.parse(dist('trust.json')) as { subprocessors: { id: string; name: string; purpose: string; legalEntity: string }[] };
    expect(trust.subprocessors.find((s) => s.id === 'mail')).toMatchObject({ name, purpose, legalEntity });
  });
});
