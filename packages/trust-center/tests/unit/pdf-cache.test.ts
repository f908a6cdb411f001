import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineFingerprint, finishedKey, pdfCacheDir, printKey, pruneCache, readCached, readFinished, readTocGuess, writeCached, writeFinished, writeTocGuess, type PrintEnvironment } from '../../src/lib/pdf/cache.ts';
import { readHead } from '../../src/lib/built-files.ts';
import { loadedFiles, pageAssets, stylesheetFiles } from '../../src/lib/pdf/page-assets.ts';
import type { PrintedDocument } from '../../src/lib/pdf/render.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pdf-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A built print page with a stylesheet, the font it loads and a logo. */
function printPage(): { dist: string; page: string } {
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'print/faq'), { recursive: true });
  mkdirSync(path.join(dist, '_astro'), { recursive: true });
  writeFileSync(path.join(dist, '_astro/print.css'), '@font-face{src:url(./inter.woff2)} body{background:url("data:image/png;base64,AA")}');
  writeFileSync(path.join(dist, '_astro/inter.woff2'), 'font bytes');
  writeFileSync(path.join(dist, 'logo.svg'), '<svg/>');
  const page = path.join(dist, 'print/faq/index.html');
  writeFileSync(page, '<link rel="stylesheet" href="/_astro/print.css"><img alt="" src="/logo.svg"><a href="/faq/">FAQ</a>');
  return { dist, page };
}

const environment: PrintEnvironment = { engine: 'engine-1', browser: 'chromium-1', siteUrl: 'https://trust.example.com/' };

const printed: PrintedDocument = {
  bytes: new Uint8Array([37, 80, 68, 70]),
  pages: 3,
  passes: 2,
  info: { title: 'FAQ', description: 'd', author: 'a', keywords: ['k'], language: 'en', version: '1', headerTemplate: '<span></span>', footerTemplate: '<span></span>' },
  texts: [{ where: 'the cover', text: 'FAQ' }],
  tocPages: [['q-1', 2]],
};

describe('what a print page loads', () => {
  it('lists stylesheets and images, not the pages it links to', () => {
    expect(loadedFiles('<link rel="stylesheet" href="/_astro/a.css"><img src="/b.png" alt=""><a href="/c/">c</a><link rel="canonical" href="/d/">')).toEqual(['_astro/a.css', 'b.png']);
  });

  it("follows a stylesheet's url() to same-site files, relative or absolute, but not data: or other sites", () => {
    expect(stylesheetFiles('a{src:url(./f.woff2)} b{src:url("/g.woff2")} c{background:url(data:x)} d{background:url(https://cdn.example/h.png)}', '_astro/s.css')).toEqual(['_astro/f.woff2', 'g.woff2']);
  });

  it('collects the whole set for a built page', async () => {
    const { dist, page } = printPage();
    expect([...(await pageAssets([page], dist))].sort()).toEqual(['_astro/inter.woff2', '_astro/print.css', 'logo.svg']);
  });
});

describe('readHead', () => {
  it('reads a page up to the end of its head, across reads and multi-byte characters, or the whole page without one', async () => {
    // A head longer than one read, with “ø” and “—” where a read may end in the middle of a character.
    const head = `<!doctype html><html lang="nb"><head><meta property="og:image:alt" content="${'Sikkerhet — ø '.repeat(3000)}"></head>`;
    const file = path.join(dir, 'page.html');
    writeFileSync(file, `${head}<body><p>${'x'.repeat(50_000)}</p></body></html>`);
    expect(await readHead(file)).toBe(head);
    const noHead = '<p>no head here</p>'.repeat(2000);
    writeFileSync(file, noHead);
    expect(await readHead(file)).toBe(noHead);
    writeFileSync(file, '');
    expect(await readHead(file)).toBe('');
  });
});

