import { availableParallelism } from 'node:os';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { useTranslations } from '../i18n/index.ts';
import { editionLanguages, localizedPath, sourceLanguage, splitLanguage } from '../i18n/editions.ts';
import { resolveBrowser, type ResolvedBrowser } from '../lib/browser.ts';
import { formatFileSize } from '../lib/format.ts';
import { pdfDate, pdfDateFixed } from '../lib/pdf/dates.ts';
import { generatedPdfs, isPrintPage, pdfPath, printPath, PRINT_PREFIX } from '../lib/pdf/documents.ts';
import { fillPdfFacts, sitePdfLinks, type PdfFacts } from '../lib/pdf/facts.ts';
import { missingCharacters, missingCharactersLine, surelyCovered } from '../lib/pdf/fonts.ts';
import { pdfFontCoverage } from '../lib/pdf/font-coverage.ts';
import { applyMetadata, PDF_CREATOR, PDF_PRODUCER, type PdfMetadata } from '../lib/pdf/metadata.ts';
import {
  browserFingerprint,
  engineFingerprint,
  finishedKey,
  PDF_CACHE_ENV,
  pdfCacheDir,
  printKey,
  pruneCache,
  readCached,
  readFinished,
  readTocGuess,
  writeCached,
  writeFinished,
  writeTocGuess,
  type PrintEnvironment,
} from '../lib/pdf/cache.ts';
import { htmlFiles, readBuiltFile } from '../lib/built-files.ts';
import { failIfAskedAt } from '../lib/fault-injection.ts';
import { loadedFiles, pageAssets, withStylesheetFiles } from '../lib/pdf/page-assets.ts';
import { launchPrinter, serveDirectory, type PrintedDocument } from '../lib/pdf/render.ts';

/** Each PDF should stay below this size; a larger one is reported (and fails the PDF tests). */
export const PDF_BUDGET_BYTES = 1_000_000;

interface Options {
  /** Finds Chromium; the project's one resolver unless a test injects another. */
  resolve?: () => ResolvedBrowser;
}

/**
 * Generates the PDFs (whitepaper, FAQ, sub-processor list, security pack) from the print routes
 * after Astro has written the site: a PDF whose print page and everything it loads are unchanged
 * since an earlier build is reused from the cache (lib/pdf/cache.ts); the others are printed by
 * one Chromium, as many at once as the machine has cores. pdf-lib writes the metadata, the pages'
 * PDF links get each file's page count and size, and the print routes are removed from dist/.
 * Chromium is looked for when the build starts, so a machine without one fails before anything
 * is written, with the resolver's one-line instruction.
 */
export function pdfDocuments(options: Options = {}): AstroIntegration {
  let browser: ResolvedBrowser | undefined;
  let siteUrl: string | undefined;
  let root = process.cwd();

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
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!browser) throw new Error('pdf-documents: no browser was resolved when the build started');
        // Started, not awaited: the integrations after this one (the sitemap, the search index) run
        // while Chromium prints, and pdfDocumentsFinished() waits for it before the output checks.
        pending = generatePdfs(fileURLToPath(dir), browser, siteUrl, pdfCacheDir(root), logger);
        // Its failure is reported where it is awaited, not as an unhandled rejection in between.
        pending.catch(() => undefined);
      },
    },
  };
}

/** The PDFs of the running build, while they are being made (see pdfDocuments' astro:build:done). */
let pending: Promise<BuiltPages> | undefined;

/**
 * What the PDF step saw of the built pages as it filled in the PDF links' facts, which reads every
 * page: the print pages, and what the others load. Removing the print routes needs both, and would
 * otherwise list and read the whole site again.
 */
interface BuiltPages {
  /** The print routes' pages (absolute paths). */
  printPages: string[];
  /** What the other pages load (paths under dist/, see loadedFiles). */
  siteLoaded: Set<string>;
}

/**
 * Waits for the PDFs started by pdfDocuments(), fails the build if making them failed, then removes
 * the print routes and the assets only they used. Goes after every integration that reads the
 * built pages (the search index reads them while the PDFs are printed; print pages carry no
 * `data-pagefind-body`, so they are never indexed) and before the output checks.
 */
export function pdfDocumentsFinished(): AstroIntegration {
  return {
    name: 'pdf-documents-finished',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!pending) return;
        const made = pending;
        pending = undefined;
        const removed = await removePrintRoutes(fileURLToPath(dir), await made);
        logger.info(`print routes and ${removed} print-only assets removed`);
      },
    },
  };
}

/** One PDF of this build: printed now or reused, and how long it took. */
interface Outcome {
  printed: PrintedDocument;
  reused: boolean;
  seconds: number;
}

