import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
    const html = readFileSync(path.join(dir, file), 'utf8');
    if (!/^\s*<!doctype html>/i.test(html)) problems.push(`${file}: does not start with <!DOCTYPE html>`);
    const end = html.toLowerCase().lastIndexOf('</html>');
    if (end === -1) problems.push(`${file}: has no </html>`);
    else if (html.slice(end + '</html>'.length).trim() !== '') problems.push(`${file}: has content after </html>`);
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
