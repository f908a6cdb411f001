import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { htmlFiles, pagePath, readBuiltFile } from '../lib/built-files.ts';
import { failIfAskedAt } from '../lib/fault-injection.ts';
import type { SearchRecord } from '../lib/search-records.ts';
import { ARCHIVE_BUNDLE_PATH } from '../lib/search.ts';
import { archivedPage, splitSearchRecords } from '../lib/search-split.ts';

/**
 * Files Pagefind writes for its ready-made interfaces and its web worker. The search page uses
 * Pagefind's JavaScript API on the main thread with its own markup, so these are never loaded.
 */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

/**
 * Pagefind ships `pagefind.js` without whitespace but with its local names spelled out; renaming
 * them takes it from 13.2 to 11.4 KB gzip, bytes every reader's first search fetches. Only local
 * names change: its exports, the property names the search page calls and its license comments stay.
 */
async function minifyRuntime(outputPath: string): Promise<void> {
  const file = path.join(outputPath, 'pagefind.js');
  const { code } = await transform(await readFile(file, 'utf8'), { loader: 'js', format: 'esm', minify: true, legalComments: 'inline' });
  await writeFile(file, code);
}

/**
 * Pagefind stores its wasm runtime gzip-compressed at gzip's best level (59.8 KB for English), the
 * largest file every reader's first search fetches. Zopfli writes plain gzip that pagefind.js
 * inflates as before, 4.8 % smaller (56.9 KB), but takes about a second per file: the wasm is the
 * same bytes for one Pagefind version, so the result is kept in `cacheDir` under a hash of
 * Pagefind's file and paid for once. Index chunks and fragments are left as Pagefind wrote them:
 * they change with the content, and re-compressing them saves 3 % for about 0.1 s per file,
 * which at thousands of pages costs minutes of build for under 1 KB per search.
 */
async function recompressRuntime(outputPath: string, cacheDir: string | undefined): Promise<void> {
  const files = (await readdir(outputPath)).filter((name) => /^wasm\.[\w-]+\.pagefind$/.test(name));
  await Promise.all(
    files.map(async (name) => {
      const file = path.join(outputPath, name);
      const stored = await readFile(file);
      const wasm = gunzipSync(stored);
      const cached = cacheDir ? path.join(cacheDir, `${createHash('sha256').update(stored).digest('hex')}.gz`) : undefined;
      // A cached file is used only if it inflates to the very same wasm (a cut-off write does not).
      const reused = cached ? await readFile(cached).then((gz) => (gunzipSync(gz).equals(wasm) ? gz : undefined)).catch(() => undefined) : undefined;
      const smaller = reused ?? Buffer.from(await gzipAsync(wasm, { numiterations: 15 }));
      if (cached && !reused) {
        // Written aside and renamed, so a build running beside this one never reads half a file.
        await mkdir(path.dirname(cached), { recursive: true });
        const partial = `${cached}.${process.pid}.tmp`;
        await writeFile(partial, smaller);
        await rename(partial, cached);
      }
      if (smaller.length < stored.length) await writeFile(file, smaller);
    }),
  );
}

/** What indexing did, for the build log. */
export interface IndexSummary {
  pages: number;
  outputPath: string;
  /** Pages in the archive bundle (older news and changes), 0 when there is none. */
  archived: number;
  /** True when the index of an earlier build was copied because every page it reads is the same. */
  reused: boolean;
}

/** Pages sent to one index before waiting for Pagefind's answers. */
const PAGES_IN_FLIGHT = 128;

/**
 * Sends pages to `index` in the order `add` is called, without waiting for each answer: Pagefind's
 * service takes one message after another in the order they were sent (the Node API writes each to
 * its input when called), and numbers pages in that order, so the index is the same as when each
 * page waits for the one before, while this process reads the next pages as the service indexes the
 * last ones. The first error is thrown by the `add` or `done` after it came.
 */
