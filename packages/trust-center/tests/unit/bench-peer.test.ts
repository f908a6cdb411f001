import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusWords, EXTRA_PAGE_WORDS, extraPages, updateFile, writeExtraUpdates } from '../../scripts/lib/bench-extra-pages.ts';
import { chunksFor, decodeCbor, pagesFor, readPagefindFile } from '../../scripts/lib/pagefind-bytes.ts';
import { cpuShares, loadAverages, median, peerBuildsTable, peerSummaryTable, ratio, singleBuildSizes, type PeerBuild } from '../../scripts/lib/peer-report.ts';
import { astroConfig, componentsAsText, contentLanguages, controlPages, extraPeerPage, markdownText, pageFile, peerPages, subprocessorBody } from '../../scripts/lib/peer-site.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { writeFixture } from '../helpers/fixture-content.ts';

const today = new Date('2026-11-27T00:00:00Z');
const company = { name: 'Example', contacts: { security: 'security@example.com' }, dpaUrl: 'https://www.example.com/legal/', noticePeriodDays: 30 };
const words = corpusWords(['Data is encrypted at rest with AES-256 and in transit with TLS 1.3; keys rotate yearly.']);

describe('content as Starlight pages', () => {
  it('replaces each content component by the text it renders', () => {
    const body = 'Write to <Contact kind="security" />. The DPA: <DpaLink />, or <DpaLink>our DPA</DpaLink>. Notice: <NoticePeriod />.{/* a note */}';
    expect(componentsAsText(body, company, 'faq/x.mdx')).toBe(
      'Write to [security@example.com](<mailto:security@example.com>). The DPA: [example.com/legal](<https://www.example.com/legal/>), or [our DPA](<https://www.example.com/legal/>). Notice: 30 days.',
    );
    expect(componentsAsText('<NoticePeriod />', { ...company, noticePeriodDays: 1 }, 'x.mdx')).toBe('1 day');
  });

  it('names the file when a component cannot become text', () => {
    expect(() => componentsAsText('<Contact kind="privacy" />', company, 'faq/x.mdx')).toThrow('faq/x.mdx: <Contact kind="privacy" />: company.yaml has no contacts.privacy');
    expect(() => componentsAsText('<Chart />', company, 'whitepaper/y.mdx')).toThrow('whitepaper/y.mdx: <Chart>');
    expect(() => componentsAsText('<DpaLink />', { name: 'Example', contacts: {}, noticePeriodDays: 30 }, 'z.mdx')).toThrow('z.mdx: <DpaLink>: company.yaml has no dpaUrl');
  });

  it('escapes text from YAML so it stays text in Markdown', () => {
    expect(markdownText('*bold* [x](y) <b>&amp; #1')).toBe('\\*bold\\* \\[x\\]\\(y\\) \\<b\\>\\&amp; \\#1');
    expect(markdownText('- not a list\n= nor a heading')).toBe('\\- not a list\n\\= nor a heading');
    expect(subprocessorBody({ name: 'A', purpose: 'Mail_out <fast>', locations: ['DE', 'US'], zeroDataRetention: true, website: 'https://a.example/(x)', keywords: ['hidden'] })).toBe(
      '- **Purpose:** Mail\\_out \\<fast\\>\n- **Locations:** DE, US\n- **Zero Data Retention:** yes\n- **Website:** [https://a.example/\\(x\\)](<https://a.example/(x)>)\n',
    );
  });

  it('groups controls by category, one page each, in file order', () => {
    const pages = controlPages([
      { title: 'TLS', category: 'Encryption', statement: 'In transit.' },
      { title: 'Badges', category: 'Physical security', statement: 'Key cards.' },
      { title: 'AES', category: 'Encryption', statement: 'At rest.' },
    ]);
    expect(pages.map((p) => [p.file, p.data.title])).toEqual([
      ['controls/encryption.md', 'Encryption'],
      ['controls/physical-security.md', 'Physical security'],
    ]);
    expect(pages[0]!.body).toBe('## TLS\n\nIn transit.\n\n## AES\n\nAt rest.\n');
  });

  it('turns a content folder into one page per section, answer, control category, sub-processor and news item', () => {
    const dir = writeFixture({ 'faq/report.mdx': '---\nquestion: "How: report?"\ncategory: Data\norder: 2\n---\n\nWrite to <Contact kind="security" />.\n' });
    const pages = peerPages(dir);
    expect(pages.map((p) => p.file).sort()).toEqual(
      ['index.md', 'whitepaper/overview.md', 'whitepaper/encryption.md', 'faq/where.md', 'faq/report.md', 'controls/encryption.md', 'subprocessors/cloud.md', 'news/2026-01-01-hello.md'].sort(),
    );
    const section = pages.find((p) => p.file === 'whitepaper/encryption.md')!;
    expect(section.data).toEqual({ title: '1.1 Encryption', description: 'How data is encrypted.', sidebar: { order: 2 } });
    const answer = pages.find((p) => p.file === 'faq/report.md')!;
    // The front matter is YAML the writer quotes where needed: the colon in the question stays text.
    expect(pageFile(answer)).toBe('---\ntitle: "How: report?"\nsidebar:\n  order: 2\n---\n\n\nWrite to [security@example.com](<mailto:security@example.com>).\n');
  });

  it('builds a translated edition: each translation over its source, untranslated entries in the source language, under the language folder', () => {
    const base = writeFixture();
    const dir = writeFixture(
      {
        'company.yaml': readFileSync(path.join(base, 'company.yaml'), 'utf8').replace('languages: [en]', 'languages: [en, nb, de]'),
        'nb/company.yaml': 'translates: 000000000000\ndescription: Example lager programvare.\n',
        'nb/whitepaper/encryption.mdx': '---\ntranslates: 000000000000\ntitle: Kryptering\nsummary: Hvordan data krypteres.\n---\n\nData krypteres.\n',
        'nb/controls.yaml': '- id: tls\n  translates: 000000000000\n  title: Kryptering under overføring\n  category: Kryptering\n  statement: Data krypteres.\n',
        'nb/subprocessors/cloud.yaml': 'translates: 000000000000\npurpose: Drift\n',
      },
      base,
    );
    // de is listed but has no folder: no edition.
    expect(contentLanguages(dir)).toEqual({ source: 'en', translations: ['nb'] });
    const pages = peerPages(dir, 'nb');
    expect(pages.map((p) => p.file).sort()).toEqual(peerPages(dir).map((p) => `nb/${p.file}`).sort());
    const page = (file: string) => pages.find((p) => p.file === file)!;
    expect(page('nb/index.md').body).toBe('Example lager programvare.\n');
    // Translated fields and body; the number and date are the source's; the drift stamp is not shown.
    expect(page('nb/whitepaper/encryption.md').data).toEqual({ title: '1.1 Kryptering', description: 'Hvordan data krypteres.', sidebar: { order: 2 } });
    expect(page('nb/whitepaper/encryption.md').body.trim()).toBe('Data krypteres.');
    expect(page('nb/whitepaper/overview.md').body.trim()).toBe('Example makes software.');
    expect(page('nb/controls/encryption.md').data.title).toBe('Kryptering');
    expect(page('nb/controls/encryption.md').body).toBe('## Kryptering under overføring\n\nData krypteres.\n');
    expect(page('nb/subprocessors/cloud.md').data).toEqual({ title: 'Example Cloud', description: 'Drift' });
    expect(page('nb/subprocessors/cloud.md').body).not.toContain('000000000000');
  });

  it('gives Starlight a locale per translation, the source as its root', () => {
    expect(astroConfig('Example', 'en', ['nb'])).toContain('"defaultLocale":"root","locales":{"root":{"label":"English","lang":"en"},"nb":{"label":"norsk bokmål","lang":"nb"}}');
    expect(astroConfig('Example')).not.toContain('locales');
  });

  it('writes a config whose sidebar leaves the extra pages out', () => {
    const config = astroConfig('Example "quoted"');
    expect(config).toContain('"title":"Example \\"quoted\\""');
    expect(config).toContain('{"label":"News","items":[{"autogenerate":{"directory":"news"}}]}');
    expect(config).not.toContain('"pages"');
  });
});

