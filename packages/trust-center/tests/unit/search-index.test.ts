import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';

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

  it('fails, and so fails the build, when no page is indexed', async () => {
    await expect(buildSearchIndex(site({}))).rejects.toThrow('search index: indexing');
  }, 30_000);
});