async function generatePdfs(distDir: string, browser: ResolvedBrowser, siteUrl: string | undefined, cacheDir: string | undefined, logger: AstroIntegrationLogger): Promise<BuiltPages> {
  const started = performance.now();
  const date = pdfDate();
  const dateFixed = pdfDateFixed();
  const environment: PrintEnvironment = {
    engine: engineFingerprint(),
    browser: browserFingerprint(browser.executablePath),
    siteUrl: siteUrl ?? '',
  };

  // Every PDF in every language: a translation's from its own print pages (/nb/print/…), to /nb/documents/….
  const jobs = editionLanguages().flatMap((language) =>
    generatedPdfs.map((pdf) => ({ pdf, language, print: localizedPath(printPath(pdf), language), file: localizedPath(pdfPath(pdf), language) })),
  );
  type Job = (typeof jobs)[number];

  // What each PDF would show, as a key: the same key as an earlier build's means the same bytes.
  const keys = new Map<Job, string>();
  for (const job of jobs) {
    const page = path.join(distDir, `.${job.print}`, 'index.html');
    const html = await readFile(page, 'utf8');
    keys.set(job, await printKey(job.print, html, await pageAssets([page], distDir), distDir, environment));
  }

  // Each PDF is finished (its metadata written by pdf-lib, the file written to dist/) as soon as it
  // is printed or found in the cache, while Chromium prints the others: finished after the last
  // print, the eight took about a second of the build's critical path.
  const outcomes = new Map<Job, Outcome>();
  const finished = new Map<Job, Promise<Uint8Array>>();
  const finish = (job: Job, outcome: Outcome) => {
    outcomes.set(job, outcome);
    const done = finishPdf(job, outcome);
    // Its failure is reported where it is awaited, below.
    done.catch(() => undefined);
    finished.set(job, done);
  };
  const finishPdf = async (job: Job, { printed, reused }: Outcome): Promise<Uint8Array> => {
    const { info } = printed;
    await mkdir(path.dirname(path.join(distDir, `.${job.file}`)), { recursive: true });
    const properties: Omit<PdfMetadata, 'creator' | 'producer'> = {
      title: info.title,
      author: info.author,
      subject: info.description,
      keywords: info.keywords,
      language: info.language,
      date,
      version: info.version,
    };
    // The finished file of an earlier build with the same print and properties is these very bytes
    // (Creator and Producer are constants of the engine's PDF code, which the print key covers);
    // without SOURCE_DATE_EPOCH, dated when that build printed it (finishedKey).
    const finishedAs = cacheDir ? finishedKey(keys.get(job)!, properties, dateFixed) : undefined;
    let bytes = reused && cacheDir && finishedAs ? await readFinished(cacheDir, finishedAs) : undefined;
    if (!bytes) {
      bytes = await applyMetadata(printed.bytes, { ...properties, creator: PDF_CREATOR, producer: PDF_PRODUCER });
      if (cacheDir && finishedAs) await writeFinished(cacheDir, finishedAs, bytes);
    }
    await writeFile(path.join(distDir, `.${job.file}`), bytes);
    return bytes;
  };

  // A failed step waits for the PDFs still being finished, so that nothing is written after it failed.
  const failed = async (error: unknown): Promise<never> => {
    await Promise.allSettled(finished.values());
    throw error;
  };

  if (cacheDir) {
    for (const job of jobs) {
      const cached = await readCached(cacheDir, keys.get(job)!);
      if (cached) finish(job, { printed: cached, reused: true, seconds: 0 });
    }
  }
  const toPrint = jobs.filter((job) => !outcomes.has(job));
  if (toPrint.length > 0) {
    const server = await serveDirectory(distDir);
    const printer = await launchPrinter(browser);
    try {
      // A translation's table of contents usually lands on the same pages as its source's: without
      // an earlier print of its own, its first guess is the source's pages (lib/pdf/toc.ts tocGuess),
      // which spares the probe rendering. The source's are queued first (editionLanguages()).
      const sourcePages = new Map<string, Promise<Map<string, number> | undefined>>();
      const settle = new Map<string, (pages: Map<string, number> | undefined) => void>();
      for (const job of jobs) {
        if (job.language !== sourceLanguage()) continue;
        const reused = outcomes.get(job);
        sourcePages.set(job.pdf, reused ? Promise.resolve(new Map(reused.printed.tocPages)) : new Promise((resolve) => settle.set(job.pdf, resolve)));
      }
      // Each print is mostly the browser's work, in its own renderer: one per core keeps them all busy.
      const queue = [...toPrint];
      const worker = async () => {
        let job: Job | undefined;
        try {
          for (job = queue.shift(); job; job = queue.shift()) {
            const begun = performance.now();
            const own = cacheDir ? await readTocGuess(cacheDir, job.print) : undefined;
            const guess = own ?? (job.language === sourceLanguage() ? undefined : await sourcePages.get(job.pdf));
            const printed = await printer.print(`${server.origin}${job.print}`, siteUrl, guess);
            if (job.language === sourceLanguage()) settle.get(job.pdf)?.(new Map(printed.tocPages));
            finish(job, { printed, reused: false, seconds: (performance.now() - begun) / 1000 });
            failIfAskedAt('print');
            if (cacheDir) await Promise.all([writeCached(cacheDir, keys.get(job)!, printed), writeTocGuess(cacheDir, job.print, new Map(printed.tocPages))]);
          }
        } catch (error) {
          // A translation waiting for this job's page numbers prints without them; no other worker
          // starts a print that the failed step would throw away.
          if (job) settle.get(job.pdf)?.(undefined);
          queue.length = 0;
          throw error;
        }
      };
      const printing = await Promise.allSettled(Array.from({ length: Math.min(toPrint.length, availableParallelism()) }, worker));
      const failure = printing.find((result) => result.status === 'rejected');
      if (failure) await failed(failure.reason);
    } finally {
      await printer.close();
      await server.close();
    }
  }

  // What the shipped fonts can draw, from their character maps: read (with fontkit) only when a PDF
  // shows a character outside the ranges every shipped font covers, which a unit test pins.
  let covered: ReadonlySet<number> | undefined;
  const coverage = () => (covered ??= pdfFontCoverage());
  // Each language's PDFs' facts, for the links on that language's pages.
  const facts = new Map<string, Map<string, PdfFacts>>(editionLanguages().map((language) => [language, new Map()]));
  for (const job of jobs) {
    const { printed, reused, seconds } = outcomes.get(job)!;
    const bytes = await finished.get(job)!.catch(failed);
    facts.get(job.language)!.set(job.pdf, { pages: printed.pages, bytes: bytes.byteLength });
    const how = reused ? 'reused: its print page and what it loads are unchanged since an earlier build' : `${printed.passes} rendering${printed.passes === 1 ? '' : 's'}`;
    const line = `${job.file.slice(1)}: ${printed.pages} pages, ${bytes.byteLength} bytes (${formatFileSize(bytes.byteLength, 'en')}), ${seconds.toFixed(1)} s, ${how}`;
    if (bytes.byteLength > PDF_BUDGET_BYTES) logger.warn(`${line}: over the ${formatFileSize(PDF_BUDGET_BYTES, 'en')} budget`);
    else logger.info(line);
    // Emoji and scripts the fonts lack would print in whatever font this machine has, or as boxes.
    const missing = surelyCovered(printed.texts) ? [] : missingCharacters(printed.texts, coverage());
    if (missing.length > 0) logger.warn(missingCharactersLine(job.file.slice(1), missing));
  }
  const pruned = cacheDir ? await pruneCache(cacheDir) : 0;

  const broken: string[] = [];
  let filled = 0;
  const built: BuiltPages = { printPages: [], siteLoaded: new Set() };
  for (const file of await htmlFiles(distDir)) {
    const html = await readBuiltFile(file);
    const pathname = `/${path.relative(distDir, file).split(path.sep).join('/')}`;
    if (isPrintPage(pathname)) built.printPages.push(file);
    else for (const loaded of loadedFiles(html)) built.siteLoaded.add(loaded);
    // A page's PDF links name its own language's PDFs, in its words.
    const { language } = splitLanguage(pathname);
    const text = ({ pages, bytes }: PdfFacts) => useTranslations(language).pdf.facts(pages, formatFileSize(bytes, language));
    const result = fillPdfFacts(html, facts.get(language) ?? new Map(), text);
    // Written aside and renamed: the search index reads these pages meanwhile, and must never read half of one.
    if (result.filled > 0) await replaceFile(file, result.html);
    filled += result.filled;
    for (const link of sitePdfLinks(html)) {
      const exists = await stat(path.join(distDir, `.${link}`)).then((s) => s.isFile(), () => false);
      if (!exists) broken.push(`${path.relative(distDir, file)} links ${link}, which the build did not write`);
    }
  }
  if (broken.length > 0) throw new Error(`broken PDF links:\n${broken.join('\n')}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const reusedCount = [...outcomes.values()].filter((outcome) => outcome.reused).length;
  const cacheLine = cacheDir
    ? `${toPrint.length} printed, ${reusedCount} reused from ${path.relative(process.cwd(), cacheDir) || cacheDir}${pruned > 0 ? ` (${pruned} unused cache files deleted)` : ''}`
    : `all printed, ${PDF_CACHE_ENV}=off`;
  logger.info(`${jobs.length} PDFs in ${seconds} s (${cacheLine}); page count and size written next to ${filled} PDF link(s)`);
  return built;
}

async function replaceFile(file: string, content: string): Promise<void> {
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, content);
  await rename(partial, file);
}

/**
 * Print routes exist only to be printed: they leave dist/ so no host serves them, and so do the
 * stylesheets and fonts only they used (Astro's own assets, in _astro/). Returns how many assets went.
 */
async function removePrintRoutes(distDir: string, { printPages, siteLoaded }: BuiltPages): Promise<number> {
  const printAssets = await pageAssets(printPages, distDir);
  const printDirs = editionLanguages().map((language) => path.join(distDir, `.${localizedPath(PRINT_PREFIX, language)}`));
  await Promise.all(printDirs.map((printDir) => rm(printDir, { recursive: true, force: true })));
  const siteAssets = await withStylesheetFiles(siteLoaded, distDir);
  const printOnly = [...printAssets].filter((asset) => asset.startsWith('_astro/') && !siteAssets.has(asset));
  await Promise.all(printOnly.map((asset) => rm(path.join(distDir, asset), { force: true })));
  return printOnly.length;
}