describe('extra pages', () => {
  it('keeps only words: no Markdown or MDX syntax reaches a page', () => {
    expect(corpusWords(['**GDPR:** see [the DPA](<https://x.example/dpa>) or <Contact kind="security" />; ISO 27001:2022 {x}'])).toEqual([
      'GDPR', 'see', 'the', 'DPA', 'or', 'ISO', '27001', '2022', 'x',
    ]);
  });

  it('writes pages of the same length with distinct ids, dated on or before today', () => {
    const pages = extraPages(1_200, words, today);
    expect(new Set(pages.map((p) => p.id)).size).toBe(1_200);
    for (const page of [pages[0]!, pages[1_199]!]) {
      expect(page.body.split(/\s+/).filter(Boolean)).toHaveLength(EXTRA_PAGE_WORDS);
      expect(Date.parse(page.date)).toBeLessThanOrEqual(today.getTime());
      expect(page.id.startsWith(page.date)).toBe(true);
    }
    expect(pages[0]!.id).toBe('2026-11-27-bench-0001');
    expect(pages[1_000]!.date).toBe('2026-11-27');
    expect(() => extraPages(1, [], today)).toThrow(/at least one word/);
  });

  it('gives both sites the same words', () => {
    const [page] = extraPages(1, words, today);
    expect(updateFile(page!).endsWith(`\n\n${page!.body}`)).toBe(true);
    expect(extraPeerPage(page!)).toEqual({ file: `pages/${page!.id}.md`, data: { title: page!.title, description: page!.summary }, body: page!.body });
  });

  it('as news items, pass every content rule of the build', () => {
    const dir = writeFixture({});
    writeExtraUpdates(dir, extraPages(30, words, today));
    expect(readdirSync(path.join(dir, 'updates'))).toHaveLength(31);
    expect(readFileSync(path.join(dir, 'updates', '2026-11-27-bench-01.md'), 'utf8')).toMatch(/^---\ntitle: .+\ndate: 2026-11-27\ncategory: security\nsummary: .+\n---\n\n/);
    expect(validateContent(dir, today, dir).errors).toEqual([]);
  });
});

