import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openPdf, pageTexts } from '../../src/lib/pdf/inspect.ts';
import { validFixture } from '../helpers/fixture-content.ts';
import { builtFixture } from '../helpers/project-copy.ts';

// A trust center built as of 2026-11-27 with a removal, an update and an addition still ahead, a
// retention note, a certified framework and documents in an order that is neither alphabetical nor
// the file's: every output must say the same thing about each of them, in words.
const today = '2026-11-27';
const subprocessor = (name: string, extra = '') =>
  `name: ${name}\npurpose: ${name} service\ncategory: infrastructure\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://${name.toLowerCase().replace(/\W/g, '')}.example.com\n${extra}`;
const change = (front: string, reason: string) => `---\n${front}\n---\n\n${reason}\n`;

const files: Record<string, string | null> = {
  'subprocessors/mail.yaml': subprocessor('Example Mail'),
  'subprocessors/ai.yaml': `name: Example AI
purpose: Model inference
category: AI processing
locations: [US]
transferMechanism: eu-us-dpf
zeroDataRetention: true
retentionNote: Prompts are deleted after 30 days
website: https://ai.example.com
`,
  'subprocessors/db.yaml': subprocessor('Example Database'),
  'subprocessor-changes/2026-01-01-first-list.mdx': change(
    'type: baseline\nsubprocessors: [cloud, mail, ai]\nannounced: 2026-01-01\neffective: 2026-01-01',
    'The first published list.',
  ),
  'subprocessor-changes/2026-11-20-mail-removed.mdx': change(
    'type: removed\nsubprocessor: mail\nannounced: 2026-11-20\neffective: 2026-12-27',
    'Email moves in-house.',
  ),
  'subprocessor-changes/2026-11-10-ai-updated.mdx': change(
    'type: updated\nsubprocessor: ai\nannounced: 2026-11-10\neffective: 2026-12-15\nchanges:\n  - field: transferMechanism\n    from: eu-us-dpf\n    to: sccs\n  - field: locations\n    from: [US]\n    to: [US, IE]',
    'The provider adds an Irish region.',
  ),
  'subprocessor-changes/2026-11-01-db-added.mdx': change(
    'type: added\nsubprocessor: db\nannounced: 2026-11-01\neffective: 2026-12-20',
    'A managed database replaces our own.',
  ),
  'certifications/soc.yaml': `framework: SOC 2 Type II
kind: attestation
status: certified
order: 2
statement: Attested.
since: 2026-10-01
validUntil: 2027-09-30
auditor: Example Audit LLP
`,
  'documents.yaml': `${validFixture['documents.yaml']!.replace('order: 1', 'order: 3')}- id: whitepaper-pdf
  title: Zeta whitepaper
  order: 1
  description: The whitepaper as a PDF.
  access: generated
  pdf: whitepaper
- id: alpha-report
  title: Alpha report
  order: 2
  description: On request.
  access: on-request
  contact: security
`,
};

const { project, dist } = builtFixture(files, today, 240_000);
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const main = (file: string) => text(/<main[\s\S]*<\/main>/.exec(dist(file))?.[0] ?? '');

const mailStatus = 'On the current list since 1 January 2026; to be removed on 27 December 2026';
const aiStatus = 'On the current list since 1 January 2026; to be updated on 15 December 2026';
const aiRetention = 'Zero data retention: Prompts are deleted after 30 days';

