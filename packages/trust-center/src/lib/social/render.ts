import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeUTF8 } from 'entities';
import type { Browser, BrowserContext } from 'playwright-core';
import { acquireChromium } from '../chromium.ts';
import type { ResolvedBrowser } from '../browser.ts';
import { PDF_FONT_STACK, PDF_FONTS } from '../pdf/fonts.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialCard } from './images.ts';

/**
 * Renders the preview images and icons with the Chromium the build already runs for the PDFs: one
 * browser page, one screenshot per image. The HTML is served from an address that never reaches the
 * network (ORIGIN, answered by a route), with the PDFs' fonts from their npm packages, so every
 * machine with the same browser draws the same pixels. No script runs in the page.
 */

/** The made-up origin the images are rendered at; every request to it is answered locally. */
const ORIGIN = 'http://social-image.invalid';

/** The weights the card uses, from each @fontsource package that has them (Symbols 2 has one). */
const WEIGHTS = ['400', '700'] as const;

const require = createRequire(import.meta.url);

/** The folder of an @fontsource package. */
function fontPackageDir(name: string): string {
  return path.dirname(require.resolve(`@fontsource/${name}/package.json`));
}

/** The stylesheets that load the fonts, by their local address. */
function fontLinks(): string {
  return PDF_FONTS.filter((font) => font.package !== 'noto-sans-mono')
    .flatMap((font) => WEIGHTS.map((weight) => `<link rel="stylesheet" href="/fonts/${font.package}/${weight}.css">`))
    .join('');
}

/** An SVG as a data: address, for an <img>: an image element runs no script the SVG might hold. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * The HTML of one preview image, with every text escaped: a title that looks like markup is shown
 * as the characters it is. `dir="auto"` lets a Hebrew or Arabic title run right to left.
 */
export function cardHtml(card: SocialCard): string {
  const text = escapeUTF8;
  const mark = card.markIsLogo
    ? `<img class="logo" src="${svgDataUrl(card.mark)}" alt="">`
    : `<img class="mark" src="${svgDataUrl(card.mark)}" alt=""><span class="name" dir="auto">${text(card.company)}</span>`;
  return `<!doctype html><html lang="${text(card.language)}"><head><meta charset="utf-8">${fontLinks()}<style>
*{margin:0;box-sizing:border-box}
html,body{width:${SOCIAL_IMAGE_WIDTH}px;height:${SOCIAL_IMAGE_HEIGHT}px;overflow:hidden}
body{background:${card.surface};color:${card.fg};font-family:${PDF_FONT_STACK};display:flex;flex-direction:column;padding:72px 80px 64px;border-top:16px solid ${card.accent};overflow-wrap:anywhere}
header{display:flex;align-items:center;gap:24px;height:80px}
.logo{height:80px;width:auto;max-width:640px;object-fit:contain;object-position:left center}
.mark{width:72px;height:72px;object-fit:contain}
.name{font-size:36px;font-weight:700;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
h1{flex:1;display:flex;align-items:center;font-size:60px;line-height:1.3;font-weight:700}
h1 span{width:100%;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
p{font-size:28px;line-height:1.3;color:${card.muted};display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}
</style></head><body><header>${mark}</header><h1><span dir="auto">${text(card.title)}</span></h1><p dir="auto">${text(card.status)}</p></body></html>`;
}

