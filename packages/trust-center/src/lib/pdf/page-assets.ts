import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every `.html` file under `dir`, as absolute paths. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Bytes read at a time by readHead: a built page's head fits in one read. */
const HEAD_READ = 16 * 1024;

/**
 * A built page up to the end of its `</head>` (the whole file when it has none): what a step that
 * needs only the head's meta tags reads, instead of the whole page, of every page of a large site.
 */
export async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let seen = '';
    for (;;) {
      const buffer = Buffer.alloc(HEAD_READ);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_READ, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      // The tag is ASCII, so finding it in a latin1 reading of the bytes is exact; the text is decoded as UTF-8 once.
      seen += buffer.toString('latin1', 0, bytesRead);
      const end = seen.indexOf('</head>');
      if (end >= 0) return Buffer.concat(chunks).subarray(0, end + '</head>'.length).toString('utf8');
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

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
  const assets = new Set<string>();
  for (const page of pages) {
    for (const file of loadedFiles(await readFile(page, 'utf8'))) {
      if (assets.has(file)) continue;
      assets.add(file);
      if (!file.endsWith('.css')) continue;
      const css = await readFile(path.join(distDir, file), 'utf8').catch(() => '');
      for (const loaded of stylesheetFiles(css, file)) assets.add(loaded);
    }
  }
  return assets;
}
