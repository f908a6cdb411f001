import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintedDocument } from './render.ts';

/**
 * A PDF printed by an earlier build, reused when nothing it shows has changed: its print page, the
 * stylesheets, fonts and images that page loads, the site URL its links point to, the engine's PDF
 * code and the browser. Entries are addressed by a hash of all of that, so one cache can serve any
 * number of sites and builds, and a stale entry is never found (it is simply not asked for again).
 * What is kept is Chromium's output before the metadata is written, and beside it the finished file
 * under a key that adds the metadata (date and properties): a rebuild on the same day reuses the
 * finished file as it is, a later one writes the new date into the kept print.
 */

/** The environment variable naming the cache folder, or `off` to print every PDF afresh. */
export const PDF_CACHE_ENV = 'TRUST_CENTER_PDF_CACHE';

/** Entries no build has used for this long are deleted after a build. */
export const PDF_CACHE_MAX_AGE_DAYS = 30;

/** The cache folder for a site at `root`, or undefined when the cache is off. */
export function pdfCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[PDF_CACHE_ENV]?.trim();
  if (configured === 'off') return undefined;
  if (configured) return path.resolve(root, configured);
  // Beside Astro's own caches, which a clean install or `rm -rf node_modules` clears with it.
  return path.join(root, 'node_modules/.astro/trust-center-pdfs');
}

/** What besides the page decides the bytes: the engine's PDF code and options, and the browser. */
export interface PrintEnvironment {
  /** Identifies the engine's code that prints (see engineFingerprint). */
  engine: string;
  /** Identifies the browser binary (see browserFingerprint). */
  browser: string;
  /** The site's URL: links in the PDF are rewritten to it. */
  siteUrl: string;
}

/**
 * The engine's printing code, by content: every module in this folder (options, link rewriting,
 * table of contents) and the versions of the library driving the browser and of pdf-lib. Editing
 * any of them changes every key.
 */
export function engineFingerprint(): string {
  const version = (name: string) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  // pdf-lib too: it writes the finished files the cache keeps.
  const hash = createHash('sha256').update(`playwright-core ${version('playwright-core')}\0pdf-lib ${version('pdf-lib')}`);
  const folder = fileURLToPath(new URL('.', import.meta.url));
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.ts')) continue;
    hash.update(`\0${name}\0`).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex');
}

/**
 * The browser, without starting it: its executable's real path, size and modification time, which
 * an upgrade changes. (Starting Chromium to ask its version would cost as much as the saving on a
 * rebuild where every PDF is reused.)
 */
export function browserFingerprint(executablePath: string): string {
  const real = realpathSync(executablePath);
  const { size, mtimeMs } = statSync(real);
  return `${real}\0${size}\0${mtimeMs}`;
}

/**
 * The key of one PDF: a hash of its print page's path and HTML, every file it loads (by content;
 * a missing file counts as missing), and the print environment.
 */
export async function printKey(printPath: string, html: string, assets: Iterable<string>, distDir: string, environment: PrintEnvironment): Promise<string> {
  const hash = createHash('sha256');
  const field = (name: string, value: string | Uint8Array) => hash.update(`\0${name}\0${typeof value === 'string' ? value.length : value.byteLength}\0`).update(value);
  field('engine', environment.engine);
  field('browser', environment.browser);
  field('site', environment.siteUrl);
  field('path', printPath);
  field('html', html);
  for (const asset of [...assets].sort()) {
    const bytes = await readFile(path.join(distDir, asset)).catch(() => undefined);
    field(`asset ${asset}`, bytes ?? '(missing)');
  }
  return hash.digest('hex');
}

/** What is kept of a printed PDF besides its bytes. */
type CachedFacts = Omit<PrintedDocument, 'bytes'>;

/** The PDF printed under `key` by an earlier build, or undefined. A damaged entry counts as absent. */
export async function readCached(dir: string, key: string): Promise<PrintedDocument | undefined> {
  try {
    const [bytes, json] = await Promise.all([readFile(path.join(dir, `${key}.pdf`)), readFile(path.join(dir, `${key}.json`), 'utf8')]);
    const facts = JSON.parse(json) as CachedFacts;
    if (typeof facts.pages !== 'number' || !facts.info || !Array.isArray(facts.texts)) return undefined;
    // Touched, so the pruning keeps what builds still use.
    const now = new Date();
    await Promise.all([utimes(path.join(dir, `${key}.pdf`), now, now), utimes(path.join(dir, `${key}.json`), now, now)]);
    return { ...facts, bytes: new Uint8Array(bytes) };
  } catch {
    return undefined;
  }
}