/** The HTML of one icon: the favicon at `size` pixels, on the page background when `opaque`. */
export function iconHtml(favicon: string, size: number, opaque: boolean, surface: string): string {
  // An opaque icon keeps a margin, as platforms that round the corners would cut into the mark.
  const inset = opaque ? Math.round(size * 0.125) : 0;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
*{margin:0}
html,body{width:${size}px;height:${size}px;overflow:hidden;background:${opaque ? surface : 'transparent'}}
img{display:block;width:${size - 2 * inset}px;height:${size - 2 * inset}px;margin:${inset}px}
</style></head><body><img src="${svgDataUrl(favicon)}" alt=""></body></html>`;
}

/** One Chromium page that turns HTML into PNGs. */
export interface ImageRenderer {
  /** A PNG of `html` at `width` × `height` CSS pixels (device scale 1); transparent where the page is, unless `opaque`. */
  render(html: string, width: number, height: number, opaque: boolean): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * `count` renderers, each its own page in one context of the build's Chromium (lib/chromium.ts,
 * shared with the PDFs): a second browser would cost a second start (about 1.5 s here) and its
 * memory, while pages of one browser draw side by side all the same.
 */
export async function launchImageRenderers(browser: ResolvedBrowser, count: number): Promise<{ renderers: ImageRenderer[]; close: () => Promise<void> }> {
  const { browser: instance, release } = await acquireChromium(browser);
  try {
    const context = await imageContext(instance);
    const renderers = await Promise.all(Array.from({ length: count }, () => pageRenderer(context)));
    return {
      renderers,
      close: async () => {
        await context.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The context every image page shares: light, device scale 1, fonts from the packages, nothing from the network. */
async function imageContext(instance: Browser): Promise<BrowserContext> {
  const context = await instance.newContext({ colorScheme: 'light', deviceScaleFactor: 1, viewport: { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT } });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>social image</title>' });
    // /fonts/<package>/<file>: a file of one of the font packages, nothing outside them.
    const match = /^\/fonts\/([a-z0-9-]+)\/((?:files\/)?[a-z0-9-]+\.(?:css|woff2|woff))$/.exec(pathname);
    const font = match && PDF_FONTS.find((entry) => entry.package === match[1]);
    if (!match || !font) return route.fulfill({ status: 404, body: '' });
    const body = await readFile(path.join(fontPackageDir(font.package), match[2]!)).catch(() => undefined);
    if (!body) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: match[2]!.endsWith('.css') ? 'text/css' : 'font/woff2', body });
  });
  // Nothing else is fetched: a logo that names an outside address renders without it, offline.
  await context.route((url) => !url.href.startsWith(`${ORIGIN}/`) && !url.href.startsWith('data:'), (route) => route.abort());
  return context;
}

/**
 * Runs in the page: defines `settled()` there and waits for it. It resolves once the images (the
 * mark, a data: address) and any font the new text needs are loaded, and two animation frames
 * later, when the new text is laid out and painted, so the capture shows it. Run after every
 * setContent (a new document); the images swapped into that document call `settled()` themselves.
 */
const SETTLED = (): Promise<void> => {
  const settled = () =>
    Promise.all([document.fonts.ready, ...[...document.images].map((image) => image.decode().catch(() => undefined))]).then(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  (window as unknown as { settled: typeof settled }).settled = settled;
  return settled();
};

async function pageRenderer(context: BrowserContext): Promise<ImageRenderer> {
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  // The DevTools protocol's own capture: Playwright's page.screenshot adds waits for stable frames
  // and style changes that double its cost here (about 100 against 50 ms an image); the page is
  // static, and the fonts and images are awaited below.
  const cdp = await context.newCDPSession(page);
  // Whether the page's default background is opaque now: unset until the first image sets it.
  let background: boolean | undefined;
  return {
    render: async (html, width, height, opaque) => {
      // The page keeps the card's size; an icon is the top-left corner of it (its html and body have
      // the icon's size). Resizing the page between images raced with the capture: an icon came out
      // drawn twice, half each, in one build of three.
      if (width > SOCIAL_IMAGE_WIDTH || height > SOCIAL_IMAGE_HEIGHT) throw new Error(`social images: ${width}×${height} is larger than the page that draws them`);
      // The first image (and any with other stylesheets) is written into the page as a whole; later
      // ones replace only the style, the body and the language, so the fonts stay loaded: reloading
      // them through the route for every image cost more than drawing it. Each image is one call
      // into the page (swap, wait, paint), not three: the round trips cost as much as the waits.
      const swapped = await page.evaluate(async (next) => {
        const parsed = new DOMParser().parseFromString(next, 'text/html');
        const links = (doc: Document) => [...doc.head.querySelectorAll('link')].map((link) => link.outerHTML).join('');
        // A document whose setContent failed before SETTLED ran has no settled(): it is written anew.
        const ready = typeof (window as unknown as { settled?: unknown }).settled === 'function';
        if (!ready || links(parsed) !== links(document) || document.head.querySelectorAll('link').length === 0) return false;
        document.documentElement.lang = parsed.documentElement.lang;
        document.head.querySelector('style')!.textContent = parsed.head.querySelector('style')?.textContent ?? '';
        document.body.replaceWith(document.adoptNode(parsed.body));
        await (window as unknown as { settled: () => Promise<void> }).settled();
        return true;
      }, html);
      if (!swapped) {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(SETTLED);
      }
      // Transparent where the page is, unless opaque (the icons that must be); sent when it changes.
      if (opaque !== background) {
        await cdp.send('Emulation.setDefaultBackgroundColorOverride', opaque ? {} : { color: { r: 0, g: 0, b: 0, a: 0 } });
        background = opaque;
      }
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } });
      return new Uint8Array(Buffer.from(data, 'base64'));
    },
    close: () => page.close(),
  };
}
