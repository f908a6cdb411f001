import { isTranslation, splitLanguage } from '../../i18n/editions.ts';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { acquireChromium } from '../chromium.ts';
import type { ResolvedBrowser } from '../browser.ts';
import type { PlacedText } from './fonts.ts';
import { destinationPages, openPdf } from './inspect.ts';
import { rewriteHref, textShowsAddress, type RewrittenLink } from './links.ts';
import { samePages, tocGuess, tocPageNumbers } from './toc.ts';

/** Paper and margins of every PDF; the margins match `@page` in the print layout. */
export const PDF_OPTIONS = {
  format: 'A4',
  tagged: true,
  outline: true,
  printBackground: true,
  displayHeaderFooter: true,
  margin: { top: '20mm', right: '16mm', bottom: '18mm', left: '16mm' },
} as const;

/**
 * The first rendering only finds the page each heading lands on: no running header and footer (they
 * sit in the margins, so the page breaks are the same), no tags, no outline, which roughly halves
 * what it costs. Every rendering after it is the real one, with PDF_OPTIONS.
 */
const PROBE_OPTIONS = { ...PDF_OPTIONS, tagged: false, outline: false, displayHeaderFooter: false } as const;

/** Renderings after which a table of contents whose numbers still move is an error. */
const MAX_PASSES = 4;

/** What a print route says about itself in its head, for the PDF's properties. */
export interface PrintInfo {
  title: string;
  description: string;
  author: string;
  keywords: string[];
  language: string;
  /** The company's version of the document (meta name="version"). */
  version: string;
  headerTemplate: string;
  footerTemplate: string;
}

