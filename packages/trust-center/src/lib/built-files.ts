import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';

/*
 * Reading a built site's pages in the steps after the render. Several of them read every page (the
 * search index, the social images, the PDF links' facts, the print routes' assets): with years of
 * news, tens of thousands of small files. Node's promise-based fs costs a thread-pool round trip
 * per call; on the 11,080 pages of a build with 5,000 extra news items, reading them all one after
 * another took 1.8 s that way and 0.36 s with synchronous reads, and listing them 0.70 s against
 * 0.37 s. These read synchronously and give the event loop back every few files, so that the PDF
 * printing and Pagefind's messages, which run beside these steps, are not held up.
 */

/** Files read between two turns of the event loop. */
const FILES_PER_TURN = 64;
let sinceTurn = 0;

async function turn(): Promise<void> {
  if (++sinceTurn < FILES_PER_TURN) return;
  sinceTurn = 0;
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** The URL path a file under dist/ is served at: `faq/index.html` → `/faq/`, `404.html` → `/404.html`. */
export function pagePath(file: string): string {
  const clean = file.split(path.sep).join('/');
  return `/${clean.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Every `.html` file under `dir`, as absolute paths. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** A built file's text (UTF-8). */
export async function readBuiltFile(file: string): Promise<string> {
  await turn();
  return readFileSync(file, 'utf8');
}

/** Bytes read at a time by readHead: a built page's head fits in one read. */
const HEAD_READ = 16 * 1024;

/**
 * A built page up to the end of its `</head>` (the whole file when it has none): what a step that
 * needs only the head's meta tags reads, instead of the whole page, of every page of a large site.
 */
export async function readHead(file: string): Promise<string> {
  await turn();
  const handle = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let seen = '';
    for (;;) {
      const buffer = Buffer.alloc(HEAD_READ);
      const bytesRead = readSync(handle, buffer, 0, HEAD_READ, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      // The tag is ASCII, so finding it in a latin1 reading of the bytes is exact; the text is decoded as UTF-8 once.
      seen += buffer.toString('latin1', 0, bytesRead);
      const end = seen.indexOf('</head>');
      if (end >= 0) return Buffer.concat(chunks).subarray(0, end + '</head>'.length).toString('utf8');
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(handle);
  }
}
