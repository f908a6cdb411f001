import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { decodeHTMLAttribute } from 'entities';
import { useTranslations } from '../i18n/index.ts';
import { isTranslation, splitLanguage } from '../i18n/editions.ts';
import { themeTokens, type ResolvedAccent } from '../lib/brand/brand.ts';
import { FAVICON_PATH, LOGO_PATH } from '../lib/brand/resolve.ts';
import { resolveBrowser, type ResolvedBrowser } from '../lib/browser.ts';
import type { LoadedContent } from '../lib/content/read.ts';
import { browserFingerprint, pdfCacheDir, readCachedFile, writeCachedFile } from '../lib/pdf/cache.ts';
import { PDF_FONTS } from '../lib/pdf/fonts.ts';
import { htmlFiles, readBuiltFile, readHead } from '../lib/built-files.ts';
import { ICONS, MANIFEST_PATH, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, socialColours, socialImageKey, statusLine, TITLE_MAX, truncate, webManifest } from '../lib/social/images.ts';
import { cardHtml, iconHtml, launchImageRenderers, type ImageRenderer } from '../lib/social/render.ts';
import { listenForSocialImages } from '../lib/social/announced.ts';

const t = useTranslations();

interface Options {
  /** The checked content (company, certifications), from the content-rules step. */
  content: () => LoadedContent | undefined;
  /** Whether the brand has a logo (served at LOGO_PATH), whether that logo spells the name, and its accent when it sets one. */
  brand: () => SocialBrand;
  /**
   * The favicon's and the logo's SVG as the site will serve them, known before the pages are built,
   * for drawing images while they render; undefined when they are not known then (the images are
   * then all drawn after the build, from the files in dist/).
   */
  marks?: () => { favicon: string; logo?: string } | undefined;
}

/** One image to write: where, from what HTML, at what size. */
interface Job {
  file: string;
  html: string;
  width: number;
  height: number;
  opaque: boolean;
}

/**
 * Writes the social preview images, the PNG icons and the web app manifest after Astro has written
 * the pages (docs/social-previews.md). Each page names its image in its `og:image` meta and the
 * image's title in `og:image:alt` (BaseLayout, lib/social/images.ts), so this step renders exactly the
 * images the pages point to, each once. Images are kept in the PDF cache folder under a hash of
 * what they show and of the renderer, and reused when a later build asks for the same hash.
 */
export function socialImages(options: Options): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        const content = options.content();
        const marks = options.marks?.();
        if (!content || !marks) return;
        try {
          early = drawWhileRendering(content, options.brand(), marks, pdfCacheDir(root));
        } catch {
          // No browser or no brand yet: every image is drawn after the build, where a failure is reported.
          early = undefined;
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const content = options.content();
        if (!content) throw new Error('social-images: the content was not checked before the build');
        const distDir = fileURLToPath(dir);
        const started = performance.now();
        // What was drawn from the pages as they rendered: used where a page's image is the very same HTML.
        const { drawn, whileRendering, close: closeEarly } = early ? await early.finish() : { drawn: new Map<string, Uint8Array>(), whileRendering: 0, close: async () => undefined };
        early = undefined;
        const jobs = await collectJobs(distDir, content, options.brand());
        const browser = resolveBrowser();
        const renderer = rendererFingerprint(browser);
        const cacheDir = pdfCacheDir(root);
        let reused = 0;
        let drawnEarly = 0;
        const toRender: (Job & { key: string })[] = [];
        for (const job of jobs) {
          const key = socialImageKey(renderer, job.html);
          const ready = drawn.get(job.html);
          const cached = ready ? undefined : cacheDir ? await readCachedFile(cacheDir, `${key}.png`) : undefined;
          if (ready) {
            await writeOutput(distDir, job.file, ready);
            drawnEarly++;
            if (cacheDir) await writeCachedFile(cacheDir, `${key}.png`, ready);
          } else if (cached) {
            await writeOutput(distDir, job.file, cached);
            reused++;
          } else toRender.push({ ...job, key });
        }
        const timings: number[] = [];
        if (toRender.length === 0) await closeEarly();
        else {
          const queue = [...toRender];
          // One browser, one page per core: a screenshot is mostly the browser's work.
          const { renderers, close } = await launchImageRenderers(browser, Math.min(toRender.length, availableParallelism())).finally(closeEarly);
          try {
            const worker = async (image: ImageRenderer) => {
              for (let job = queue.shift(); job; job = queue.shift()) {
                const begun = performance.now();
                const png = await image.render(job.html, job.width, job.height, job.opaque);
                timings.push(performance.now() - begun);
                await writeOutput(distDir, job.file, png);
                if (cacheDir) await writeCachedFile(cacheDir, `${job.key}.png`, png);
              }
            };
            await Promise.all(renderers.map(worker));
          } finally {
            await close();
          }
        }
        const company = content.company.data;
        const siteName = `${company.name} ${t.siteSuffix}`;
        await writeFile(path.join(distDir, `.${MANIFEST_PATH}`), webManifest(siteName, company.name, company.languages[0] ?? 'en', socialColours(themeTokens(), options.brand().accent)));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const average = timings.length > 0 ? `, ${Math.round(timings.reduce((a, b) => a + b, 0) / timings.length)} ms an image` : '';
        // "after": drawn from the built pages, because no page announced it as it rendered, or announced other HTML (which a test holds at 0).
        logger.info(
          `${jobs.length} social images and icons in ${seconds} s: ${reused} images reused, ${drawnEarly} drawn as the pages rendered (${Math.min(whileRendering, drawnEarly)} of them before this step started), ${toRender.length} drawn after${average}${cacheDir ? '' : ' (cache off)'}`,
        );
      },
    },
  };
}