describe('the key of a PDF', () => {
  async function key(change: (dist: string, page: string) => void = () => {}, env = environment): Promise<string> {
    const { dist, page } = printPage();
    change(dist, page);
    return printKey('/print/faq/', readFileSync(page, 'utf8'), await pageAssets([page], dist), dist, env);
  }

  it('is the same for the same page, files and environment', async () => {
    expect(await key()).toBe(await key());
  });

  it.each([
    ['the page', (_: string, page: string) => writeFileSync(page, '<p>changed</p><link rel="stylesheet" href="/_astro/print.css">')],
    ['a stylesheet', (dist: string) => writeFileSync(path.join(dist, '_astro/print.css'), '@font-face{src:url(./inter.woff2)} body{color:red}')],
    ['a font the stylesheet loads', (dist: string) => writeFileSync(path.join(dist, '_astro/inter.woff2'), 'other font')],
    ['an image', (dist: string) => writeFileSync(path.join(dist, 'logo.svg'), '<svg width="1"/>')],
    ['a file that went missing', (dist: string) => rmSync(path.join(dist, 'logo.svg'))],
  ])('changes when %s changes', async (_, change) => {
    expect(await key(change)).not.toBe(await key());
  });

  it.each([
    ['the site URL', { ...environment, siteUrl: 'https://other.example.com/' }],
    ['the engine', { ...environment, engine: 'engine-2' }],
    ['the browser', { ...environment, browser: 'chromium-2' }],
  ])('changes when %s changes', async (_, env) => {
    expect(await key(undefined, env)).not.toBe(await key());
  });

  it('fingerprints the engine by its PDF code, the same twice in one process', () => {
    expect(engineFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(engineFingerprint()).toBe(engineFingerprint());
  });
});

describe('the PDF cache', () => {
  it('gives back what was kept, bytes and facts', async () => {
    await writeCached(dir, 'k1', printed);
    expect(await readCached(dir, 'k1')).toEqual(printed);
    expect(await readCached(dir, 'k2')).toBeUndefined();
    // Only the two entry files: no temporary file left behind.
    expect(readdirSync(dir).sort()).toEqual(['k1.json', 'k1.pdf']);
  });

  it('treats a damaged or half-written entry as absent', async () => {
    writeFileSync(path.join(dir, 'k3.pdf'), 'x');
    writeFileSync(path.join(dir, 'k3.json'), '{"pages":');
    writeFileSync(path.join(dir, 'k4.pdf'), 'x');
    expect(await readCached(dir, 'k3')).toBeUndefined();
    expect(await readCached(dir, 'k4')).toBeUndefined();
  });

  it('deletes entries no build has used for 30 days, and keeps one just read', async () => {
    await writeCached(dir, 'old', printed);
    await writeCached(dir, 'used', printed);
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    for (const name of ['old.pdf', 'old.json', 'used.pdf', 'used.json']) utimesSync(path.join(dir, name), longAgo, longAgo);
    await readCached(dir, 'used');
    expect(await pruneCache(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['used.json', 'used.pdf']);
  });

  it('keeps a finished PDF under a key of its print and its metadata', async () => {
    const metadata = { title: 'FAQ', date: new Date('2026-11-27T00:00:00Z') };
    const key = finishedKey('k1', metadata, true);
    expect(key).not.toBe(finishedKey('k1', { ...metadata, date: new Date('2026-11-28T00:00:00Z') }, true));
    expect(key).not.toBe(finishedKey('k1', { ...metadata, title: 'Security FAQ' }, true));
    expect(key).not.toBe(finishedKey('k2', metadata, true));
    expect(await readFinished(dir, key)).toBeUndefined();
    await writeFinished(dir, key, new Uint8Array([1, 2, 3]));
    expect(await readFinished(dir, key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual([`${key}.final.pdf`]);
  });

  it('keys a finished PDF without its date when the date is the time of the build, so a reused print keeps its first date', () => {
    const first = { title: 'FAQ', date: new Date('2026-11-27T09:00:00Z') };
    const later = { ...first, date: new Date('2026-11-27T17:30:00Z') };
    expect(finishedKey('k1', later, false)).toBe(finishedKey('k1', first, false));
    expect(finishedKey('k1', { ...first, title: 'Security FAQ' }, false)).not.toBe(finishedKey('k1', first, false));
    expect(finishedKey('k1', first, false)).not.toBe(finishedKey('k1', first, true));
  });

  it('keeps the page numbers a print found, per print route, and refuses a damaged guess', async () => {
    await writeTocGuess(dir, '/print/faq/', new Map([['q-1', 2], ['q-2', 3]]));
    expect(await readTocGuess(dir, '/print/faq/')).toEqual(new Map([['q-1', 2], ['q-2', 3]]));
    expect(await readTocGuess(dir, '/print/whitepaper/')).toBeUndefined();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file!), '[["q-1","two"]]');
    expect(await readTocGuess(dir, '/print/faq/')).toBeUndefined();
  });

  it('lives beside Astro’s caches unless TRUST_CENTER_PDF_CACHE names a folder or turns it off', () => {
    expect(pdfCacheDir('/site', {})).toBe(path.join('/site', 'node_modules/.astro/trust-center-pdfs'));
    expect(pdfCacheDir('/site', { TRUST_CENTER_PDF_CACHE: '.cache/pdfs' })).toBe(path.join('/site', '.cache/pdfs'));
    expect(pdfCacheDir('/site', { TRUST_CENTER_PDF_CACHE: 'off' })).toBeUndefined();
  });
});
