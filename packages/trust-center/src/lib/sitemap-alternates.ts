/*
 * The sitemap's language alternates (`xhtml:link rel="alternate" hreflang`), found in one pass.
 *
 * @astrojs/sitemap 3.7 finds them itself when given `i18n`, but for each page it scans every URL of
 * the site for the same path in another language: 11,080 pages made 60 million comparisons and
 * 1.1–1.3 s of a build with 5,000 extra news items. Here the URLs are grouped by their path once.
 * The output is the integration's own: the same links, in the same order (its sorted URL order),
 * and none for a page that exists in one language only.
 */

/** One alternate of a page, as @astrojs/sitemap writes it. */
export interface SitemapLink {
  url: string;
  lang: string;
}

/** How @astrojs/sitemap orders its URLs, and so each page's alternates. */
function bySitemapOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * A page's language and its path without the language prefix, the way @astrojs/sitemap reads a
 * URL under `base` (the site's address with Astro's base path): `/nb/faq/` is `nb`, `/faq/`;
 * a URL whose first segment is no locale belongs to the default one. Undefined outside `base`.
 */
export function localeOfUrl(url: string, base: string, defaultLocale: string, locales: readonly string[]): { locale: string; path: string } | undefined {
  if (!url.startsWith(base)) return undefined;
  let rest = url.slice(base.length);
  if (!rest || rest === '/') return { locale: defaultLocale, path: '/' };
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const first = rest.split('/')[1] ?? '';
  if (locales.includes(first)) return { locale: first, path: rest.slice(1 + first.length) || '/' };
  return { locale: defaultLocale, path: rest };
}

/**
 * Every URL of `urls` that has a twin in another language, with all of its group's URLs (itself
 * included) as alternates; `urls` are the sitemap's, after its filter. Locales map to themselves
 * (the site's languages are BCP 47 tags already).
 */
export function sitemapAlternates(urls: readonly string[], base: string, defaultLocale: string, locales: readonly string[]): Map<string, SitemapLink[]> {
  const groups = new Map<string, { url: string; locale: string }[]>();
  for (const url of urls) {
    const parsed = localeOfUrl(url, base, defaultLocale, locales);
    if (!parsed) continue;
    const group = groups.get(parsed.path);
    if (group) group.push({ url, locale: parsed.locale });
    else groups.set(parsed.path, [{ url, locale: parsed.locale }]);
  }
  const alternates = new Map<string, SitemapLink[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const links = group.sort((a, b) => bySitemapOrder(a.url, b.url)).map(({ url, locale }) => ({ url, lang: locale }));
    for (const { url } of group) alternates.set(url, links);
  }
  return alternates;
}

/** The pages @astrojs/sitemap leaves out in every language (given `i18n`, also under each locale). */
const STATUS_PAGES = ['404', '500'];

/** True for a translated status page (`/nb/404/`), which the sitemap leaves out as it does `/404/`. */
export function isTranslatedStatusPage(url: string, base: string, locales: readonly string[]): boolean {
  // No default locale: a URL outside every translation reads as locale ''.
  const parsed = localeOfUrl(url, base, '', locales);
  return parsed !== undefined && parsed.locale !== '' && STATUS_PAGES.includes(parsed.path.replace(/^\/|\/$/g, ''));
}