function orderedSender(index: PagefindIndex, failed: (url: string, errors: string[]) => Error) {
  let pending: Promise<void>[] = [];
  let error: unknown;
  const settle = async () => {
    await Promise.all(pending);
    pending = [];
    if (error) throw error;
  };
  return {
    add: async (page: SearchRecord) => {
      pending.push(
        index.addHTMLFile(page).then(
          (answer) => void (answer.errors.length > 0 && (error ??= failed(page.url, answer.errors))),
          (reason: unknown) => void (error ??= reason),
        ),
      );
      if (pending.length >= PAGES_IN_FLIGHT) await settle();
    },
    done: settle,
  };
}

/**
 * One pass over the built pages, in the order of their paths, each sent to Pagefind as it is read:
 * to the main bundle the pages it indexes (those with `data-pagefind-body`, which Pagefind requires
 * of every page once one has it), then `records` and the parts of pages marked as search records of
 * their own (lib/search-split.ts: whitepaper sections, FAQ and questionnaire answers); to the
 * archive bundle, created with the first, the pages marked for it (lib/paging.ts inSearchArchive),
 * as lib/search-split.ts archivedPage gives them, indexed there exactly as they would be in the main
 * one. Pagefind gets only the pages it indexes: reading the whole folder itself (addDirectory) it
 * parsed every page, with years of news ten times as many as it kept.
 */
async function addPages(siteDir: string, index: PagefindIndex, records: readonly SearchRecord[], failed: (step: string, errors: string[]) => Error) {
  const files = await sitePages(siteDir);
  const main = orderedSender(index, (url, errors) => failed(`indexing ${url}`, errors));
  let archive: { index: PagefindIndex; sender: ReturnType<typeof orderedSender>; pages: number } | undefined;
  const parts: SearchRecord[] = [];
  for (const file of files) {
    const html = await readBuiltFile(path.join(siteDir, file));
    const url = pagePath(file);
    const archived = archivedPage(html);
    if (archived !== undefined) {
      if (!archive) {
        const created = await pagefind.createIndex({});
        if (created.errors.length > 0 || !created.index) throw failed('creating the archive index', created.errors);
        archive = { index: created.index, sender: orderedSender(created.index, (at, errors) => failed(`indexing ${at} in the archive`, errors)), pages: 0 };
      }
      await archive.sender.add({ url, content: archived });
      archive.pages++;
      continue;
    }
    // Text that only looks like the attribute costs Pagefind a page it then leaves out, nothing more.
    if (html.includes('data-pagefind-body')) await main.add({ url, content: html });
    if (file.endsWith('index.html')) parts.push(...splitSearchRecords(url, html));
  }
  for (const record of [...records, ...parts]) await main.add(record);
  await main.done();
  await archive?.sender.done();
  return { archive };
}

/** What a merged bundle needs: its entry, metadata, index chunks, fragments and filters, not the runtime. */
async function keepIndexOnly(outputPath: string): Promise<void> {
  for (const name of await readdir(outputPath)) {
    if (name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || ['index', 'fragment', 'filter'].includes(name)) continue;
    await rm(path.join(outputPath, name), { recursive: true, force: true });
  }
}

/**
 * Indexes the built site in `siteDir`, and `records` (places on its pages searched as pages of their
 * own, lib/search-records.ts), and writes the index to `siteDir/pagefind/`. Pages opt in
 * with `data-pagefind-body` (see BaseLayout), so only their main content is indexed. Any error
 * Pagefind reports, or an index without pages, throws: a site whose search is broken is not built.
 */
export async function buildSearchIndex(siteDir: string, cacheDir?: string, records: readonly SearchRecord[] = [], indexCacheDir?: string): Promise<IndexSummary> {
  const key = indexCacheDir ? await searchIndexKey(siteDir, records) : undefined;
  if (indexCacheDir && key) {
    const kept = await reuseSearchIndex(indexCacheDir, key, siteDir);
    if (kept) return kept;
  }
  const summary = await writeSearchIndex(siteDir, cacheDir, records);
  if (indexCacheDir && key) await keepSearchIndex(indexCacheDir, key, siteDir, summary);
  return summary;
}

