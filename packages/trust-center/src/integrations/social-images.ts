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
import { htmlFiles } from '../lib/pdf/page-assets.ts';
import { ICONS, MANIFEST_PATH, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, socialColours, socialImageKey, statusLine, TITLE_MAX, truncate, webManifest } from '../lib/social/images.ts';
import { cardHtml, iconHtml, launchImageRenderers, type ImageRenderer } from '../lib/social/render.ts';

const t = useTranslations();

interface Options {
  /** The checked content (company, certifications), from the content-rules step. */
  content: () => LoadedContent | undefined;
  /** Whether the brand has a logo (served at LOGO_PATH), whether that logo spells the name, and its accent when it sets one. */
  brand: () => SocialBrand;
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
      'astro:build:done': async ({ dir, logger }) => {
        const content = options.content();
        if (!content) throw new Error('social-images: the content was not checked before the build');
        const distDir = fileURLToPath(dir);
        const started = performance.now();
        const jobs = await collectJobs(distDir, content, options.brand());
        const browser = resolveBrowser();
        const renderer = rendererFingerprint(browser);
        const cacheDir = pdfCacheDir(root);
        let reused = 0;
        const toRender: (Job & { key: string })[] = [];
        for (const job of jobs) {
          const key = socialImageKey(renderer, job.html);
          const cached = cacheDir ? await readCachedFile(cacheDir, `${key}.png`) : undefined;
          if (cached) {
            await writeOutput(distDir, job.file, cached);
            reused++;
          } else toRender.push({ ...job, key });
        }
        const timings: number[] = [];
        if (toRender.length > 0) {
          const queue = [...toRender];
          // One browser, one page per core: a screenshot is mostly the browser's work.
          const { renderers, close } = await launchImageRenderers(browser, Math.min(toRender.length, availableParallelism()));
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
        logger.info(`${jobs.length} social images and icons in ${seconds} s: ${reused} images reused, ${toRender.length} rendered${average}${cacheDir ? '' : ' (cache off)'}`);
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
  const colours = socialColours(themeTokens(), brand.accent);
  const favicon = await readFile(path.join(distDir, `.${FAVICON_PATH}`), 'utf8');
  const mark = brand.hasLogo ? await readFile(path.join(distDir, `.${LOGO_PATH}`), 'utf8') : favicon;
  // Each edition's image says its status in its own language (/nb/… pages: Norwegian status words and country names).
  const statusIn = (edition: string) => statusLine(content.certifications.map((entry) => entry.data), company, edition, edition);
  // The alt text is the title followed by the company's name (i18n social.imageAlt).
  const suffix = t.social.imageAlt('', company.name);
  const titles = new Map<string, { title: string; page: string; language: string }>();
  for (const file of await htmlFiles(distDir)) {
    const html = await readFile(file, 'utf8');
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
  const jobs: Job[] = [...titles]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([imagePath, { title, language: edition }]) => ({
      file: imagePath,
      html: cardHtml({ company: company.name, title: truncate(title, TITLE_MAX), status: statusIn(edition), mark, markIsLogo: brand.hasLogo && brand.logoIncludesName, ...colours, language: edition }),
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      opaque: true,
    }));
  for (const icon of ICONS) jobs.push({ file: icon.path, html: iconHtml(favicon, icon.size, icon.opaque, colours.surface), width: icon.size, height: icon.size, opaque: icon.opaque });
  return jobs;
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