const OG_IMAGE = /<meta property="og:image" content="([^"]*)"/;
const OG_IMAGE_ALT = /<meta property="og:image:alt" content="([^"]*)"/;

/** Every image the built pages name, and the icons, as render jobs. Fails when two pages give one image different titles. */
/** The brand as the images draw it. */
interface SocialBrand {
  hasLogo: boolean;
  /** brand.logoIncludesName: false when the logo is a mark and the name is written beside it. */
  logoIncludesName: boolean;
  accent: ResolvedAccent | undefined;
}

async function collectJobs(distDir: string, content: LoadedContent, brand: SocialBrand): Promise<Job[]> {
  const company = content.company.data;
  const language = company.languages[0] ?? 'en';
  const favicon = await readFile(path.join(distDir, `.${FAVICON_PATH}`), 'utf8');
  const card = cardMaker(content, brand, brand.hasLogo ? await readFile(path.join(distDir, `.${LOGO_PATH}`), 'utf8') : favicon);
  // The alt text is the title followed by the company's name (i18n social.imageAlt).
  const suffix = t.social.imageAlt('', company.name);
  const titles = new Map<string, { title: string; page: string; language: string }>();
  for (const file of await htmlFiles(distDir)) {
    // The meta tags are in the head; a page without them there is read whole, to be sure.
    const head = await readHead(file);
    const html = OG_IMAGE.test(head) && OG_IMAGE_ALT.test(head) ? head : await readBuiltFile(file);
    const image = OG_IMAGE.exec(html)?.[1];
    if (image === undefined) continue;
    const alt = decodeHTMLAttribute(OG_IMAGE_ALT.exec(html)?.[1] ?? '');
    const page = path.relative(distDir, file);
    if (!alt.endsWith(suffix)) throw new Error(`social-images: ${page}: og:image:alt "${alt}" does not end with "${suffix}"`);
    const imagePath = decodeURIComponent(new URL(decodeHTMLAttribute(image)).pathname);
    const title = alt.slice(0, -suffix.length);
    const earlier = titles.get(imagePath);
    if (earlier && earlier.title !== title) throw new Error(`social-images: ${imagePath} is "${earlier.title}" for ${earlier.page} but "${title}" for ${page}`);
    const edition = splitLanguage(`/${page.split(path.sep).join('/')}`).language;
    titles.set(imagePath, { title, page, language: isTranslation(edition) ? edition : language });
  }
  const jobs: Job[] = [...titles].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([imagePath, { title, language: edition }]) => card(imagePath, title, edition));
  return [...jobs, ...iconJobs(favicon, brand)];
}

/** The PNG icons, drawn from the favicon. */
function iconJobs(favicon: string, brand: SocialBrand): Job[] {
  const { surface } = socialColours(themeTokens(), brand.accent);
  return ICONS.map((icon) => ({ file: icon.path, html: iconHtml(favicon, icon.size, icon.opaque, surface), width: icon.size, height: icon.size, opaque: icon.opaque }));
}

/**
 * The job that draws one page's preview image: its title, in its edition's language, with the
 * status line in that language (/nb/… pages: Norwegian status words and country names). One maker
 * for the images drawn while the pages render and for those found in dist/ after, so that the same
 * page gives the same HTML, byte for byte, either way.
 */
function cardMaker(content: LoadedContent, brand: SocialBrand, mark: string): (imagePath: string, title: string, edition: string) => Job {
  const company = content.company.data;
  const colours = socialColours(themeTokens(), brand.accent);
  const statuses = new Map<string, string>();
  const statusIn = (edition: string) => statuses.get(edition) ?? statuses.set(edition, statusLine(content.certifications.map((entry) => entry.data), company, edition, edition)).get(edition)!;
  return (imagePath, title, edition) => ({
    file: imagePath,
    html: cardHtml({ company: company.name, title: truncate(title, TITLE_MAX), status: statusIn(edition), mark, markIsLogo: brand.hasLogo && brand.logoIncludesName, ...colours, language: edition }),
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    opaque: true,
  });
}