/**
 * Keeps a printed PDF under `key`. Each file is written under a temporary name and renamed, so a
 * build running beside this one (tests share a cache) never reads half a file.
 */
export async function writeCached(dir: string, key: string, printed: PrintedDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { bytes, ...facts } = printed;
  const temp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(path.join(dir, `${key}.pdf${temp}`), bytes);
  await writeFile(path.join(dir, `${key}.json${temp}`), JSON.stringify(facts));
  // The facts last: an entry counts only once both files are there.
  await rename(path.join(dir, `${key}.pdf${temp}`), path.join(dir, `${key}.pdf`));
  await rename(path.join(dir, `${key}.json${temp}`), path.join(dir, `${key}.json`));
}

/** Deletes entries not used for `maxAgeDays`; returns how many files went. */
export async function pruneCache(dir: string, maxAgeDays = PDF_CACHE_MAX_AGE_DAYS, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info || now - info.mtimeMs < maxAgeDays * 86_400_000) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * The key of a finished PDF: the print it was made from and the metadata written into it. The date
 * counts only when it is fixed (SOURCE_DATE_EPOCH). Otherwise a PDF is dated when its print was
 * made, and a build that reuses the print reuses the finished file too, date included: an unchanged
 * document is not re-dated by every rebuild (nor re-saved, about 1 s for eight PDFs here).
 */
export function finishedKey<M extends { date: Date }>(printKey: string, metadata: M, dateFixed: boolean): string {
  const keyed = dateFixed ? metadata : { ...metadata, date: 'when printed' };
  return createHash('sha256').update(printKey).update('\0').update(JSON.stringify(keyed)).digest('hex');
}

/**
 * A file an earlier build kept in the cache folder under `name`, touched so the pruning keeps it;
 * undefined when absent. Finished PDFs and the social images (integrations/social-images.ts) are kept so.
 */
export async function readCachedFile(dir: string, name: string): Promise<Uint8Array | undefined> {
  const file = path.join(dir, name);
  try {
    const bytes = new Uint8Array(await readFile(file));
    const now = new Date();
    await utimes(file, now, now);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Keeps a file in the cache folder under `name`, written aside and renamed: builds sharing the cache never read half a file. */
export async function writeCachedFile(dir: string, name: string, content: Uint8Array | string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const temp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temp, content);
  await rename(temp, file);
}

/** A finished PDF (metadata written) kept under `key` by an earlier build, or undefined. */
export const readFinished = (dir: string, key: string) => readCachedFile(dir, `${key}.final.pdf`);

/** Keeps a finished PDF under `key`. */
export const writeFinished = (dir: string, key: string, bytes: Uint8Array) => writeCachedFile(dir, `${key}.final.pdf`, bytes);

/**
 * The table-of-contents page numbers a document's last print found, by print route: the first guess
 * for its next print, so an edit that moves no heading to another page needs one rendering, not two.
 * Addressed by the route, not by content: it is a guess, checked by the rendering it seeds.
 */
export async function readTocGuess(dir: string, printPath: string): Promise<Map<string, number> | undefined> {
  try {
    const entries = JSON.parse(await readFile(path.join(dir, tocGuessName(printPath)), 'utf8')) as unknown;
    if (!Array.isArray(entries) || !entries.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isInteger(entry[1]))) return undefined;
    return new Map(entries as [string, number][]);
  } catch {
    return undefined;
  }
}

/** Keeps the page numbers a print found, for readTocGuess. */
export async function writeTocGuess(dir: string, printPath: string, numbers: ReadonlyMap<string, number>): Promise<void> {
  await writeCachedFile(dir, tocGuessName(printPath), JSON.stringify([...numbers]));
}

function tocGuessName(printPath: string): string {
  return `toc-${createHash('sha256').update(printPath).digest('hex').slice(0, 16)}.json`;
}
