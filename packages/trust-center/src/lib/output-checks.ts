import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { markdownTwins } from './machine/twins.ts';
import { generatedPdfs, isPrintPage, pdfPath, PRINT_PREFIX } from './pdf/documents.ts';
import { editionLanguages, localizedPath } from '../i18n/editions.ts';
import { ICONS, MANIFEST_PATH } from './social/images.ts';

/** Files every build publishes besides its pages (paths relative to the output folder). */
export const REQUIRED_FILES = [
  'robots.txt',
  'sitemap-index.xml',
  '.well-known/security.txt',
  '_headers',
  'pagefind/pagefind-entry.json',
  ...generatedPdfs.map((pdf) => pdfPath(pdf).slice(1)),
  // The posture for machines (docs/machine-readable.md).
  'trust.json',
  'trust.schema.json',
  'llms.txt',
  'llms-full.txt',
  ...markdownTwins.map((twin) => twin.markdown.slice(1)),
  // The icons every page links and the manifest (docs/social-previews.md).
  ...ICONS.map((icon) => icon.path.slice(1)),
  MANIFEST_PATH.slice(1),
];

/** The file Astro writes for a page's pathname (`''`, `faq/`, `404/`, `robots.txt`, …) with `trailingSlash: 'always'`. */
export function pageFile(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  if (trimmed === '404' || trimmed === '500') return `${trimmed}.html`;
  // An endpoint (robots.txt, a feed) is written under its own name.
  if (/\.[a-z0-9]+$/i.test(trimmed)) return trimmed;
  return trimmed === '' ? 'index.html' : `${trimmed}/index.html`;
}

/** The pages a reader gets: every rendered page but the print routes. */
export function publishedPages(pages: string[]): string[] {
  return pages.filter((pathname) => !isPrintPage(`/${pathname.replace(/^\/+/, '')}`));
}

/**
 * What is wrong with a finished build in `dir`, one line per problem; empty when it can be
 * published. Cheap by design (file names, a few bytes of each file): it runs on every build.
 * - every page Astro rendered is there, except the print routes, which must be gone;
 * - every HTML file is one whole document: it starts with a doctype and nothing but white space
 *   follows `</html>` (a browser tolerates a stray element there; the Nu HTML Checker does not);
 * - the feeds of search, sitemap, security.txt, host headers and every generated PDF exist, and
 *   each PDF starts like one.
 */
export function checkOutput(dir: string, pages: string[]): string[] {
  if (!existsSync(dir)) return [`${dir}: the output folder is missing`];
  const problems: string[] = [];
  for (const language of editionLanguages()) {
    const print = localizedPath(PRINT_PREFIX, language).replace(/^\/|\/$/g, '');
    if (existsSync(path.join(dir, print))) problems.push(`${print}/: the print routes are still in the output`);
  }

  for (const pathname of publishedPages(pages)) {
    const file = pageFile(pathname);
    if (!existsSync(path.join(dir, file))) problems.push(`${file}: the page /${pathname} was rendered but is missing`);
  }

  const htmlFiles = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  for (const file of htmlFiles.sort()) {
    const full = path.join(dir, file);
    // A page whose two ends pass passes whole; one that fails is read whole, for the exact problems.
    const ends = pageEnds(full);
    const found = documentProblems(file, ends.start, ends.end);
    if (found.length === 0 || ends.whole) problems.push(...found);
    else {
      const html = readFileSync(full, 'utf8');
      problems.push(...documentProblems(file, html, html));
    }
  }

  // Each translation's PDFs too (/nb/documents/…).
  const translatedPdfs = editionLanguages().slice(1).flatMap((language) => generatedPdfs.map((pdf) => localizedPath(pdfPath(pdf), language).slice(1)));
  for (const file of [...REQUIRED_FILES, ...translatedPdfs]) {
    const full = path.join(dir, file);
    if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size === 0) {
      problems.push(`${file}: missing or empty`);
    } else if (file.endsWith('.pdf') && readFileSync(full).subarray(0, 5).toString('latin1') !== '%PDF-') {
      problems.push(`${file}: is not a PDF`);
    }
  }
  return problems;
}

/** What is wrong with a page as a document, from its beginning and its end (both the whole text for a short page). */
function documentProblems(file: string, start: string, end: string): string[] {
  const problems: string[] = [];
  if (!/^\s*<!doctype html>/i.test(start)) problems.push(`${file}: does not start with <!DOCTYPE html>`);
  const close = end.toLowerCase().lastIndexOf('</html>');
  if (close === -1) problems.push(`${file}: has no </html>`);
  else if (end.slice(close + '</html>'.length).trim() !== '') problems.push(`${file}: has content after </html>`);
  return problems;
}

/** Bytes read at each end of a page: the doctype and the closing tag are well inside them. */
const END_BYTES = 1024;

/**
 * The first and last END_BYTES of a page, as text: the check reads these of each of a large site's
 * tens of thousands of pages, not the pages whole. The last `</html>` of the tail is the file's, and
 * what follows it is decoded whole (a character cut at the tail's start lies before it).
 */
function pageEnds(file: string): { start: string; end: string; whole: boolean } {
  const handle = openSync(file, 'r');
  try {
    const size = fstatSync(handle).size;
    if (size <= 2 * END_BYTES) {
      const text = readFileSync(handle, 'utf8');
      return { start: text, end: text, whole: true };
    }
    const read = (position: number) => {
      const buffer = Buffer.alloc(END_BYTES);
      return buffer.toString('utf8', 0, readSync(handle, buffer, 0, END_BYTES, position));
    };
    return { start: read(0), end: read(size - END_BYTES), whole: false };
  } finally {
    closeSync(handle);
  }
}
