import { renderingLanguage, renderInLanguage, siteLocale } from './index.ts';

/**
 * The languages a site's content is translated into (its `translations` option), for every module of
 * the build, as CONTENT_DIR is the content folder. Internal: sites set the option.
 */
export const TRANSLATIONS_ENV = 'TRUST_CENTER_TRANSLATIONS';

/**
 * The translation languages: each is a whole second edition of the site under `/<language>/`, from
 * the translations in `content/<language>/`. Empty for a site in one language.
 */
export function translationLanguages(env: Record<string, string | undefined> | undefined = globalThis.process?.env): string[] {
  return (env?.[TRANSLATIONS_ENV] ?? '')
    .split(',')
    .map((language) => language.trim())
    .filter((language) => language.length > 0);
}

/** The site's own language: the one its content is written in and its root pages are in. */
export function sourceLanguage(): string {
  return siteLocale();
}

/** Every edition's language, the source's first. */
export function editionLanguages(): string[] {
  return [sourceLanguage(), ...translationLanguages()];
}

/** The language of a page, from its path: `/nb/faq/` is Norwegian when nb is a translation language, anything else is the source's. */
export function pageLanguage(url: URL | string): string {
  return splitLanguage(typeof url === 'string' ? url : url.pathname).language;
}

/** A root-relative path's language and its path in the source edition: `/nb/faq/` → nb and `/faq/`. */
export function splitLanguage(pathname: string): { language: string; path: string } {
  const first = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  if (first?.[1] && translationLanguages().includes(first[1])) return { language: first[1], path: first[2] ?? '/' };
  return { language: sourceLanguage(), path: pathname };
}

/** A source-edition path in a language's edition: `/faq/` → `/nb/faq/`; the source language's is the path itself. */
export function localizedPath(path: string, language: string): string {
  return language === sourceLanguage() || !translationLanguages().includes(language) ? path : `/${language}${path}`;
}

/** Whether the language is a translation's (not the source's). */
export function isTranslation(language: string): boolean {
  return language !== sourceLanguage() && translationLanguages().includes(language);
}

/** The language being rendered: the page's (middleware.ts), or else the source's. */
export function currentLanguage(): string {
  return renderingLanguage() ?? sourceLanguage();
}

/**
 * Runs a route's getStaticPaths in the language of its route (`/nb/updates/[id]` is Norwegian), so the
 * entries it passes to its pages as props are that language's, as a page's own data is (middleware.ts).
 */
export function inRouteLanguage<R>(routePattern: string, derive: () => R): R {
  return renderInLanguage(pageLanguage(routePattern), derive);
}
