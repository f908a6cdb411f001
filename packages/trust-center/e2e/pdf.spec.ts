import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { getMeta } from 'unpdf';
import { displayId, frameworks, requirementAnchor } from '../src/data/frameworks/index.ts';
import { t } from '../src/i18n/en.ts';
import { buildDate } from '../src/lib/dates.ts';
import { deriveDocumentVersion, versionSources } from '../src/lib/document-version.ts';
import { countryName, formatDate, formatFileSize } from '../src/lib/format.ts';
import { pdfFontCoverage } from '../src/lib/pdf/font-coverage.ts';
import { destinationPages, openPdf, outline, outlineTitles, pageTexts } from '../src/lib/pdf/inspect.ts';
import { generatedPdfs, pdfPath, type GeneratedPdf } from '../src/lib/pdf/documents.ts';
import { sectionLabel } from '../src/lib/pdf/toc.ts';
import { currentSubprocessors, loadContent, normalise, plainText, sentences, sitemapLanguages, sitemapPaths } from './support/content.ts';
import { distDir, fileForPath, readDist } from './support/dist.ts';

const content = loadContent();
const company = content.company.data;
const siteUrl = process.env.SITE_URL ?? company.siteUrl;
// The documents' version is the company's: the site's documentVersion option (DOCUMENT_VERSION tells the
// tests), or else the date of the latest content change, derived here from content/ as the build does.
const version = process.env.DOCUMENT_VERSION ?? deriveDocumentVersion(versionSources(content), buildDate());