export interface PrintedDocument {
  bytes: Uint8Array;
  pages: number;
  info: PrintInfo;
  /** How many renderings it took until the table of contents was right. */
  passes: number;
  /** The text the PDF shows, by the heading it sits under, for the font check. */
  texts: PlacedText[];
  /** The page number its table of contents shows for each entry id: the next print's first guess. */
  tocPages: [string, number][];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves a built site from `root` on 127.0.0.1 at a free port, for the browser to print from. */
export async function serveDirectory(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let file = path.resolve(base, `.${pathname}`);
      if (!file.startsWith(base + path.sep) && file !== base) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The build's Chromium (shared with the social images, lib/chromium.ts) for all documents; `print` renders one print route after another in it. */
export async function launchPrinter(browser: ResolvedBrowser) {
  const { browser: instance, release } = await acquireChromium(browser);
  const context = await instance.newContext({ colorScheme: 'light', javaScriptEnabled: true }).catch(async (error: unknown) => {
    await release();
    throw error;
  });
  return {
    print: async (url: string, siteUrl: string | undefined, guess?: ReadonlyMap<string, number>): Promise<PrintedDocument> => {
      const page = await context.newPage();
      try {
        return await printDocument(page, url, siteUrl, guess);
      } finally {
        await page.close();
      }
    },
    close: async () => {
      await context.close();
      await release();
    },
  };
}

/**
 * Prints one print route: keeps its links working in the PDF, then renders until the table of
 * contents shows the page each heading lands on. Without a guess that takes two renderings when
 * nothing moves: a cheap probe to find the pages, then the real PDF with the numbers filled in,
 * checked again. With a guess (the numbers an earlier print of this route found, or the same
 * document's in the site's own language: see tocGuess) the first rendering is the real one, and it
 * is the last when the guess holds. (Chromium has no CSS
 * `target-counter()`, which would let the browser fill the numbers in one layout.)
 */
export async function printDocument(page: Page, url: string, siteUrl: string | undefined, guess?: ReadonlyMap<string, number>): Promise<PrintedDocument> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url}: the print route answered ${response?.status() ?? 'nothing'}`);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  const info = await page.evaluate(() => {
    const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
    const template = (id: string) => document.querySelector<HTMLTemplateElement>(`template#${id}`)?.innerHTML.trim() ?? '<span></span>';
    return {
      title: document.title,
      description: meta('description'),
      author: meta('author'),
      keywords: meta('keywords').split(',').map((word) => word.trim()).filter(Boolean),
      language: document.documentElement.lang,
      version: meta('version'),
      headerTemplate: template('pdf-header'),
      footerTemplate: template('pdf-footer'),
    };
  });

  const { anchors, targets } = await page.evaluate(() => ({
    anchors: [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
    targets: [...document.querySelectorAll<HTMLElement>('[data-site-path][id]')].map((el) => [el.dataset.sitePath ?? '', el.id] as const),
  }));
  // One map for every link: building it per link made a long document's links cost links × targets.
  // A translation's print page links its own edition (/nb/faq/#x, middleware.ts) while its targets name the source's paths: both lead inside the PDF.
  const { language } = splitLanguage(new URL(url).pathname);
  const prefix = isTranslation(language) ? `/${language}` : '';
  const targetMap = new Map(targets.flatMap(([sitePath, id]) => (prefix ? [[sitePath, id] as const, [`${prefix}${sitePath}`, id] as const] : [[sitePath, id] as const])));
  const links = anchors.map(({ href, text }): RewrittenLink & { shown: boolean } => {
    const link = rewriteHref(href, { pageUrl: url, siteUrl, targets: targetMap });
    return { ...link, shown: textShowsAddress(text, link.href) };
  });
  await page.evaluate((rewritten) => {
    document.querySelectorAll('a[href]').forEach((a, index) => {
      const link = rewritten[index];
      if (!link) return;
      if (link.kind === 'removed') {
        // No href, no link annotation: Chromium writes link actions only for anchors with one.
        a.removeAttribute('href');
        return;
      }
      a.setAttribute('href', link.href);
      a.setAttribute('data-pdf-link', link.kind);
      if (link.shown) a.setAttribute('data-pdf-url-shown', '');
    });
  }, links);

  const texts = await page.evaluate(placedTexts);

  const tocIds = await page.$$eval('[data-toc-page]', (spans) => spans.map((span) => span.getAttribute('data-toc-page') ?? ''));
  // Without a table of contents there is nothing to find: the first rendering is the real one. A
  // guess with another number of entries than this print's (the document changed) is no guess.
  const guessed = tocGuess(tocIds, guess);
  const usable = guessed !== undefined;
  let numbers = guessed ?? new Map<string, number>();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    await page.evaluate((entries) => {
      const shown = new Map(entries);
      document.querySelectorAll('[data-toc-page]').forEach((span) => {
        span.textContent = String(shown.get(span.getAttribute('data-toc-page') ?? '') ?? '');
      });
    }, [...numbers]);
    const probe = pass === 1 && !usable;
    const options = probe ? PROBE_OPTIONS : { ...PDF_OPTIONS, headerTemplate: info.headerTemplate, footerTemplate: info.footerTemplate };
    const bytes = new Uint8Array(await page.pdf(options));
    const pdf = await openPdf(bytes);
    const found = tocPageNumbers(tocIds, await destinationPages(pdf));
    const pages = pdf.numPages;
    await pdf.loadingTask.destroy();
    if (!probe && samePages(found, numbers)) return { bytes, pages, info, passes: pass, texts, tocPages: [...found] };
    numbers = found;
  }
  throw new Error(`${url}: the table of contents still moved after ${MAX_PASSES} renderings`);
}

/**
 * Runs in the page: its visible text grouped by the heading it sits under (a reader finds the
 * place in the PDF by it), plus the running header and footer templates.
 */
function placedTexts(): PlacedText[] {
  const byPlace = new Map<string, string[]>();
  const add = (where: string, text: string) => {
    if (text.trim() === '') return;
    byPlace.set(where, [...(byPlace.get(where) ?? []), text]);
  };
  const short = (text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
  };
  let heading = 'the cover';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof HTMLElement) {
      if (/^H[1-6]$/.test(node.tagName) && node.checkVisibility()) heading = `“${short(node.textContent ?? '')}”`;
      continue;
    }
    const parent = node.parentElement;
    if (!parent || parent.closest('template, script, style') || !parent.checkVisibility()) continue;
    add(heading, node.textContent ?? '');
  }
  for (const template of document.querySelectorAll('template')) add(`the running ${template.id.replace(/^pdf-/, '')}`, template.content.textContent ?? '');
  return [...byPlace].map(([where, parts]) => ({ where, text: parts.join(' ') }));
}