const build = (site: PeerBuild['site'], extra: number, order: number, seconds: number, more: Partial<PeerBuild> = {}): PeerBuild => ({
  site,
  extra,
  order,
  seconds,
  cpuSeconds: seconds * 1.5,
  peakProcessBytes: 512 * 1_048_576,
  peakTreeBytes: 1_024 * 1_048_576,
  pages: site === 'ours' ? 60 : 45,
  loadBefore: '1.00 0.50 0.25',
  loadAfter: '2.00 1.00 0.50',
  ...more,
});

describe('the side-by-side report', () => {
  it('takes medians and ratios (ours / Starlight)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(ratio(15, 6)).toBe('2.50×');
    expect(ratio(1, 0)).toBe('–');
    expect(ratio(14.4, -13.4)).toBe('–');
    expect(ratio(Number.NaN, 2)).toBe('–');
    expect(loadAverages('1.52 0.98 0.61 3/190 5670\n')).toBe('1.52 0.98 0.61');
  });

  it('prints per size the medians of each site, our time without PDFs, and the cost of an extra page', () => {
    const builds = [
      build('ours', 0, 1, 15, { pdfSeconds: 9 }),
      build('starlight', 0, 2, 6),
      build('starlight', 0, 3, 5),
      build('ours', 0, 4, 17, { pdfSeconds: 10 }),
      build('ours', 0, 5, 16, { pdfSeconds: 11 }),
      build('starlight', 0, 6, 7),
      build('starlight', 1000, 7, 16, { pages: 1045 }),
      build('ours', 1000, 8, 26, { pdfSeconds: 10, peakProcessBytes: 1_024 * 1_048_576 }),
    ];
    const lines = peerSummaryTable(builds).split('\n');
    expect(lines[0]).toBe(
      '| size | builds (median of) | wall time: Starlight / ours / ratio | wall time without our PDF step (computed) | CPU time, whole tree | CPU time without Chromium (measured per process) | peak memory, largest process | peak memory, whole tree (PSS) | pages (HTML): Starlight / ours |',
    );
    expect(lines[2]).toBe(
      "| today's content | 3 each | 6.0 s / 16.0 s / 2.67× | 6.0 s / 6.0 s / 1.00× | 9.0 s / 24.0 s / 2.67× | 9.0 s / 24.0 s / 2.67× | 512 MiB / 512 MiB / 1.00× | 1,024 MiB / 1,024 MiB / 1.00× | 45 / 60 |",
    );
    expect(lines[3]).toBe('| +1,000 pages | 1 each | 16.0 s / 26.0 s / 1.63× | 16.0 s / 16.0 s / 1.00× | 24.0 s / 39.0 s / 1.63× | 24.0 s / 39.0 s / 1.63× | 512 MiB / 1,024 MiB / 2.00× | 1,024 MiB / 1,024 MiB / 1.00× | 1045 / 60 |');
    // (26 − 16) s / 1,000 pages ours, (16 − 6) s / 1,000 Starlight's.
    expect(lines[4]).toBe('| cost per extra page at +1,000 pages |  | 10.0 ms / 10.0 ms / 1.00× | 10.0 ms / 10.0 ms / 1.00× | 15.0 ms / 15.0 ms / 1.00× | 15.0 ms / 15.0 ms / 1.00× |  |  |  |');
    expect(singleBuildSizes(builds)).toEqual([1000]);
  });

  it('splits a build’s CPU into Chromium’s, Pagefind’s and the rest, and leaves Chromium’s out of the CPU without it', () => {
    const cpuByKind = { node: 10, 'Chromium renderer': 8, 'Chromium browser': 3.5, 'Chromium gpu-process': 2, pagefind_extended: 1.5, esbuild: 0.5 };
    expect(cpuShares(cpuByKind)).toEqual({ chromium: 13.5, pagefind: 1.5, rest: 10.5 });
    expect(cpuShares(undefined).chromium).toBeNaN();
    const builds = [build('ours', 0, 1, 20, { cpuSeconds: 25.5, cpuByKind }), build('starlight', 0, 2, 5, { cpuSeconds: 6, cpuByKind: { node: 5, pagefind: 1 } })];
    expect(peerSummaryTable(builds).split('\n')[2]).toContain('| 6.0 s / 25.5 s / 4.25× | 6.0 s / 12.0 s / 2.00× |');
    expect(peerBuildsTable(builds).split('\n')[2]).toContain('| 25.5 s | 13.5 s / 1.5 s / 10.5 s |');
  });

  it('lists every build in the order it ran, with the load around it', () => {
    const table = peerBuildsTable([build('starlight', 0, 2, 6), build('ours', 0, 1, 15, { pdfSeconds: 9 })]).split('\n');
    expect(table[2]).toBe("| 1 | today's content | ours | 15.0 s | 9.0 s | 22.5 s | – / – / – | 512 MiB | 1,024 MiB | 60 | 1.00 0.50 0.25 | 2.00 1.00 0.50 |");
    expect(table[3]).toBe("| 2 | today's content | Starlight | 6.0 s | – | 9.0 s | – / – / – | 512 MiB | 1,024 MiB | 45 | 1.00 0.50 0.25 | 2.00 1.00 0.50 |");
  });
});

