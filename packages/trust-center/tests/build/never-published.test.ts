import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf, pageTexts } from '../../src/lib/pdf/inspect.ts';
import { writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

// Single lowercase words, so that if they reached the index they would be stored as they are.
const DRAFT_MARKER = 'zqxdraftcanary';
const ON_REQUEST_MARKER = 'zqxrequestcanary';


/** Every file under `dir` as text, gzip-compressed ones (Pagefind's index and fragments) decompressed. */
function* files(dir: string): Generator<{ file: string; text: string }> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* files(full);
      continue;
    }
    const bytes = readFileSync(full);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    yield { file: full, text: (gzipped ? gunzipSync(bytes) : bytes).toString('latin1').toLowerCase() };
  }
}

describe('drafts and on-request material in a real build', () => {
  const project = copyProject();
  const dist = path.join(project, 'dist');
  afterAll(() => removeProject(project));

  beforeAll(async () => {
    // The small valid fixture with the canaries added: what leaks is decided per entry, not by how many there are.
    const contentDir = path.join(project, 'site');
    writeFixture({}, contentDir);
    writeFileSync(
      path.join(contentDir, 'faq/canary-draft-question.mdx'),
      `---\nquestion: "Is the ${DRAFT_MARKER} question published?"\ncategory: Security\norder: 99\ndraft: true\nkeywords:\n  - ${DRAFT_MARKER}\n---\n\nThe ${DRAFT_MARKER} answer must not be published.\n`,
    );
    writeFileSync(
      path.join(contentDir, 'whitepaper/canary-draft-section.mdx'),
      `---\nnumber: "99"\ntitle: ${DRAFT_MARKER} section\nsummary: A draft.\nlastReviewed: 2026-11-27\ndraft: true\n---\n\nThe ${DRAFT_MARKER} section must not be published.\n`,
    );
    appendFileSync(
      path.join(contentDir, 'documents.yaml'),
      `- id: canary-report\n  title: Canary report\n  order: 99\n  description: The ${ON_REQUEST_MARKER} report, sent on request.\n  access: on-request\n  contact: security\n`,
    );
    const result = await buildProject(project, { CONTENT_DIR: 'site', BUILD_DATE: '2026-11-27' });
    if (result.failed) throw new Error(result.output);
  }, 300_000);

  it('builds the published site and its search index', () => {
    expect(readFileSync(path.join(dist, 'faq/index.html'), 'utf8')).toContain('data-pagefind-body');
    expect(readdirSync(path.join(dist, 'pagefind/fragment')).length).toBeGreaterThan(0);
  });

  it('puts a draft question or section nowhere in dist/, search index included', () => {
    const found = [...files(dist)].filter(({ text }) => text.includes(DRAFT_MARKER)).map(({ file }) => path.relative(dist, file));
    expect(found).toEqual([]);
  });

  it('puts a draft nowhere in the PDFs (their text read back, not their compressed bytes)', async () => {
    const pdfs = readdirSync(path.join(dist, 'documents')).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.length).toBe(4);
    for (const file of pdfs) {
      const text = (await pageTexts(await openPdf(new Uint8Array(readFileSync(path.join(dist, 'documents', file)))))).join('\n').toLowerCase();
      // The text layer was read (the small fixture's shortest PDF holds about 600 characters), so the checks below can fail.
      expect(text.length, file).toBeGreaterThan(500);
      expect(text, file).not.toContain(DRAFT_MARKER);
      expect(text, file).not.toContain(ON_REQUEST_MARKER);
    }
  });

  it('lists an on-request document for readers to ask for, but never indexes it', () => {
    const found = [...files(path.join(dist, 'pagefind'))].filter(({ text }) => text.includes(ON_REQUEST_MARKER));
    expect(found.map(({ file }) => path.relative(dist, file))).toEqual([]);
    // Its listing (title, what it is, whom to ask) is public on the documents page by design.
    expect(readFileSync(path.join(dist, 'documents/index.html'), 'utf8')).toContain(ON_REQUEST_MARKER);
  });
});
