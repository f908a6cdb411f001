import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readBuiltFile } from '../built-files.ts';

/**
 * The same-site files a page's HTML loads, as paths under dist/ without the leading slash: its
 * stylesheets and images (`<link rel="stylesheet" href>`, `<img src>`). Links to other pages are
 * not loaded, so they are not listed.
 */
export function loadedFiles(html: string): string[] {
  const files = new Set<string>();
  for (const [, href] of html.matchAll(/<link[^>]*\srel="stylesheet"[^>]*\shref="(\/[^"]+)"/g)) files.add(href!.slice(1));
  for (const [, src] of html.matchAll(/<img[^>]*\ssrc="(\/[^"]+)"/g)) files.add(src!.slice(1));
  return [...files].sort();
}

/** The same-site files a stylesheet loads (fonts, images) through `url()`, relative to dist/. */
export function stylesheetFiles(css: string, cssPath: string): string[] {
  const files: string[] = [];
  for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    if (/^(?:data:|[a-z]+:\/\/|#)/i.test(url!)) continue;
    files.push(url!.startsWith('/') ? url!.slice(1) : path.posix.join(path.posix.dirname(cssPath), url!));
  }
  return files;
}

/**
 * Everything the given pages load from dist/, as paths under it: their stylesheets and images,
 * and the fonts and images those stylesheets load. A file that does not exist is still listed
 * (the browser would ask for it; its absence is part of what the page shows).
 */
export async function pageAssets(pages: string[], distDir: string): Promise<Set<string>> {
  const loaded = new Set<string>();
  for (const page of pages) for (const file of loadedFiles(await readBuiltFile(page))) loaded.add(file);
  return withStylesheetFiles(loaded, distDir);
}

/** `files` (paths under dist/ that pages load) and what the stylesheets among them load. */
export async function withStylesheetFiles(files: Iterable<string>, distDir: string): Promise<Set<string>> {
  const assets = new Set<string>();
  for (const file of files) {
    if (assets.has(file)) continue;
    assets.add(file);
    if (!file.endsWith('.css')) continue;
    const css = await readFile(path.join(distDir, file), 'utf8').catch(() => '');
    for (const loaded of stylesheetFiles(css, file)) assets.add(loaded);
  }
  return assets;
}