async function writeSearchIndex(siteDir: string, cacheDir: string | undefined, records: readonly SearchRecord[]): Promise<IndexSummary> {
  const failed = (step: string, errors: string[]) =>
    new Error(`search index: ${step} failed: ${errors.join('; ')}`);
  try {
    const created = await pagefind.createIndex({});
    if (created.errors.length > 0 || !created.index) throw failed('creating the index', created.errors);
    const { index } = created;

    const { archive } = await addPages(siteDir, index, records, failed);

    const outputPath = path.join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw failed('writing the index', written.errors);

    await Promise.all(UNUSED_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    await minifyRuntime(outputPath);
    await recompressRuntime(outputPath, cacheDir);

    // Older news and changes: a second bundle the search page merges when the reader asks for it.
    if (archive) {
      const archivePath = path.join(siteDir, ARCHIVE_BUNDLE_PATH.replace(/^\/|\/$/g, ''));
      const archiveWritten = await archive.index.writeFiles({ outputPath: archivePath });
      if (archiveWritten.errors.length > 0) throw failed('writing the archive index', archiveWritten.errors);
      await keepIndexOnly(archivePath);
    }
    // The entry file counts the pages in the index.
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (pages === 0) throw failed(`indexing ${siteDir}`, ['no page was indexed; pages mark their main content with data-pagefind-body']);
    return { pages, outputPath, archived: archive?.pages ?? 0, reused: false };
  } finally {
    await pagefind.close();
  }
}

/** The folders a search index is written to, relative to the site: the main bundle and the archive. */
const INDEX_FOLDERS = ['pagefind', ARCHIVE_BUNDLE_PATH.replace(/^\/|\/$/g, '')];

/** The site's HTML files, relative to it, in the order of their paths, the search bundles' own left out. */
async function sitePages(siteDir: string): Promise<string[]> {
  const files = (await htmlFiles(siteDir)).map((file) => path.relative(siteDir, file));
  return files.filter((file) => !INDEX_FOLDERS.some((folder) => file.startsWith(`${folder}${path.sep}`))).sort();
}

/** The engine's modules whose code decides the index, besides the pages and records. */
const INDEX_CODE = ['./pagefind.ts', '../lib/search-split.ts'].map((file) => new URL(file, import.meta.url));

/**
 * What the index is made from, as one hash: Pagefind's, esbuild's and Zopfli's versions, the
 * engine's indexing code, the records and every built HTML file (what the index is read from). The PDF
 * facts next to PDF links are left out: they are written while the index is made and never indexed
 * (lib/pdf/facts.ts), so whether a page was read before or after them must not change the key.
 */
export async function searchIndexKey(siteDir: string, records: readonly SearchRecord[]): Promise<string> {
  const hash = createHash('sha256').update(['pagefind', 'esbuild', '@gfx/zopfli'].map((name) => `${name} ${packageVersion(name)}`).join('\0'));
  for (const file of INDEX_CODE) hash.update('\0').update(readFileSync(file));
  hash.update('\0').update(JSON.stringify(records));
  const files = await sitePages(siteDir);
  for (const file of files) {
    const html = (await readBuiltFile(path.join(siteDir, file))).replace(/(data-pdf-facts="[a-z0-9-]+")[^>]*>[^<]*<\/span>/g, '$1></span>');
    hash.update(`\0${file}\0${html.length}\0`).update(html);
  }
  return hash.digest('hex');
}

/** An installed package's version, from the package.json Node's lookup finds first (Pagefind exports neither it nor a require entry). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  throw new Error(`search index: ${name} is not installed`);
}

/** Copies the index an earlier build kept under `key` into the site; undefined when there is none (or it could not be read whole). */
async function reuseSearchIndex(indexCacheDir: string, key: string, siteDir: string): Promise<IndexSummary | undefined> {
  const entry = path.join(indexCacheDir, key);
  try {
    const summary = JSON.parse(await readFile(path.join(entry, 'summary.json'), 'utf8')) as { pages: number; archived: number };
    if (typeof summary.pages !== 'number' || typeof summary.archived !== 'number') return undefined;
    for (const folder of INDEX_FOLDERS) {
      await rm(path.join(siteDir, folder), { recursive: true, force: true });
      if (existsSync(path.join(entry, folder))) await cp(path.join(entry, folder), path.join(siteDir, folder), { recursive: true });
    }
    // Touched, so the pruning of other builds' entries keeps what is in use.
    const now = new Date();
    await utimes(entry, now, now);
    return { pages: summary.pages, archived: summary.archived, outputPath: path.join(siteDir, 'pagefind'), reused: true };
  } catch {
    // Absent, damaged or pruned by another build meanwhile: whatever was copied goes, and the index is made afresh.
    for (const folder of INDEX_FOLDERS) await rm(path.join(siteDir, folder), { recursive: true, force: true });
    return undefined;
  }
}

/** Kept indexes no build has used for this long are deleted when another is kept (a build reading one is long done). */
const SEARCH_CACHE_MAX_AGE_MS = 10 * 60_000;

/**
 * Keeps the index just written under `key`, and deletes kept indexes not used for ten minutes: only
 * a rebuild of the very same pages can use one, so the folder holds about one. Written aside and
 * renamed, so a build that stops half-way leaves no entry that looks whole.
 */
async function keepSearchIndex(indexCacheDir: string, key: string, siteDir: string, summary: IndexSummary): Promise<void> {
  const partial = path.join(indexCacheDir, `.${key}.${process.pid}.tmp`);
  await rm(partial, { recursive: true, force: true });
  for (const folder of INDEX_FOLDERS) {
    if (existsSync(path.join(siteDir, folder))) await cp(path.join(siteDir, folder), path.join(partial, folder), { recursive: true });
  }
  await writeFile(path.join(partial, 'summary.json'), JSON.stringify({ pages: summary.pages, archived: summary.archived }));
  await rm(path.join(indexCacheDir, key), { recursive: true, force: true });
  await rename(partial, path.join(indexCacheDir, key));
  for (const name of await readdir(indexCacheDir)) {
    if (name === key) continue;
    const info = await stat(path.join(indexCacheDir, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > SEARCH_CACHE_MAX_AGE_MS) await rm(path.join(indexCacheDir, name), { recursive: true, force: true });
  }
}

/** The environment variable naming the folder the last search index is kept in, or `off` to index every build afresh. */
export const SEARCH_CACHE_ENV = 'TRUST_CENTER_SEARCH_CACHE';

/** The folder the last search index is kept in for a site at `root`, or undefined when that is off. */
export function searchIndexCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[SEARCH_CACHE_ENV]?.trim();
  if (configured === 'off') return undefined;
  return configured ? path.resolve(root, configured) : path.join(root, 'node_modules/.astro/trust-center-search');
}

/** Where, under the project's root, re-compressed wasm files are kept between builds. */
export const PAGEFIND_WASM_CACHE = 'node_modules/.astro/trust-center-pagefind-wasm';

/** Runs Pagefind over the built site after `astro build`; a failure fails the build. */
export function pagefindIndex(records: () => readonly SearchRecord[] = () => []): AstroIntegration {
  // Where the re-compressed wasm is kept between builds (recompressRuntime).
  let cacheDir: string | undefined;
  // Where the last index is kept, for a rebuild whose pages are all the same.
  let indexCacheDir: string | undefined;
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        // Beside Astro's caches but not inside the per-content one (lib/content/cache-dirs.ts): the
        // wasm is the same for every content folder, and a new folder should not pay its second again.
        cacheDir = path.join(fileURLToPath(config.root), PAGEFIND_WASM_CACHE);
        indexCacheDir = searchIndexCacheDir(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        failIfAskedAt('search');
        // If Pagefind's process dies mid-way its promise never settles and Node would simply run
        // out of work; say so and fail instead.
        const unfinished = () => {
          logger.error('search index: Pagefind stopped before the index was written');
          process.exitCode = 1;
        };
        process.once('beforeExit', unfinished);
        try {
          const { pages, outputPath, archived, reused } = await buildSearchIndex(fileURLToPath(dir), cacheDir, records(), indexCacheDir);
          const archive = archived > 0 ? `; ${archived} older news items and changes in ${ARCHIVE_BUNDLE_PATH}, searched on request` : '';
          const how = reused ? ' (reused: every page it reads is unchanged since the last build)' : '';
          logger.info(`search index: ${pages} pages indexed, written to ${path.relative(process.cwd(), outputPath) || outputPath}${archive}${how}`);
        } finally {
          process.off('beforeExit', unfinished);
        }
      },
    },
  };
}