// A PDF's text layer marks where a line wraps: a long word broken across two lines reads "…ges
// ellschaft", and Chromium's outline drops the space at a wrap ("alleUnterlagen"). Text is
// compared with white space removed, so a wrap is not a difference and every character still counts.
// Right-to-left runs (Hebrew, Arabic) are stored in visual order and come back reversed, and
// characters the shipped PDF fonts cannot draw (emoji, Japanese: the build warns about each) are
// drawn by whatever this machine has, if anything, so both are left out of the comparison too; the
// text around them still counts. Where nothing on the machine has such a character, Chromium draws
// the font's empty box, which comes back as U+0000 (Debian's Chromium 156.0.8078.108 does so for
// "✅"): control characters are left out with them.
const covered = pdfFontCoverage();
const unwrapped = (text: string) =>
  [...text.replace(/[\s\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+/gu, '')].filter((char) => char.codePointAt(0)! > 0x1f && covered.has(char.codePointAt(0)!)).join('');

const file = (pdf: GeneratedPdf) => path.join(distDir, `.${pdfPath(pdf)}`);
const entryFor = (pdf: GeneratedPdf) => content.documents.find(({ data }) => data.access === 'generated' && data.pdf === pdf)?.data;
const titleOf = (pdf: GeneratedPdf) => entryFor(pdf)?.title ?? t.pdf.documents[pdf].title;

/** What every reader must find in a document's text, from content/, by PDF. */
const headings = content.whitepaper.map(({ data }) => sectionLabel(data.number, data.title));
const questions = content.faq.map(({ data }) => data.question);
// The PDFs list who is on the list as of the build date, as the site does.
const listed = currentSubprocessors(content);
const subprocessorFacts = listed.flatMap(({ data }) => [
  data.name,
  data.purpose,
  t.transfers[data.transferMechanism],
  ...data.locations.map((code) => countryName(code)),
  ...(data.legalEntity ? [data.legalEntity] : []),
]);
const expected: Record<GeneratedPdf, string[]> = {
  whitepaper: headings,
  faq: [...new Set(content.faq.map(({ data }) => data.category)), ...questions],
  subprocessors: subprocessorFacts,
  'security-pack': [
    company.description,
    ...content.certifications.map(({ data }) => data.framework),
    ...content.controls.map(({ data }) => data.title),
    ...headings,
    ...questions,
    ...content.retention.data.tiers.map((tier) => tier.rule),
    ...subprocessorFacts,
    company.contacts.general,
    company.contacts.security,
  ],
};

/** Lines the contents of each PDF must have (the id its link jumps to, and its text), from content/. */
function tocEntries(pdf: GeneratedPdf): { id: string; label: string }[] {
  const sections = content.whitepaper.map(({ id, data }) => ({ id, label: sectionLabel(data.number, data.title), top: !data.number.includes('.') }));
  switch (pdf) {
    case 'whitepaper':
      return sections;
    case 'security-pack':
      // The appendices are parts of their own, after the others; the questionnaire's only when it has questions.
      return [
        ...sections.filter((section) => section.top),
        { id: 'part-frameworks', label: t.pdf.pack.frameworks },
        ...(content.questionnaire.length > 0 ? [{ id: 'part-questionnaire', label: t.pdf.pack.questionnaire }] : []),
      ];
    case 'faq':
      return content.faq.map(({ id, data }) => ({ id, label: data.question }));
    case 'subprocessors':
      return listed.map(({ id, data }) => ({ id: `subprocessor-${id}`, label: data.name }));
  }
}

interface LoadedPdf {
  bytes: Buffer;
  pages: number;
  texts: string[];
  /** Every page's text, white space removed (see `unwrapped`). */
  all: string;
  outline: Awaited<ReturnType<typeof outline>>;
  destinations: Map<string, number>;
  links: { url?: string; dest?: string }[];
  marked: boolean;
  structTree: boolean;
}

/**
 * A page's text without its running header and footer, so a sentence that continues on the next
 * page reads on as it does for a reader, instead of being cut by "Version … Page 4 of 7 Company · Title".
 */
function withoutRunningLines(pdf: GeneratedPdf, text: string, page: number, pages: number): string {
  const running = [
    t.pdf.header(company.name, titleOf(pdf)),
    t.pdf.asOf(formatDate(buildDate(), company.languages[0])),
    t.pdf.versionLine(version),
    t.pdf.pageOf(String(page), String(pages)),
  ];
  return running.reduce((rest, line) => {
    const at = line === running[0] || line === running[1] ? rest.indexOf(line) : rest.lastIndexOf(line);
    return at < 0 ? rest : rest.slice(0, at) + rest.slice(at + line.length);
  }, normalise(text));
}

const cache = new Map<GeneratedPdf, Promise<LoadedPdf>>();
function load(pdf: GeneratedPdf): Promise<LoadedPdf> {
  if (!cache.has(pdf)) {
    cache.set(
      pdf,
      (async () => {
        const bytes = readFileSync(file(pdf));
        const document = await openPdf(bytes);
        const texts = (await pageTexts(document)).map(normalise);
        const links: { url?: string; dest?: string }[] = [];
        for (let number = 1; number <= document.numPages; number++) {
          const annotations = (await (await document.getPage(number)).getAnnotations()) as { subtype: string; url?: string; dest?: string }[];
          links.push(...annotations.filter((a) => a.subtype === 'Link').map(({ url, dest }) => ({ ...(url ? { url } : {}), ...(typeof dest === 'string' ? { dest } : {}) })));
        }
        const markInfo = (await document.getMarkInfo()) as { Marked?: boolean } | null;
        const structTree = (await (await document.getPage(3)).getStructTree()) !== null;
        const loaded = {
          bytes,
          pages: document.numPages,
          texts,
          all: unwrapped(texts.map((text, index) => withoutRunningLines(pdf, text, index + 1, document.numPages)).join('')),
          outline: await outline(document),
          destinations: await destinationPages(document),
          links,
          marked: markInfo?.Marked === true,
          structTree,
        };
        await document.loadingTask.destroy();
        return loaded;
      })(),
    );
  }
  return cache.get(pdf)!;
}

for (const pdf of generatedPdfs) {
  test.describe(`${pdfPath(pdf)}`, () => {
    test('holds all of its content from content/', async () => {
      const { all } = await load(pdf);
      for (const text of expected[pdf]) expect(all, `${pdf}: "${text}"`).toContain(unwrapped(normalise(text)));
    });

    test('has a cover with company, title, version, date and source commit, then contents with page numbers', async () => {
      const { texts, destinations } = await load(pdf);
      const cover = unwrapped(texts[0]!);
      expect(cover).toContain(unwrapped(company.legalName ?? company.name));
      expect(cover).toContain(unwrapped(titleOf(pdf)));
      expect(cover).toContain(unwrapped(`${t.pdf.cover.version} ${version}`));
      expect(cover).toContain(unwrapped(`${t.pdf.cover.date} ${formatDate(buildDate(), company.languages[0])}`));
      const commit = gitCommit();
      if (commit) expect(cover).toContain(unwrapped(`${t.pdf.cover.commit} ${commit}`));
      // The contents run from page 2 to the page before the first heading they list (several pages for a long list).
      const firstHeading = Math.min(...tocEntries(pdf).map(({ id }) => destinations.get(id) ?? texts.length));
      const contents = texts.slice(1, Math.max(2, firstHeading)).join(' ');
      expect(contents.startsWith(t.pdf.contents)).toBe(true);
      // Each line of the contents names the page its heading really is on in this file.
      for (const { id, label } of tocEntries(pdf)) {
        const page = destinations.get(id);
        expect(page, `${pdf}: #${id} is a link target`).toBeDefined();
        expect(unwrapped(texts[page!]!), `${pdf}: "${label}" on page ${page! + 1}`).toContain(unwrapped(label));
        expect(unwrapped(contents), `${pdf}: contents line for "${label}"`).toContain(unwrapped(`${label} ${page! + 1}`));
      }
      expect(destinations.size).toBeGreaterThan(0);
    });

    test('has running header and footer with the title and "page N of M" on every page', async () => {
      const { texts, pages } = await load(pdf);
      texts.forEach((text, index) => {
        expect(text).toContain(t.pdf.header(company.name, titleOf(pdf)));
        expect(text).toContain(t.pdf.pageOf(String(index + 1), String(pages)));
      });
    });

    test('has an outline of its headings, is tagged, and its links stay links', async () => {
      const loaded = await load(pdf);
      expect(loaded.outline.map((entry) => unwrapped(entry.title))).toEqual([unwrapped(titleOf(pdf))]);
      const titles = outlineTitles(loaded.outline).map(unwrapped);
      expect(titles).toContain(unwrapped(t.pdf.contents));
      for (const { label } of tocEntries(pdf)) expect(titles).toContain(unwrapped(label));
      expect(loaded.marked).toBe(true);
      expect(loaded.structTree).toBe(true);
      const internal = loaded.links.filter((link) => link.dest);
      expect(internal.length).toBeGreaterThan(0);
      for (const link of internal) expect(loaded.destinations.has(link.dest!), `#${link.dest}`).toBe(true);
      for (const link of loaded.links.filter((l) => l.url)) {
        expect(link.url, 'no link leads to the server the build printed from').not.toMatch(/^https?:\/\/(?:127\.0\.0\.1|localhost)/);
        expect(link.url).toMatch(/^(?:https?:|mailto:)/);
      }
      // The FAQ cites whitepaper sections it does not contain: those links go to the public trust center.
      if (pdf === 'faq') expect(loaded.links.some((link) => link.url?.startsWith(new URL('/whitepaper/#', siteUrl).href))).toBe(true);
    });

    test('has its metadata and stays under 1 MB', async () => {
      const { bytes, pages } = await load(pdf);
      const { info } = (await getMeta(new Uint8Array(bytes))) as { info: Record<string, string> };
      const entry = entryFor(pdf);
      expect(info.Title).toBe(t.pdf.metadataTitle(titleOf(pdf), company.name));
      expect(info.Author).toBe(company.name);
      expect(info.Subject).toBe(entry?.description ?? t.pdf.documents[pdf].description(company.name));
      expect(info.Keywords?.split(', ')).toEqual([company.name, ...t.pdf.documents[pdf].keywords]);
      expect(info.Language).toBe(company.languages[0]);
      // PDF has no standard version entry; the build writes a custom /Version (pdf.js reads it under Custom).
      expect((info.Custom as unknown as Record<string, string> | undefined)?.Version).toBe(version);
      expect(info.CreationDate).toMatch(/^D:\d{14}Z$/);
      expect(info.ModDate).toBe(info.CreationDate);
      const epoch = process.env.SOURCE_DATE_EPOCH;
      if (epoch) expect(info.CreationDate).toBe(`D:${new Date(Number(epoch) * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`);
      expect(pages).toBeGreaterThan(2);
      expect(bytes.byteLength).toBeLessThan(1_000_000);
    });
  });
}

test('the whitepaper and the pack hold each section word for word, the FAQ and the pack each answer', async () => {
  for (const pdf of ['whitepaper', 'security-pack'] as const) {
    const { all } = await load(pdf);
    for (const { id, body } of content.whitepaper) {
      for (const sentence of sentences(plainText(body ?? ''))) expect(all, `${pdf}: whitepaper ${id}`).toContain(unwrapped(sentence));
    }
  }
  for (const pdf of ['faq', 'security-pack'] as const) {
    const { all } = await load(pdf);
    for (const { id, body } of content.faq) expect(all, `${pdf}: answer ${id}`).toContain(unwrapped(plainText(body ?? '')));
  }
});

test('the whitepaper PDF and the pack say when each section last changed, as the whitepaper page does', async () => {
  // The page's line under each heading ("Last reviewed: … · Last changed: …", the latter only where
  // the content's git history knows a change), read from the built page.
  const html = readDist(fileForPath('/whitepaper/'));
  const lines = content.whitepaper.flatMap(({ id, data }) => {
    const match = html.match(new RegExp(`id="${id}"[^>]*>[\\s\\S]*?</h[234]>\\s*<p[^>]*>([\\s\\S]*?)</p>`));
    expect(match, `whitepaper page: section ${id}`).not.toBeNull();
    const line = normalise(match![1]!.replace(/<[^>]+>/g, ''));
    return line.includes(t.whitepaper.lastChanged) ? [`${sectionLabel(data.number, data.title)} ${line}`] : [];
  });
  for (const pdf of ['whitepaper', 'security-pack'] as const) {
    const { all } = await load(pdf);
    expect(all.split(unwrapped(`${t.whitepaper.lastChanged}:`)).length - 1, `${pdf}: "${t.whitepaper.lastChanged}" lines`).toBe(lines.length);
    for (const line of lines) expect(all, `${pdf}: "${line}"`).toContain(unwrapped(line));
  }
});

test('the security pack appendices map each framework requirement to its controls and hold every questionnaire answer', async () => {
  const loaded = await load('security-pack');
  const { all, links } = loaded;
  // Both appendices are parts of the pack, beside the others in its outline (level 1).
  const parts = (function find(entries: Awaited<ReturnType<typeof outline>>): string[] | undefined {
    const titles = entries.map((entry) => unwrapped(entry.title));
    if (titles.includes(unwrapped(t.whitepaper.title))) return titles;
    for (const entry of entries) {
      const found = find(entry.items);
      if (found) return found;
    }
    return undefined;
  })(loaded.outline);
  expect(parts).toBeDefined();
  expect(parts).toContain(unwrapped(t.pdf.pack.frameworks));
  if (content.questionnaire.length > 0) expect(parts).toContain(unwrapped(t.pdf.pack.questionnaire));
  else expect(all).not.toContain(unwrapped(t.pdf.pack.questionnaire));

  // The headings' last occurrences: the first ones are the contents' lines.
  const startA = all.lastIndexOf(unwrapped(t.pdf.pack.frameworks));
  const startB = content.questionnaire.length > 0 ? all.lastIndexOf(unwrapped(t.pdf.pack.questionnaire)) : all.length;
  expect(startA).toBeGreaterThan(0);
  expect(startB).toBeGreaterThan(startA);
  const appendixA = all.slice(startA, startB);
  const appendixB = all.slice(startB);

  // Appendix A: requirement id → the titles of the controls naming it, from controls.yaml.
  const referenced = frameworks.filter((framework) => content.controls.some(({ data }) => (data.frameworks?.[framework.key] ?? []).length > 0));
  if (referenced.length === 0) expect(appendixA).toContain(unwrapped(t.frameworks.none));
  const starts = referenced.map((framework) => appendixA.indexOf(unwrapped(framework.name)));
  referenced.forEach((framework, index) => {
    expect(starts[index], `appendix A: ${framework.name}`).toBeGreaterThanOrEqual(0);
    expect(appendixA, `appendix A: ${framework.name}'s source`).toContain(unwrapped(framework.source.url));
    const part = appendixA.slice(starts[index], starts[index + 1] ?? appendixA.length);
    const ids = [...new Set(content.controls.flatMap(({ data }) => data.frameworks?.[framework.key] ?? []))];
    for (const id of ids) {
      const titles = content.controls.filter(({ data }) => data.frameworks?.[framework.key]?.includes(id)).map(({ data }) => unwrapped(data.title));
      const shown = unwrapped(displayId(framework, id));
      // The id, then exactly its controls' titles (in the site's order, which the test does not restate).
      let found = false;
      for (let at = part.indexOf(shown); at >= 0 && !found; at = part.indexOf(shown, at + 1)) {
        const after = part.slice(at + shown.length, at + shown.length + titles.join('').length);
        found = titles.every((title) => after.includes(title));
      }
      expect(found, `appendix A: ${displayId(framework, id)} → ${titles.join(', ')}`).toBe(true);
    }
  });

  // Appendix B: each question followed by its answer, or by the words the page uses where the content is silent.
  for (const { id, data } of content.questionnaire) {
    expect(appendixB, `appendix B: ${id}`).toContain(unwrapped(`${data.question} ${data.answer ?? t.questionnaire.notStated}`));
  }
  // Its sources and framework references jump inside the pack: to the controls part, to appendix A.
  for (const { data } of content.questionnaire) {
    for (const control of data.sources.controls) {
      expect(links.some((link) => link.dest === `control-${control}`), `link to control ${control}`).toBe(true);
      const refs = content.controls.find((entry) => entry.id === control)?.data.frameworks;
      for (const framework of frameworks) {
        for (const ref of refs?.[framework.key] ?? []) {
          expect(links.some((link) => link.dest === `${framework.slug}-${requirementAnchor(ref)}`), `link to ${framework.slug} ${ref}`).toBe(true);
        }
      }
    }
  }
});

test('FAQ questions are only in the FAQ and the pack', async () => {
  for (const pdf of ['whitepaper', 'subprocessors'] as const) {
    const { all } = await load(pdf);
    for (const question of questions) expect(all, `${pdf}: "${question}"`).not.toContain(unwrapped(question));
  }
});

test('the documents page lists every generated PDF with its date, page count and size', async ({ page }) => {
  await page.goto('/documents/');
  const date = formatDate(buildDate(), company.languages[0]);
  for (const pdf of generatedPdfs) {
    const entry = entryFor(pdf);
    expect(entry, `content/documents.yaml lists ${pdf}`).toBeDefined();
    const { pages, bytes } = await load(pdf);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: entry!.title, exact: true }) });
    await expect(item.getByRole('link', { name: entry!.title, exact: true })).toHaveAttribute('href', pdfPath(pdf));
    await expect(item).toContainText(`${t.documents.generated} · ${date}${t.pdf.facts(pages, formatFileSize(bytes.byteLength))}`);
    expect(bytes.byteLength).toBe(statSync(file(pdf)).size);
  }
});

