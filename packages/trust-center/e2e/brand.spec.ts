import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useTranslations } from '../src/i18n/index.ts';
import { loadContent, sitemapPaths } from './support/content.ts';
import { fileForPath, readDist } from './support/dist.ts';

// The engine's test site sets a brand (tests/site/astro.config.mjs): a logo, a purple accent and a
// favicon. The accessibility suite checks its contrast on every page; this checks that it arrives.
const site = path.resolve(import.meta.dirname, '../tests/site');
const brandFile = (name: string) => readFileSync(path.join(site, 'brand', name), 'utf8');
const company = loadContent().company.data;
const t = useTranslations();
const accent = { light: 'rgb(126, 34, 206)', dark: 'rgb(216, 180, 254)' };

test('the logo and the favicon are served from the brand files, as SVG', async ({ request }) => {
  for (const [url, file] of [['/logo.svg', 'logo.svg'], ['/favicon.svg', 'favicon.svg']] as const) {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    expect(await response.text()).toBe(brandFile(file));
  }
});

test('every page links the favicon', () => {
  for (const page of [...sitemapPaths(), '/404.html']) {
    expect(readDist(fileForPath(page)), page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the header shows the logo named by the company, and links take the brand accent (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const home = page.getByRole('banner').getByRole('link', { name: `${company.name} ${t.siteSuffix}`, exact: true });
    await expect(home).toBeVisible();
    const logo = home.getByRole('img', { name: company.name, exact: true });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const link = page.locator('main a[href]').first();
    await expect(link).toHaveCSS('color', accent[colorScheme]);
    await expect(page.getByRole('banner').getByRole('button')).toHaveCSS('background-color', accent[colorScheme]);
  });
}