describe('every output tells the same truth about each sub-processor', () => {
  it('its own page says what is ahead, with the date', () => {
    expect(main('subprocessors/mail/index.html')).toContain(`Status ${mailStatus}`);
    expect(main('subprocessors/ai/index.html')).toContain(`Status ${aiStatus}`);
    expect(main('subprocessors/db/index.html')).toContain('Status Not on the list yet; to be added on 20 December 2026');
    expect(main('subprocessors/cloud/index.html')).toContain('Status On the current list since 1 January 2026 ');
    expect(main('subprocessors/ai/index.html')).toContain(`Data retention ${aiRetention}`);
  });

  it('the table says it too, and states the retention note', () => {
    const rows = [...dist('subprocessors/index.html').matchAll(/<tr class="align-top">([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!).trim());
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.startsWith('Example Mail'))).toContain('To be removed on 27 December 2026');
    expect(rows.find((row) => row.startsWith('Example AI'))).toMatch(new RegExp(`To be updated on 15 December 2026 .* ${aiRetention}$`));
    expect(rows.find((row) => row.startsWith('Example Cloud'))).toMatch(/Infrastructure Germany None needed \(inside the EU\/EEA\) Not stated$/);
  });

  it('the CSV and the JSON agree with the pages', () => {
    const csv = parseCsv(dist('subprocessors.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const byId = new Map(csv.map((row) => [row.id, row]));
    expect([...byId.keys()].sort()).toEqual(['ai', 'cloud', 'mail']);
    expect(byId.get('mail')?.Status).toBe(mailStatus);
    expect(byId.get('ai')?.Status).toBe(aiStatus);
    expect(byId.get('ai')?.['Data retention']).toBe(aiRetention);
    expect(byId.get('ai')?.['On the list since']).toBe('2026-01-01');
    const json = JSON.parse(dist('subprocessors.json')) as { subprocessors: { id: string; status: string; since: string; retentionNote?: string; upcoming: unknown[] }[] };
    const entry = (id: string) => json.subprocessors.find((s) => s.id === id);
    expect(entry('mail')).toMatchObject({ status: 'upcoming-removal', since: '2026-01-01', upcoming: [{ id: '2026-11-20-mail-removed', type: 'removed', effective: '2026-12-27' }] });
    expect(entry('ai')).toMatchObject({ status: 'upcoming-update', retentionNote: 'Prompts are deleted after 30 days', upcoming: [{ type: 'updated', effective: '2026-12-15' }] });
    expect(entry('cloud')).toMatchObject({ status: 'current', upcoming: [] });
  });

  it('the PDF states the same status and retention', async () => {
    const pdf = await openPdf(readFileSync(path.join(project, 'dist/documents/subprocessors.pdf')));
    const all = (await pageTexts(pdf)).join(' ').replace(/\s+/g, ' ');
    for (const expected of [mailStatus, aiStatus, aiRetention, 'To be removed on 27 December 2026']) expect(all).toContain(expected);
  });
});

describe('change details are in words', () => {
  const raw = ['transferMechanism', 'eu-us-dpf', '>sccs<'];

  it('on the change page', () => {
    const page = main('subprocessors/changes/2026-11-10-ai-updated/index.html');
    expect(page).toContain('Transfer mechanism EU-US Data Privacy Framework Standard Contractual Clauses');
    expect(page).toContain('Processing locations United States United States, Ireland');
    const html = /<main[\s\S]*<\/main>/.exec(dist('subprocessors/changes/2026-11-10-ai-updated/index.html'))![0];
    for (const key of raw) expect(html).not.toContain(key);
  });

  it('in the feeds and the calendar', () => {
    const rss = dist('subprocessors/changes/feed.xml');
    expect(rss).toContain('Transfer mechanism:');
    expect(rss).toContain('EU-US Data Privacy Framework → Standard Contractual Clauses');
    expect(dist('subprocessors/changes/feed.json')).toContain('United States → United States, Ireland');
    for (const key of ['transferMechanism', 'eu-us-dpf']) {
      expect(rss).not.toContain(key);
      expect(dist('subprocessors/changes/feed.json')).not.toContain(key);
    }
    const calendar = dist('subprocessors/changes/calendar.ics').replace(/\r\n[ \t]/g, '');
    expect(calendar).toContain('Transfer mechanism: EU-US Data Privacy Framework → Standard Contractual Clauses');
  });
});

describe('certifications and documents', () => {
  it('a certified framework shows its certificate dates, not a target', () => {
    const card = text(/<article id="soc"[\s\S]*?<\/article>/.exec(dist('certifications/index.html'))![0]);
    expect(card).toContain('Since 1 October 2026');
    expect(card).toContain('Valid until 30 September 2027');
    expect(card).not.toContain('Target');
  });

  it('lists documents in the order the company set, on the documents page and the overview', () => {
    const order = ['Zeta whitepaper', 'Alpha report', 'Data Processing Agreement'];
    const titles = (html: string) => [...html.matchAll(/<li id="document-[^"]+"[\s\S]*?<h[23][^>]*>([\s\S]*?)<\/h[23]>/g)].map((m) => text(m[1]!).trim());
    expect(titles(dist('documents/index.html'))).toEqual(order);
    expect(titles(dist('index.html'))).toEqual(order);
  });
});
