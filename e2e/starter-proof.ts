// The proof that the engine carries no company's facts: the starter site (examples/starter/, a
// fictional company) is built from the same engine as this site, and nothing Opisense states may
// appear in its output: pages, feeds, CSV/JSON exports, calendar, sitemap, search index and PDFs.
//
// Run by the starter's `npm test` after its build (`node --test ../../e2e/starter-proof.ts`), so by
// the root `npm test` too. It lives here, not in the starter, because it needs Opisense's content to
// know what to look for: every fact is read from content/, none is written in this file. Not a
// Playwright test (no browser, no server): the file name keeps Playwright from collecting it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readContent, type LoadedContent } from 'astro-trust-center/lib/content/read';
import { openPdf, pageTexts } from 'astro-trust-center/lib/pdf/inspect';

const repo = fileURLToPath(new URL('..', import.meta.url));
const starter = path.join(repo, 'examples/starter');
const dist = path.join(starter, 'dist');

function load(contentDir: string): LoadedContent {
  const { content, findings } = readContent(contentDir, repo);
  assert.ok(content, `${contentDir} does not read: ${findings.map((f) => f.message).join('; ')}`);
  return content;
}

const opisense = load(path.join(repo, 'content'));
const larkspur = load(path.join(starter, 'content'));

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/** What would give Opisense away, each with why it is on the list, read from its content files. */
function opisenseFacts(content: LoadedContent): { fact: string; what: string }[] {
  const company = content.company.data;
  const facts: { fact: string; what: string }[] = [];
  const seen = new Set<string>();
  const add = (what: string, fact: string | undefined) => {
    const trimmed = fact?.trim();
    if (!trimmed || trimmed.length < 3 || seen.has(trimmed.toLowerCase())) return;
    seen.add(trimmed.toLowerCase());
    facts.push({ fact: trimmed, what });
  };
  add('company name', company.name);
  add('legal name', company.legalName);
  add('organisation number', company.organisationNumber);
  add('organisation number without spaces', company.organisationNumber.replace(/\s+/g, ''));
  add('description', company.description);
  add('supervisory authority', company.supervisoryAuthority.localName);
  for (const [kind, address] of Object.entries(company.contacts)) add(`${kind} contact`, address);
  for (const url of [company.siteUrl, company.dpaUrl, company.subprocessorListUrl]) if (url) add('domain', hostOf(url));
  add('security reporting note', company.securityReportingNote);
  add('hosting region code', company.hostingRegion.code);
  add('hosting region', company.hostingRegion.region);
  add('hosting provider', company.hostingRegion.provider);
  for (const { id, data } of content.subprocessors) {
    add(`sub-processor ${id}: name`, data.name);
    add(`sub-processor ${id}: legal entity`, data.legalEntity);
    add(`sub-processor ${id}: website`, hostOf(data.website));
    add(`sub-processor ${id}: purpose`, data.purpose);
  }
  // Opisense's own sentences: a plain sentence of six words or more from any body, statement or rule.
  // Sentences with markup are left out (their rendered form differs from the source).
  const prose = [
    ...content.whitepaper.map((e) => e.body ?? ''),
    ...content.faq.map((e) => e.body ?? ''),
    ...content.updates.map((e) => e.body ?? ''),
    ...content.controls.map((e) => e.data.statement),
    ...content.certifications.map((e) => e.data.statement),
    ...content.retention.data.tiers.map((t) => t.rule),
  ];
  for (const text of prose) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const plain = sentence.trim();
      if (/[*_[\]<>`|#{}]/.test(plain) || plain.split(/\s+/).length < 6) continue;
      add('sentence', plain);
    }
  }
  return facts;
}

/** Text as a reader or a parser meets it: tags out, the few entities the pages use decoded, spaces collapsed. */
function normalise(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;|&#160;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every output of the starter's build, as text, grouped by what kind of output it is. */
async function outputTexts(): Promise<Map<string, { kind: string; text: string }>> {
  const texts = new Map<string, { kind: string; text: string }>();
  for (const file of filesUnder(dist)) {
    const relative = path.relative(dist, file).split(path.sep).join('/');
    const bytes = readFileSync(file);
    let kind: string;
    let text: string;
    if (relative.endsWith('.pdf')) {
      const pdf = await openPdf(bytes);
      // The document properties (title, author, subject, keywords) as PDF.js reads them.
      const info: object = (await pdf.getMetadata()).info;
      kind = 'pdf';
      text = [...(await pageTexts(pdf)), ...Object.values(info).filter((v) => typeof v === 'string')].join('\n');
    } else if (/\.pf_(fragment|index|meta)$/.test(relative)) {
      kind = 'search index';
      text = gunzipSync(bytes).toString('utf8');
    } else if (/\.(html|xml|json|csv|ics|txt|md|css|js)$|(^|\/)_headers$/.test(relative)) {
      kind = relative.endsWith('.html') ? 'page' : (relative.match(/\.(\w+)$/)?.[1] ?? 'headers');
      text = bytes.toString('utf8');
    } else {
      continue; // images, fonts, the search runtime's WebAssembly
    }
    texts.set(relative, { kind, text: normalise(text) });
  }
  return texts;
}

const outputs = await outputTexts();

test('the proof reads every kind of output the starter publishes', () => {
  const kinds = new Set([...outputs.values()].map((o) => o.kind));
  for (const kind of ['page', 'xml', 'json', 'csv', 'ics', 'txt', 'pdf', 'search index']) {
    assert.ok(kinds.has(kind), `no ${kind} output in ${dist}: build the starter first (npm run build -w trust-center-starter)`);
  }
  const pdfs = [...outputs.keys()].filter((file) => file.endsWith('.pdf'));
  assert.deepEqual(pdfs.sort(), ['documents/faq.pdf', 'documents/security-pack.pdf', 'documents/subprocessors.pdf', 'documents/whitepaper.pdf']);
});

test("the starter's own facts are found where they belong (the reading works)", () => {
  const name = larkspur.company.data.name.toLowerCase();
  for (const [file, { kind, text }] of outputs) {
    if (['page', 'pdf', 'xml', 'ics'].includes(kind) && !file.startsWith('sitemap') && !file.endsWith('404.html')) {
      assert.ok(text.includes(name) || larkspur.subprocessors.some((s) => text.includes(s.data.name.toLowerCase())), `${file} names neither ${name} nor a sub-processor of it`);
    }
  }
  const csv = outputs.get('subprocessors.csv')?.text ?? '';
  for (const { data } of larkspur.subprocessors) assert.ok(csv.includes(data.name.toLowerCase()), `subprocessors.csv lacks ${data.name}`);
});

test("the starter's output holds none of Opisense's facts", () => {
  const facts = opisenseFacts(opisense);
  // The list is read from the files; make sure it is the list it should be, not an empty one.
  assert.ok(facts.some((f) => f.what === 'company name'));
  for (const { data } of opisense.subprocessors) assert.ok(facts.some((f) => f.fact === data.name), `${data.name} is not looked for`);
  assert.ok(facts.filter((f) => f.what === 'sentence').length >= 50, 'fewer than 50 of Opisense\'s sentences were read');

  const found: string[] = [];
  for (const { fact, what } of facts) {
    const needle = normalise(fact);
    for (const [file, { text }] of outputs) if (text.includes(needle)) found.push(`${file}: ${what}: "${fact}"`);
  }
  assert.deepEqual(found, [], `Opisense's facts in the starter's output:\n${found.join('\n')}`);
});
