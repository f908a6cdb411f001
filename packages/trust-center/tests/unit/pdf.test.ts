import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { getMeta } from 'unpdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pdfDocuments } from '../../src/integrations/pdf-documents.ts';
import { NO_BROWSER_MESSAGE } from '../../src/lib/browser.ts';
import { formatFileSize } from '../../src/lib/format.ts';
import { sourceCommit } from '../../src/lib/git.ts';
import { pdfDate } from '../../src/lib/pdf/dates.ts';
import { isPrintPage, pdfPath, printPath } from '../../src/lib/pdf/documents.ts';
import { fillPdfFacts, sitePdfLinks } from '../../src/lib/pdf/facts.ts';
import { rewriteHref, textShowsAddress } from '../../src/lib/pdf/links.ts';
import { applyMetadata, renumberStructureIds, type PdfMetadata } from '../../src/lib/pdf/metadata.ts';
import { faqCategoryId, faqToc, samePages, tocGuess, tocPageNumbers, whitepaperToc } from '../../src/lib/pdf/toc.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { checkGeneratedPdfs } from '../../src/lib/rules/documents.ts';
import { documentSchema, type TrustDocument } from '../../src/schemas/document.ts';

describe('PDF dates (SOURCE_DATE_EPOCH)', () => {
  const now = new Date('2026-11-27T10:11:12Z');

  it('uses the time of the build when SOURCE_DATE_EPOCH is not set', () => {
    expect(pdfDate({}, now)).toEqual(now);
    expect(pdfDate({ SOURCE_DATE_EPOCH: '' }, now)).toEqual(now);
  });

  it('uses SOURCE_DATE_EPOCH, in seconds, when set', () => {
    expect(pdfDate({ SOURCE_DATE_EPOCH: '1798675200' }, now).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds', () => {
    expect(() => pdfDate({ SOURCE_DATE_EPOCH: '2026-11-27' }, now)).toThrow('SOURCE_DATE_EPOCH must be a whole number');
  });
});

describe('file sizes', () => {
  it('reads in decimal units', () => {
    expect(formatFileSize(512)).toBe('512 byte');
    expect(formatFileSize(102_162)).toBe('102 kB');
    expect(formatFileSize(1_234_567)).toBe('1.2 MB');
  });
});

describe('PDF paths', () => {
  it('gives each PDF a stable URL and a print route the sitemap leaves out', () => {
    expect(pdfPath('security-pack')).toBe('/documents/security-pack.pdf');
    expect(printPath('faq')).toBe('/print/faq/');
    expect(isPrintPage('https://trust.example.com/print/faq/')).toBe(true);
    expect(isPrintPage('https://trust.example.com/faq/')).toBe(false);
  });
});

describe('links in PDFs', () => {
  const context = {
    pageUrl: 'http://127.0.0.1:5555/print/security-pack/',
    siteUrl: 'https://trust.example.com',
    targets: new Map([
      ['/whitepaper/#data-encryption', 'data-encryption'],
      ['/subprocessors/aws/', 'subprocessor-aws'],
    ]),
  };

  it('keeps a link to a place the PDF contains inside the PDF', () => {
    expect(rewriteHref('/whitepaper/#data-encryption', context)).toEqual({ href: '#data-encryption', kind: 'internal' });
    expect(rewriteHref('/subprocessors/aws/', context)).toEqual({ href: '#subprocessor-aws', kind: 'internal' });
    expect(rewriteHref('#contents', context)).toEqual({ href: '#contents', kind: 'internal' });
  });

  it('points other site links at the public trust center, never the local server', () => {
    expect(rewriteHref('/subprocessors/openai/', context)).toEqual({ href: 'https://trust.example.com/subprocessors/openai/', kind: 'site' });
    expect(rewriteHref('http://127.0.0.1:5555/faq/#where', context)).toEqual({ href: 'https://trust.example.com/faq/#where', kind: 'site' });
    expect(rewriteHref('/faq/', { ...context, siteUrl: undefined })).toEqual({ href: '/faq/', kind: 'site' });
  });

  it('leaves links elsewhere alone', () => {
    expect(rewriteHref('https://example.com/legal', context)).toEqual({ href: 'https://example.com/legal', kind: 'external' });
    expect(rewriteHref('mailto:security@example.com', context)).toEqual({ href: 'mailto:security@example.com', kind: 'external' });
  });

  it('knows when a link already shows its address', () => {
    expect(textShowsAddress('example.com/legal', 'https://example.com/legal')).toBe(true);
    expect(textShowsAddress('security@example.com', 'mailto:security@example.com')).toBe(true);
    expect(textShowsAddress('https://www.example.com/', 'https://www.example.com')).toBe(true);
    expect(textShowsAddress('Data Processing Agreement', 'https://example.com/legal')).toBe(false);
  });
});

describe('table of contents', () => {
  const sections = [
    { id: 'introduction', number: '1', title: 'Introduction', subsections: [] },
    { id: 'compliance', number: '2', title: 'Compliance', subsections: [{ id: 'isms', number: '2.1', title: 'ISMS' }] },
  ];

  it('lists sections and subsections with the labels the site uses', () => {
    expect(whitepaperToc(sections)).toEqual([
      { id: 'introduction', label: '1. Introduction', level: 1 },
      { id: 'compliance', label: '2. Compliance', level: 1 },
      { id: 'isms', label: '2.1 ISMS', level: 2 },
    ]);
    expect(whitepaperToc(sections, { level: 2 }).map((entry) => entry.id)).toEqual(['introduction', 'compliance']);
  });

  it('lists FAQ categories with their questions', () => {
    expect(faqCategoryId('Data location & AI')).toBe('category-data-location-ai');
    expect(faqToc([{ name: 'Data location', questions: [{ id: 'where', question: 'Where is my data?' }] }])).toEqual([
      { id: 'category-data-location', label: 'Data location', level: 1 },
      { id: 'where', label: 'Where is my data?', level: 2 },
    ]);
  });

  it('numbers pages from 1, counting the cover, and refuses an entry it cannot place', () => {
    const pages = tocPageNumbers(['introduction', 'isms'], new Map([['introduction', 2], ['isms', 3], ['other', 9]]));
    expect([...pages]).toEqual([['introduction', 3], ['isms', 4]]);
    expect(() => tocPageNumbers(['introduction', 'gone'], new Map([['introduction', 2]]))).toThrow('no page found for #gone');
  });

  it('tells when two renderings agree', () => {
    expect(samePages(new Map([['a', 3]]), new Map([['a', 3]]))).toBe(true);
    expect(samePages(new Map([['a', 3]]), new Map([['a', 4]]))).toBe(false);
    expect(samePages(new Map(), new Map([['a', 4]]))).toBe(false);
  });

  it('guesses the pages from an earlier print by id, from a translation\'s source by position, and not at all when the entries differ in number', () => {
    const earlier = new Map([['intro', 3], ['isms', 4]]);
    expect([...tocGuess(['isms', 'intro'], earlier)!]).toEqual([['isms', 4], ['intro', 3]]);
    // The Norwegian FAQ's category ids are translated; its entries are the English ones, in order.
    const source = new Map([['category-data-location', 3], ['where', 3], ['category-security', 4]]);
    expect([...tocGuess(['category-datalokasjon', 'where', 'category-sikkerhet'], source)!]).toEqual([['category-datalokasjon', 3], ['where', 3], ['category-sikkerhet', 4]]);
    expect(tocGuess(['intro'], earlier)).toBeUndefined();
    expect(tocGuess(['intro', 'isms'], undefined)).toBeUndefined();
    expect([...tocGuess([], undefined)!]).toEqual([]);
  });
});

describe('PDF facts next to links', () => {
  const facts = new Map([['faq', { pages: 4, bytes: 75_394 }]]);
  const text = ({ pages, bytes }: { pages: number; bytes: number }) => ` · ${pages} pages · ${formatFileSize(bytes)}`;

  it('fills every mark, whatever the order of its attributes', () => {
    const html = '<a href="/documents/faq.pdf">FAQ</a><span data-pdf-facts="faq"></span><span class="x" data-pdf-facts="faq"></span>';
    const result = fillPdfFacts(html, facts, text);
    expect(result.filled).toBe(2);
    expect(result.html).toBe(
      '<a href="/documents/faq.pdf">FAQ</a><span data-pdf-facts="faq" data-pagefind-ignore> · 4 pages · 75 kB</span><span class="x" data-pdf-facts="faq" data-pagefind-ignore> · 4 pages · 75 kB</span>',
    );
  });

  it('keeps the facts out of search, once: search indexes the pages while the PDFs are made', () => {
    const result = fillPdfFacts('<span data-pagefind-ignore data-pdf-facts="faq"></span>', facts, text);
    expect(result.html).toBe('<span data-pagefind-ignore data-pdf-facts="faq"> · 4 pages · 75 kB</span>');
  });

  it('fails on a mark for a PDF that was not generated', () => {
    expect(() => fillPdfFacts('<span data-pdf-facts="pack"></span>', facts, text)).toThrow('"pack.pdf"');
  });

  it('finds the PDF links of a page', () => {
    expect(sitePdfLinks('<a href="/documents/faq.pdf">a</a> <a href="https://x.com/y.pdf">b</a> <a href="/faq/">c</a>')).toEqual(['/documents/faq.pdf']);
  });
});

describe('PDF metadata', () => {
  const metadata: PdfMetadata = {
    title: 'Security FAQ – Example',
    author: 'Example',
    subject: 'Answers to questions.',
    keywords: ['Example', 'security FAQ', 'data protection'],
    language: 'en',
    date: new Date('2026-12-31T00:00:00Z'),
    creator: 'creator',
    producer: 'producer',
  };

  async function chromiumLikePdf(printedAt: Date): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    document.addPage([595.92, 842.88]).drawText('Hello');
    document.setProducer('Skia/PDF m156');
    document.setCreationDate(printedAt);
    document.setModificationDate(printedAt);
    return document.save();
  }

  it('writes title, author, subject, keywords, language and dates', async () => {
    const bytes = await applyMetadata(await chromiumLikePdf(new Date()), metadata);
    const { info } = await getMeta(new Uint8Array(bytes));
    expect(info).toMatchObject({
      Title: metadata.title,
      Author: 'Example',
      Subject: metadata.subject,
      Keywords: 'Example, security FAQ, data protection',
      Language: 'en',
      Creator: 'creator',
      Producer: 'producer',
      CreationDate: 'D:20261231000000Z',
      ModDate: 'D:20261231000000Z',
    });
  });

  /** A PDF with structure ids the way Chromium writes them for table cells, counted from `first`. */
  async function taggedTable(first: number): Promise<Uint8Array> {
    const document = await PDFDocument.load(await chromiumLikePdf(new Date()));
    const id = (n: number) => PDFString.of(`node${String(first + n).padStart(8, '0')}`);
    const { context } = document;
    context.register(context.obj({ Type: 'StructTreeRoot', IDTree: { Names: [id(0), 'th', id(3), 'th'] } }));
    context.register(context.obj({ S: 'TD', A: [{ O: 'Table', Headers: [id(0), id(3)] }] }));
    return document.save();
  }

  it('renumbers Chromium’s structure ids in order, so they do not depend on browser history', async () => {
    const document = await PDFDocument.load(await taggedTable(101));
    expect(renumberStructureIds(document)).toBe(2);
    const strings = document.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict ? [object] : []))
      .flatMap((dict) => {
        const names = dict.lookupMaybe(PDFName.of('IDTree'), PDFDict)?.lookupMaybe(PDFName.of('Names'), PDFArray);
        const headers = dict.lookupMaybe(PDFName.of('A'), PDFArray)?.lookupMaybe(0, PDFDict)?.lookupMaybe(PDFName.of('Headers'), PDFArray);
        return [...(names?.asArray() ?? []), ...(headers?.asArray() ?? [])];
      })
      .filter((value): value is PDFString => value instanceof PDFString)
      .map((value) => value.asString());
    expect(strings).toEqual(['node00000001', 'node00000002', 'node00000001', 'node00000002']);
    const a = await applyMetadata(await taggedTable(101), metadata);
    const b = await applyMetadata(await taggedTable(205), metadata);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('gives the same bytes, file identifier included, whenever Chromium printed', async () => {
    const a = await applyMetadata(await chromiumLikePdf(new Date('2026-01-01T00:00:00Z')), metadata);
    const b = await applyMetadata(await chromiumLikePdf(new Date('2026-06-01T12:34:56Z')), metadata);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString('latin1')).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
  });

  it('identifies the file by a hash of its own bytes, and another document by another hash', async () => {
    const a = Buffer.from(await applyMetadata(await chromiumLikePdf(new Date('2026-01-01T00:00:00Z')), metadata));
    const ids = [...a.toString('latin1').matchAll(/\/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]/g)];
    expect(ids).toHaveLength(1);
    const [match, first, second] = ids[0]!;
    expect(first).toBe(second);
    // The hash is over the file with 32 zeros where the identifier stands.
    const zeroed = Buffer.from(a.toString('latin1').replace(match, `/ID [ <${'0'.repeat(32)}> <${'0'.repeat(32)}> ]`), 'latin1');
    expect(createHash('sha256').update(zeroed).digest('hex').slice(0, 32)).toBe(first);
    // Still a PDF a reader opens, with the properties written, and its cross-reference stream where
    // the file says it is (a reader that follows the offsets, not only pdf-lib's sequential parse).
    expect((await PDFDocument.load(a, { updateMetadata: false })).getTitle()).toBe(metadata.title);
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(a.toString('latin1'))![1]);
    expect(a.subarray(startxref, startxref + 200).toString('latin1')).toMatch(/^\d+ 0 obj\s*<<[^]*\/Type \/XRef/);
    expect((await getMeta(new Uint8Array(a))).info.Title).toBe(metadata.title);
    const other = Buffer.from(await applyMetadata(await chromiumLikePdf(new Date('2026-01-01T00:00:00Z')), { ...metadata, title: 'Another title' }));
    expect(/\/ID \[ <([0-9a-f]{32})>/.exec(other.toString('latin1'))![1]).not.toBe(first);
  });
});

