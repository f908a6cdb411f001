import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ogs from 'open-graph-scraper';
import { withoutLanguage } from '../scripts/lib/budget.ts';
import { loadContent, sitemapPaths } from './support/content.ts';
import { distDir, fileForPath } from './support/dist.ts';

// Social previews and icons (docs/social-previews.md), read back with an independent metadata
// reader (open-graph-scraper) from every page in the sitemap and the 404 page; each image the
// metadata names must be in dist/ as a 1200 × 630 PNG under 100 KB.
const content = loadContent();
const company = content.company.data;
const site = process.env.SITE_URL ?? company.siteUrl;

/** The size a PNG states in its IHDR chunk, the first after the signature (PNG spec, section 11.2.2). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: no PNG signature');
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG: IHDR is not the first chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The dist/ file of an absolute URL on this site. */
function distFileOf(url: string): string {
  const parsed = new URL(url);
  expect(parsed.origin, `${url} is on the site`).toBe(new URL(site).origin);
  return path.join(distDir, fileForPath(parsed.pathname));
}

test('every page has Open Graph and Twitter metadata with a 1200 × 630 PNG preview under 100 KB', async () => {
  const pages = [...sitemapPaths(), '/404.html'];
  expect(pages.length).toBeGreaterThan(10);
  const problems: string[] = [];
  const images = new Map<string, string[]>();
  for (const page of pages) {
    const html = readFileSync(path.join(distDir, fileForPath(page)), 'utf8');
    const { result, error } = await ogs({ html });
    if (error) {
      problems.push(`${page}: the reader failed`);
      continue;
    }
    for (const [field, value] of [
      ['og:title', result.ogTitle],
      ['og:description', result.ogDescription],
      ['og:url', result.ogUrl],
    ] as const) {
      if (!value?.trim()) problems.push(`${page}: no ${field}`);
    }
    if (page !== '/404.html' && result.ogUrl !== new URL(page, site).href) problems.push(`${page}: og:url is ${result.ogUrl}`);
    const image = result.ogImage?.[0];
    if (!image?.url) {
      problems.push(`${page}: no og:image`);
      continue;
    }
    if (String(image.width) !== '1200' || String(image.height) !== '630' || image.type !== 'image/png') problems.push(`${page}: og:image states ${image.width}×${image.height} ${image.type}`);
    if (!image.alt?.endsWith(` · ${company.name}`)) problems.push(`${page}: og:image:alt is "${image.alt}"`);
    if (result.twitterCard !== 'summary_large_image') problems.push(`${page}: twitter:card is ${result.twitterCard}`);
    if (result.twitterImage?.[0]?.url !== image.url) problems.push(`${page}: twitter:image is not og:image`);
    images.set(image.url, [...(images.get(image.url) ?? []), page]);
  }
  for (const [url, users] of images) {
    const file = distFileOf(url);
    if (!existsSync(file)) {
      problems.push(`${users[0]}: og:image ${url} is not in dist/`);
      continue;
    }
    const bytes = readFileSync(file);
    const size = pngSize(bytes);
    if (size.width !== 1200 || size.height !== 630) problems.push(`${url}: ${size.width}×${size.height}`);
    if (statSync(file).size >= 100_000) problems.push(`${url}: ${statSync(file).size} bytes`);
  }
  expect(problems).toEqual([]);
  // The pages of unbounded sections share one image each; every other page has its own.
  // A translation's pages (/nb/…) the same way, with their images in the translation's folder (/social/nb/…).
  const folderOf = (page: string) => page.slice(0, page.length - withoutLanguage(page).length);
  for (const folder of new Set(pages.map(folderOf))) {
    const newsPages = pages.filter((page) => folderOf(page) === folder && withoutLanguage(page).startsWith('/updates/'));
    expect(newsPages.length).toBeGreaterThan(0);
    expect(images.get(new URL(`/social${folder}/updates/image.png`, site).href)?.sort()).toEqual(newsPages.sort());
  }
  const own = pages.filter((page) => !/^\/(updates|changes|subprocessors\/(changes|category|location|transfer))\//.test(withoutLanguage(page)));
  for (const page of own) expect(images.get(new URL(`/social${page.replace(/\.html$/, '/')}image.png`, site).href), page).toEqual([page]);
});

/** Whether every pixel of a PNG is opaque, drawn on a canvas in the browser. */
async function isOpaque(page: Page, bytes: Buffer): Promise<boolean> {
  return page.evaluate(async (source) => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] !== 255) return false;
    return true;
  }, `data:image/png;base64,${bytes.toString('base64')}`);
}

test('the PNG favicon, the Apple touch icon and the manifest exist with the right sizes and are linked', async ({ page, request }) => {
  for (const pathname of ['/', '/subprocessors/']) {
    await page.goto(pathname);
    await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute('href', '/favicon.svg');
    await expect(page.locator('head link[rel="icon"][type="image/png"]')).toHaveAttribute('href', '/favicon.png');
    await expect(page.locator('head link[rel="icon"][type="image/png"]')).toHaveAttribute('sizes', '32x32');
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/apple-touch-icon.png');
    await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  }
  const icon = (file: string) => readFileSync(path.join(distDir, file));
  expect(pngSize(icon('favicon.png'))).toEqual({ width: 32, height: 32 });
  expect(pngSize(icon('apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
  await page.goto('about:blank');
  expect(await isOpaque(page, icon('apple-touch-icon.png'))).toBe(true);

  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; short_name: string; theme_color: string; background_color: string; icons: { src: string; sizes: string; type: string }[] };
  expect(manifest.name).toContain(company.name);
  expect(manifest.short_name).toBe(company.name);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.icons.map((entry) => entry.sizes).sort()).toEqual(['192x192', '512x512']);
  for (const entry of manifest.icons) {
    const [width, height] = entry.sizes.split('x').map(Number);
    expect(entry.type).toBe('image/png');
    expect(pngSize(icon(entry.src.slice(1)))).toEqual({ width, height });
  }
});