/** The images drawn from the pages as they render, and how to wait for them. */
interface EarlyDrawing {
  /**
   * Stops listening, draws what is still queued on every renderer, and returns the PNGs by the HTML
   * they show, with `close` for the renderers, called once the step no longer needs the browser
   * (lib/chromium.ts closes it when the last holder lets go; the PDFs may still hold it).
   */
  finish(): Promise<{ drawn: Map<string, Uint8Array>; whileRendering: number; close: () => Promise<void> }>;
}

/** The drawing of the running build (astro:build:start to astro:build:done). */
let early: EarlyDrawing | undefined;

/**
 * Draws each image a page announces (lib/social/announced.ts) as the pages render, one at a time:
 * Astro renders on one thread, so on a machine with two cores or more the drawing takes the idle
 * one; what is still queued when the pages are written is drawn on one renderer per core. An image
 * whose PNG is in the cache is left for build:done to copy, so a rebuild starts no browser. Nothing
 * here fails the build: an image this misses, or fails to draw, is drawn by build:done from the
 * built pages, where a failure is reported.
 */
function drawWhileRendering(content: LoadedContent, brand: SocialBrand, marks: { favicon: string; logo?: string }, cacheDir: string | undefined): EarlyDrawing {
  const card = cardMaker(content, brand, brand.hasLogo ? (marks.logo ?? marks.favicon) : marks.favicon);
  const sourceLanguage = content.company.data.languages[0] ?? 'en';
  const browser = resolveBrowser();
  const renderer = rendererFingerprint(browser);
  const drawn = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  const queue: Job[] = [];
  const checks: Promise<void>[] = [];
  let launched: Promise<{ renderers: ImageRenderer[]; close: () => Promise<void> }> | undefined;
  let first: Promise<void> | undefined;
  const work = async (index: number) => {
    const { renderers } = await launched!;
    const image = renderers[index];
    for (let job = queue.shift(); job && image; job = queue.shift()) drawn.set(job.html, await image.render(job.html, job.width, job.height, job.opaque));
  };
  const add = (job: Job) => {
    if (seen.has(job.html)) return;
    seen.add(job.html);
    checks.push(
      (async () => {
        if (cacheDir && (await readCachedFile(cacheDir, `${socialImageKey(renderer, job.html)}.png`))) return;
        queue.push(job);
        launched ??= launchImageRenderers(browser, availableParallelism());
        first ??= work(0)
          .catch(() => undefined)
          .finally(() => {
            first = undefined;
          });
      })(),
    );
  };
  // The icons first: they need no page, so the browser starts while Vite still bundles.
  for (const icon of iconJobs(marks.favicon, brand)) add(icon);
  // Most pages share their section's image: each image is made into a job once, not once per page.
  const announced = new Set<string>();
  const stopListening = listenForSocialImages((image) => {
    const id = `${image.path}\0${image.title}\0${image.language}`;
    if (announced.has(id)) return;
    announced.add(id);
    add(card(image.path, image.title, isTranslation(image.language) ? image.language : sourceLanguage));
  });
  return {
    async finish() {
      stopListening();
      await Promise.all(checks);
      const whileRendering = drawn.size;
      if (launched) {
        const count = await launched.then(({ renderers }) => renderers.length, () => 0);
        // Every renderer on what is left (the first one again if it had run dry); one that fails leaves its images queued, for build:done.
        await Promise.all([first ?? work(0).catch(() => undefined), ...Array.from({ length: Math.max(0, count - 1) }, (_, index) => work(index + 1).catch(() => undefined))]);
      }
      const close = async () => {
        if (launched) await launched.then(({ close: closeRenderers }) => closeRenderers(), () => undefined);
      };
      return { drawn, whileRendering, close };
    },
  };
}

/**
 * The renderer, by content: this step's code and lib/social/, the fonts' and the browser library's
 * versions, and the browser binary. Any change to one makes every image render afresh.
 */
function rendererFingerprint(browser: ResolvedBrowser): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  for (const name of ['playwright-core', ...PDF_FONTS.map((font) => `@fontsource/${font.package}`)]) {
    hash.update(`${name} ${(require(`${name}/package.json`) as { version: string }).version}\0`);
  }
  hash.update(browserFingerprint(browser.executablePath));
  const folder = fileURLToPath(new URL('../lib/social/', import.meta.url));
  for (const name of readdirSync(folder).sort()) hash.update(`\0${name}\0`).update(readFileSync(path.join(folder, name)));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return hash.digest('hex');
}

async function writeOutput(distDir: string, sitePath: string, bytes: Uint8Array): Promise<void> {
  const file = path.join(distDir, `.${sitePath}`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