describe('generated documents in content/documents.yaml', () => {
  const entry = (id: string, pdf: string) => ({ id, title: 'T', order: 1, description: 'D.', access: 'generated', pdf });

  it('accepts the four generated PDFs and nothing else', () => {
    for (const pdf of ['whitepaper', 'faq', 'subprocessors', 'security-pack']) expect(documentSchema.safeParse(entry('x', pdf)).success).toBe(true);
    expect(documentSchema.safeParse(entry('x', 'annual-report')).success).toBe(false);
  });

  it('fails a PDF listed twice (duplicate-pdf)', () => {
    const documents = [entry('faq-pdf', 'faq'), entry('faq-again', 'faq')].map((data) => ({
      id: data.id,
      file: 'content/documents.yaml',
      data: documentSchema.parse(data) as TrustDocument,
    }));
    expect(checkGeneratedPdfs(documents).map(formatFinding)).toEqual([
      'content/documents.yaml: faq-again.pdf: "faq" is already listed by "faq-pdf" (duplicate-pdf)',
    ]);
  });
});

describe('source commit on the cover', () => {
  it.skipIf(!existsSync('.git'))('is the short commit in a git checkout', () => {
    expect(sourceCommit(process.cwd())?.commit).toMatch(/^[0-9a-f]{7,}$/);
  });

  it('is left out when the build does not run in a git checkout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trust-nogit-'));
    try {
      expect(sourceCommit(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the pdf-documents integration without a browser', () => {
  afterEach(() => vi.restoreAllMocks());

  function setup(command: string) {
    const integration = pdfDocuments({
      resolve: () => {
        throw new Error(NO_BROWSER_MESSAGE);
      },
    });
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const hook = integration.hooks['astro:config:setup'] as unknown as (options: { command: string; logger: typeof logger }) => void;
    return () => hook({ command, logger });
  }

  it('stops a build with the resolver’s one line before anything is written', () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    expect(setup('build')).toThrow('exit 1');
    expect(printed).toHaveBeenCalledWith(NO_BROWSER_MESSAGE);
  });

  it('does not look for a browser outside builds (astro dev, astro check)', () => {
    expect(setup('dev')).not.toThrow();
    expect(setup('sync')).not.toThrow();
  });
});
