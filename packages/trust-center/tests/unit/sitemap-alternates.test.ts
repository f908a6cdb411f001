import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTranslatedStatusPage, localeOfUrl, sitemapAlternates } from '../../src/lib/sitemap-alternates.ts';

const base = 'https://trust.example.com/';
const locales = ['en', 'nb', 'de'];

/** @astrojs/sitemap's own i18n search (not exported by the package, so loaded from its file): the reference. */
async function integrationsOwn(urls: string[]): Promise<Map<string, { url: string; lang: string }[]>> {
  const entry = createRequire(import.meta.url).resolve('@astrojs/sitemap');
  const { generateSitemap } = (await import(pathToFileURL(path.join(path.dirname(entry), 'generate-sitemap.js')).href)) as {
    generateSitemap: (urls: string[], base: string, opts: object) => { url: string; links?: { url: string; lang: string }[] }[];
  };
  const items = generateSitemap(urls, base, { i18n: { defaultLocale: 'en', locales: Object.fromEntries(locales.map((l) => [l, l])) } });
  return new Map(items.flatMap((item) => (item.links ? [[item.url, item.links] as const] : [])));
}

describe('sitemap language alternates', () => {
  const urls = [
    `${base}`,
    `${base}nb/`,
    `${base}faq/`,
    `${base}nb/faq/`,
    `${base}de/faq/`,
    `${base}updates/2/`,
    `${base}updates/10/`,
    `${base}nb/updates/10/`,
    `${base}nb/updates/2/`,
    // Only in one language: no alternates.
    `${base}updates/only-english/`,
    `${base}nb/only-norwegian/`,
    // A first segment that is no locale belongs to the default language.
    `${base}nbx/page/`,
    // Outside the site's address: ignored.
    'https://elsewhere.example.com/faq/',
  ];

  it('gives every page the links @astrojs/sitemap gives it, in its order', async () => {
    const ours = sitemapAlternates(urls, base, 'en', locales);
    expect(ours).toEqual(await integrationsOwn(urls));
    expect(ours.get(`${base}faq/`)).toEqual([
      { url: `${base}de/faq/`, lang: 'de' },
      { url: `${base}faq/`, lang: 'en' },
      { url: `${base}nb/faq/`, lang: 'nb' },
    ]);
    // Numeric order, as the integration sorts: 2 before 10.
    expect(ours.get(`${base}nb/updates/2/`)).toEqual([
      { url: `${base}nb/updates/2/`, lang: 'nb' },
      { url: `${base}updates/2/`, lang: 'en' },
    ]);
    expect(ours.has(`${base}updates/only-english/`)).toBe(false);
    expect(ours.has(`${base}nb/only-norwegian/`)).toBe(false);
  });

  it('matches the integration on a large site, in any input order', async () => {
    const many = Array.from({ length: 400 }, (_, i) => [`${base}updates/item-${i}/`, ...(i % 3 === 0 ? [] : [`${base}nb/updates/item-${i}/`])]).flat();
    const shuffled = [...many].reverse();
    expect(sitemapAlternates(shuffled, base, 'en', locales)).toEqual(await integrationsOwn(shuffled));
  });

  it('reads a URL the way the integration does', () => {
    expect(localeOfUrl(`${base}`, base, 'en', locales)).toEqual({ locale: 'en', path: '/' });
    expect(localeOfUrl(`${base}nb`, base, 'en', locales)).toEqual({ locale: 'nb', path: '/' });
    expect(localeOfUrl(`${base}nb/faq/`, base, 'en', locales)).toEqual({ locale: 'nb', path: '/faq/' });
    expect(localeOfUrl('https://other.example.com/nb/', base, 'en', locales)).toBeUndefined();
  });

  it('leaves out translated status pages, as the integration does with i18n', () => {
    expect(isTranslatedStatusPage(`${base}nb/404/`, base, ['nb'])).toBe(true);
    expect(isTranslatedStatusPage(`${base}nb/500/`, base, ['nb'])).toBe(true);
    expect(isTranslatedStatusPage(`${base}nb/404-help/`, base, ['nb'])).toBe(false);
    expect(isTranslatedStatusPage(`${base}faq/404/`, base, ['nb'])).toBe(false);
  });
});
