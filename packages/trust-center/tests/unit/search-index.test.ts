import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, searchIndexCacheDir, searchIndexKey } from '../../src/integrations/pagefind.ts';
import { pagePath as pageUrl } from '../../src/lib/built-files.ts';

const folders: string[] = [];
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trust-search-'));
  folders.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('buildSearchIndex (the pagefind-index integration)', () => {
  it('indexes the pages that opt in and writes only what the search page loads', async () => {
    const dir = site({
      'faq/index.html': '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>FAQ</h1><p>Answers.</p></main></body></html>',
      'other/index.html': '<html lang="en"><body><main><h1>Not indexed</h1></main></body></html>',
    });
    const { pages, outputPath } = await buildSearchIndex(dir);
    expect(pages).toBe(1);
    expect(outputPath).toBe(path.join(dir, 'pagefind'));
    for (const file of ['pagefind.js', 'pagefind-entry.json']) expect(existsSync(path.join(outputPath, file)), file).toBe(true);
    for (const file of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-worker.js']) expect(existsSync(path.join(outputPath, file)), file).toBe(false);
  }, 30_000);

  it('writes the same bundles on every build, pages sent many at a time, in whatever order they were written, the archive included', async () => {
    const page = (n: number, mark: string) => `<html lang="en"><body><nav>Menu</nav><main ${mark}><h1>Update ${n}</h1><p>Change ${n} to the encryption of backups.</p></main></body></html>`;
    const pages = Array.from({ length: 40 }, (_, n) => [`updates/${String(n).padStart(2, '0')}/index.html`, page(n, n % 3 === 0 ? 'data-pagefind-body' : 'data-search-archive')] as const);
    // Written in opposite orders, so that a directory listing can give them in either.
    const one = site(Object.fromEntries(pages));
    const other = site(Object.fromEntries([...pages].reverse()));
    const a = await buildSearchIndex(one);
    const b = await buildSearchIndex(other);
    expect(a).toMatchObject({ pages: 14, archived: 26 });
    expect(b).toMatchObject({ pages: 14, archived: 26 });
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((file) => file.includes('.')).sort();
    for (const bundle of ['pagefind', 'pagefind-archive']) {
      expect(files(path.join(other, bundle))).toEqual(files(path.join(one, bundle)));
      for (const file of files(path.join(one, bundle))) expect(readFileSync(path.join(other, bundle, file)).equals(readFileSync(path.join(one, bundle, file))), `${bundle}/${file}`).toBe(true);
    }
  }, 60_000);

  it('gives each built file the address Pagefind gives it', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('faq/index.html')).toBe('/faq/');
    expect(pageUrl('nb/updates/2026-01-01-x/index.html')).toBe('/nb/updates/2026-01-01-x/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });

  it('minifies pagefind.js, keeping the API the search page calls', async () => {
    const dir = site({ 'faq/index.html': '<html lang="en"><body><main data-pagefind-body><h1>FAQ</h1></main></body></html>' });
    const { outputPath } = await buildSearchIndex(dir);
    const file = path.join(outputPath, 'pagefind.js');
    // Pagefind 1.6 writes 47,228 bytes with its local names spelled out; minified it is about 32,300.
    expect(readFileSync(file).length).toBeLessThan(36_000);
    const api = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const name of ['options', 'init', 'search']) expect(typeof api[name], name).toBe('function');
  }, 30_000);

  it('stores the wasm runtime re-compressed (plain gzip, the same wasm, smaller), and reuses it from the cache', async () => {
    const page = { 'faq/index.html': '<html lang="en"><body><main data-pagefind-body><h1>FAQ</h1></main></body></html>' };
    const cache = site({});
    const { outputPath } = await buildSearchIndex(site(page), cache);
    const wasm = readFileSync(path.join(outputPath, 'wasm.en.pagefind'));
    // Pagefind 1.6 stores it at 59,758 bytes; zopfli's gzip is about 56,900.
    expect(wasm.length).toBeLessThan(58_000);
    const cached = readdirSync(cache);
    expect(cached.filter((name) => name.endsWith('.gz'))).toHaveLength(cached.length);
    expect(cached.length).toBeGreaterThanOrEqual(1);

    // Pagefind's own file, from a build without the step, inflates to the same bytes.
    const { outputPath: plain } = await buildSearchIndex(site(page));
    expect(gunzipSync(wasm).equals(gunzipSync(readFileSync(path.join(plain, 'wasm.en.pagefind'))))).toBe(true);

    // A cache file that does not inflate to Pagefind's wasm is not used: the wasm is compressed again.
    for (const name of cached) writeFileSync(path.join(cache, name), 'not gzip');
    const { outputPath: again } = await buildSearchIndex(site(page), cache);
    expect(readFileSync(path.join(again, 'wasm.en.pagefind')).equals(wasm)).toBe(true);
  }, 60_000);

  it('reuses the last index when every page it reads is the same, and indexes afresh when one differs', async () => {
    const faq = '<html lang="en"><body><main data-pagefind-body><h1>FAQ</h1><p>Encryption at rest.</p><a href="/faq.pdf">PDF</a> <span data-pdf-facts="faq" data-pagefind-ignore></span></main></body></html>';
    const kept = site({});
    const first = await buildSearchIndex(site({ 'faq/index.html': faq }), undefined, [], kept);
    expect(first.reused).toBe(false);
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    const firstFiles = files(first.outputPath);

    // The same page, with its PDF facts filled in meanwhile (never indexed): the same index, copied.
    const filled = faq.replace('data-pagefind-ignore></span>', 'data-pagefind-ignore>2 pages, 40 kB</span>');
    const second = await buildSearchIndex(site({ 'faq/index.html': filled }), undefined, [], kept);
    expect(second).toMatchObject({ reused: true, pages: 1 });
    expect(files(second.outputPath)).toEqual(firstFiles);
    for (const file of firstFiles.filter((name) => name.includes('.'))) expect(readFileSync(path.join(second.outputPath, file)).equals(readFileSync(path.join(first.outputPath, file))), file).toBe(true);

    // One word changed: indexed afresh. The earlier entry stays while a build may still be reading it.
    const third = await buildSearchIndex(site({ 'faq/index.html': faq.replace('at rest', 'in transit') }), undefined, [], kept);
    expect(third.reused).toBe(false);
    expect(readdirSync(kept)).toHaveLength(2);
    // Ten minutes unused, it goes when the next index is kept.
    const longAgo = new Date(Date.now() - 11 * 60_000);
    for (const name of readdirSync(kept)) utimesSync(path.join(kept, name), longAgo, longAgo);
    await buildSearchIndex(site({ 'faq/index.html': faq.replace('at rest', 'everywhere') }), undefined, [], kept);
    expect(readdirSync(kept)).toHaveLength(1);
    // A damaged entry is no entry: the index is made afresh.
    writeFileSync(path.join(kept, readdirSync(kept)[0]!, 'summary.json'), '{');
    expect((await buildSearchIndex(site({ 'faq/index.html': faq.replace('at rest', 'everywhere') }), undefined, [], kept)).reused).toBe(false);
    // So are records of their own: they are part of the key.
    const page = site({ 'faq/index.html': faq });
    expect(await searchIndexKey(page, [])).not.toBe(await searchIndexKey(page, [{ url: '/#x', content: '<main data-pagefind-body>x</main>' }]));
  }, 60_000);

  it('keeps the last index beside Astro’s caches unless TRUST_CENTER_SEARCH_CACHE names a folder or turns it off', () => {
    expect(searchIndexCacheDir('/site', {})).toBe(path.join('/site', 'node_modules/.astro/trust-center-search'));
    expect(searchIndexCacheDir('/site', { TRUST_CENTER_SEARCH_CACHE: '.cache/search' })).toBe(path.join('/site', '.cache/search'));
    expect(searchIndexCacheDir('/site', { TRUST_CENTER_SEARCH_CACHE: 'off' })).toBeUndefined();
  });

  it('fails, and so fails the build, when no page is indexed', async () => {
    await expect(buildSearchIndex(site({}))).rejects.toThrow('search index: indexing');
  }, 30_000);
});
