import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { useTranslations } from '../i18n/index.ts';
import { resolveBrowser, type ResolvedBrowser } from '../lib/browser.ts';
import { formatFileSize } from '../lib/format.ts';
import { pdfDate } from '../lib/pdf/dates.ts';
import { generatedPdfs, pdfPath, printPath, PRINT_PREFIX } from '../lib/pdf/documents.ts';
import { fillPdfFacts, sitePdfLinks, type PdfFacts } from '../lib/pdf/facts.ts';
import { pdfFontCoverage } from '../lib/pdf/font-coverage.ts';
import { missingCharacters, missingCharactersLine } from '../lib/pdf/fonts.ts';
import { applyMetadata, PDF_CREATOR, PDF_PRODUCER } from '../lib/pdf/metadata.ts';
import { launchPrinter, serveDirectory } from '../lib/pdf/render.ts';

const t = useTranslations();

/** Each PDF should stay below this size; a larger one is reported (and fails the PDF tests). */
export const PDF_BUDGET_BYTES = 1_000_000;

interface Options {
  /** Finds Chromium; the project's one resolver unless a test injects another. */
  resolve?: () => ResolvedBrowser;
}

/**
 * Generates the PDFs (whitepaper, FAQ, sub-processor list, security pack) from the print routes
 * after Astro has written the site: one Chromium prints every route, pdf-lib writes the
 * metadata, the pages' PDF links get each file's page count and size, and the print routes are
 * removed from dist/. Chromium is looked for when the build starts, so a machine without one
 * fails before anything is written, with the resolver's one-line instruction.
 */
export function pdfDocuments(options: Options = {}): AstroIntegration {
  let browser: ResolvedBrowser | undefined;
  let siteUrl: string | undefined;

  return {
    name: 'pdf-documents',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        try {
          browser = (options.resolve ?? resolveBrowser)();
        } catch (error) {
          console.error(error instanceof Error ? error.message : String(error));
          logger.error('the PDFs need Chromium: the build stopped before writing anything.');
          process.exit(1);
        }
        logger.info(`PDFs will be printed by ${browser.executablePath} (${browser.source})`);
      },
      'astro:config:done': ({ config }) => {
        siteUrl = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!browser) throw new Error('pdf-documents: no browser was resolved when the build started');
        await generatePdfs(fileURLToPath(dir), browser, siteUrl, logger);
      },
    },
  };
}

async function generatePdfs(distDir: string, browser: ResolvedBrowser, siteUrl: string | undefined, logger: AstroIntegrationLogger) {
  const started = performance.now();
  const date = pdfDate();
  const server = await serveDirectory(distDir);
  const printer = await launchPrinter(browser);
  const facts = new Map<string, PdfFacts>();
  // What the shipped fonts can draw, from their character maps: once per build.
  const covered = pdfFontCoverage();
  let language = 'en';
  try {
    await mkdir(path.join(distDir, 'documents'), { recursive: true });
    for (const pdf of generatedPdfs) {
      const begun = performance.now();
      const printed = await printer.print(`${server.origin}${printPath(pdf)}`, siteUrl);
      const { info } = printed;
      language = info.language || language;
      const bytes = await applyMetadata(printed.bytes, {
        title: info.title,
        author: info.author,
        subject: info.description,
        keywords: info.keywords,
        language: info.language,
        date,
        creator: PDF_CREATOR,
        producer: PDF_PRODUCER,
        version: info.version,
      });
      const file = path.join(distDir, `.${pdfPath(pdf)}`);
      await writeFile(file, bytes);
      facts.set(pdf, { pages: printed.pages, bytes: bytes.byteLength });
      const seconds = ((performance.now() - begun) / 1000).toFixed(1);
      const line = `${pdfPath(pdf).slice(1)}: ${printed.pages} pages, ${bytes.byteLength} bytes (${formatFileSize(bytes.byteLength)}), ${seconds} s, ${printed.passes} renderings`;
      if (bytes.byteLength > PDF_BUDGET_BYTES) logger.warn(`${line}: over the ${formatFileSize(PDF_BUDGET_BYTES)} budget`);
      else logger.info(line);
      // Emoji and scripts the fonts lack would print in whatever font this machine has, or as boxes.
      const missing = missingCharacters(printed.texts, covered);
      if (missing.length > 0) logger.warn(missingCharactersLine(pdfPath(pdf).slice(1), missing));
    }
  } finally {
    await printer.close();
    await server.close();
  }

  // Print routes exist only to be printed: they leave dist/ so no host serves them and no search
  // indexes them, and so do the stylesheets and fonts only they used.
  const printDir = path.join(distDir, `.${PRINT_PREFIX}`);
  const printAssets = await assetsOf(await htmlFiles(printDir), distDir);
  await rm(printDir, { recursive: true, force: true });
  const siteAssets = await assetsOf(await htmlFiles(distDir), distDir);
  const printOnly = [...printAssets].filter((asset) => !siteAssets.has(asset));
  await Promise.all(printOnly.map((asset) => rm(path.join(distDir, asset), { force: true })));

  const text = ({ pages, bytes }: PdfFacts) => t.pdf.facts(pages, formatFileSize(bytes, language));
  const broken: string[] = [];
  let filled = 0;
  for (const file of await htmlFiles(distDir)) {
    const html = await readFile(file, 'utf8');
    const result = fillPdfFacts(html, facts, text);
    if (result.filled > 0) await writeFile(file, result.html);
    filled += result.filled;
    for (const link of sitePdfLinks(html)) {
      const exists = await stat(path.join(distDir, `.${link}`)).then((s) => s.isFile(), () => false);
      if (!exists) broken.push(`${path.relative(distDir, file)} links ${link}, which the build did not write`);
    }
  }
  if (broken.length > 0) throw new Error(`broken PDF links:\n${broken.join('\n')}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`${facts.size} PDFs in ${seconds} s; page count and size written next to ${filled} PDF link(s); print routes and ${printOnly.length} print-only assets removed`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * The stylesheets the pages link (as paths under dist/) and the files those stylesheets load
 * (fonts): what the pages need from `_astro/`.
 */
async function assetsOf(pages: string[], distDir: string): Promise<Set<string>> {
  const assets = new Set<string>();
  for (const page of pages) {
    const html = await readFile(page, 'utf8');
    for (const [, href] of html.matchAll(/<link[^>]*\srel="stylesheet"[^>]*\shref="(\/[^"]+)"/g)) {
      const css = href!.slice(1);
      if (assets.has(css)) continue;
      assets.add(css);
      const text = await readFile(path.join(distDir, css), 'utf8').catch(() => '');
      for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (/^(?:data:|[a-z]+:\/\/)/i.test(url!)) continue;
        assets.add(url!.startsWith('/') ? url!.slice(1) : path.posix.join(path.posix.dirname(css), url!));
      }
    }
  }
  return assets;
}