test('the whitepaper, FAQ and sub-processor pages link their own PDF', async ({ page }) => {
  for (const [path, pdf] of [['/whitepaper/', 'whitepaper'], ['/faq/', 'faq'], ['/subprocessors/', 'subprocessors']] as const) {
    await page.goto(path);
    const link = page.getByRole('main').getByRole('link', { name: t.pdf.download });
    await expect(link).toHaveAttribute('href', pdfPath(pdf));
    const { pages, bytes } = await load(pdf);
    await expect(link.locator('..')).toContainText(t.pdf.facts(pages, formatFileSize(bytes.byteLength)));
  }
});

test('every PDF link on the site resolves to a PDF', async ({ request }) => {
  // Read from the built pages, not a browser: they carry no JavaScript that could add a link
  // (every-page.spec.ts checks that), so the HTML files hold every link a reader sees.
  const links = new Set<string>();
  for (const path of [...sitemapPaths(), '/404.html']) {
    // The site's own PDFs: a company may also link PDFs elsewhere (a DPA, an auditor's letter).
    for (const [, href] of readDist(fileForPath(path)).matchAll(/<a\b[^>]*?\shref="(\/[^"]*\.pdf)"/g)) links.add(href!.replace(/&amp;/g, '&'));
  }
  // Each translation's pages link its own PDFs (/nb/documents/…).
  expect([...links].sort()).toEqual(['', ...sitemapLanguages().map((language) => `/${language}`)].flatMap((prefix) => generatedPdfs.map((pdf) => `${prefix}${pdfPath(pdf)}`)).sort());
  for (const href of links) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type'], href).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString(), href).toBe('%PDF-');
  }
});

test('print routes are not published', async ({ request }) => {
  for (const pdf of generatedPdfs) expect((await request.get(`/print/${pdf}/`)).status()).toBe(404);
  expect(sitemapPaths().some((path) => path.startsWith('/print/'))).toBe(false);
});

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