/** CBOR by hand, as Pagefind writes it (RFC 8949 heads). */
const cbor = {
  text: (s: string) => [0x60 + s.length, ...new TextEncoder().encode(s)],
  array: (...items: number[][]) => [0x80 + items.length, ...items.flat()],
  uint: (n: number) => (n < 24 ? [n] : [0x18, n]),
  neg: (n: number) => [0x20 + (-1 - n)],
};

describe('first-query bytes from a pagefind/ folder', () => {
  it('decodes the CBOR Pagefind writes', () => {
    expect(decodeCbor(Uint8Array.from([0x19, 0x01, 0x00]))).toBe(256);
    expect(decodeCbor(Uint8Array.from(cbor.neg(-3)))).toBe(-3);
    expect(decodeCbor(Uint8Array.from(cbor.array(cbor.text('ab'), cbor.uint(30), [0xf5], [0xf6])))).toEqual(['ab', 30, true, null]);
    expect(decodeCbor(Uint8Array.from([0xa1, ...cbor.text('k'), 0x01]))).toEqual(new Map([['k', 1]]));
    expect(() => decodeCbor(Uint8Array.from([0x9f]))).toThrow(/indefinite/);
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01]))).toThrow(/unexpected end/);
  });

  it('reads a signed index file and refuses anything else', () => {
    const file = gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(cbor.array(cbor.text('1.6.0')))]));
    expect(readPagefindFile(file)).toEqual(['1.6.0']);
    expect(() => readPagefindFile(gzipSync(Buffer.from(cbor.array())))).toThrow(/signature/);
  });

  it('picks the chunks whose range holds the word or words it begins, by code unit', () => {
    const meta = {
      pages: [],
      chunks: [
        { from: '1', to: 'cloud', hash: 'a' },
        { from: 'cmk', to: 'data', hash: 'b' },
        { from: 'databas', to: 'key', hash: 'c' },
        { from: 'keys', to: '✓', hash: 'd' },
      ],
    };
    expect(chunksFor(meta, 'data').map((c) => c.hash)).toEqual(['b', 'c']);
    expect(chunksFor(meta, 'zone').map((c) => c.hash)).toEqual(['d']);
  });

  it('adds up the page numbers a chunk stores as differences', () => {
    // [[["data", [[2, locations], [3, …], [1, …]]], …]]: pages 2, 5 and 6 for "data", 1 for "database", none for "date".
    const chunk = decodeCbor(
      Uint8Array.from(
        cbor.array(
          cbor.array(
            cbor.array(cbor.text('data'), cbor.array(cbor.array(cbor.uint(2), cbor.array()), cbor.array(cbor.uint(3), cbor.array()), cbor.array(cbor.uint(1), cbor.array()))),
            cbor.array(cbor.text('database'), cbor.array(cbor.array(cbor.uint(1), cbor.array()))),
            cbor.array(cbor.text('date'), cbor.array(cbor.array(cbor.uint(4), cbor.array()))),
          ),
        ),
      ),
    );
    expect(pagesFor(chunk, 'data')).toEqual([2, 5, 6, 1]);
    expect(pagesFor(chunk, 'database')).toEqual([1]);
  });
});
