import { en } from './en.ts';
import { renderingLanguage } from './rendering-language.ts';
import { nb } from './nb.ts';

/**
 * `en`'s shape with its literal strings widened to `string` (en.ts is `as const`, so each English
 * word is its own type): every key and every function's parameters stay, so another language's
 * module that misses a key or takes other arguments is a type error, while its words may differ.
 */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

/** The words one language's pages are written in: the shape of `en`, which every locale's module satisfies. */
export type Translations = Widen<typeof en>;

/** The UI words of every language the engine ships, by BCP 47 tag: one module per locale, each of the shape of `en`. */
export const translations = { en, nb } as const satisfies Record<string, Translations>;

/** A locale the engine has UI words for. */
export type Locale = keyof typeof translations;

/** Each language's name in itself, for the language switcher. */
export const languageNames: Record<Locale, string> = { en: 'English', nb: 'Norsk bokmål' };

/** The Intl locale each language's dates are formatted in (lib/format.ts): British English writes "27 November 2026". */
export const dateLocales: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO' };

/** The locale a site gets when it names none. */
export const defaultLocale: Locale = 'en';

/** Whether the engine ships UI words for `locale`. */
export function isLocale(locale: string | undefined): locale is Locale {
  return locale !== undefined && Object.hasOwn(translations, locale);
}

/**
 * Where the integration puts the site's UI locale (its `locale` option) for every module of the
 * build, as it puts the content folder in CONTENT_DIR. Internal: sites set the option.
 */
export const SITE_LOCALE_ENV = 'TRUST_CENTER_LOCALE';

/**
 * The locale whose words a page gets for `locale` (`Astro.currentLocale`, undefined unless the site
 * configures Astro's i18n): itself when the engine ships it, else the site's locale, else the
 * default. A page's `<html lang>` is this, so it always names the language its UI words are in.
 */
export function resolveLocale(locale?: string): Locale {
  if (isLocale(locale)) return locale;
  // While a page of a translation renders (middleware.ts), its language is every module's default.
  const rendering = renderingLanguage();
  if (isLocale(rendering)) return rendering;
  return siteLocale();
}

/** The site's own locale (its `locale` option), whatever page is rendering: the source language of its content. */
export function siteLocale(): Locale {
  // `globalThis.process`: this module stays safe to load where there is no Node (a browser bundle).
  const site = globalThis.process?.env[SITE_LOCALE_ENV];
  return isLocale(site) ? site : defaultLocale;
}

/**
 * The `lang` a block of the company's own text (its content: MDX bodies, section titles, questions)
 * carries on a page whose UI words are in `uiLocale`: the content's language when it differs,
 * else nothing, as the page's `<html lang>` already says it. `contentLanguage` is the company's
 * first language (company.languages[0]).
 */
export function contentLang(contentLanguage: string | undefined, uiLocale?: string): string | undefined {
  if (!contentLanguage) return undefined;
  const ui = resolveLocale(uiLocale);
  // BCP 47 tags are case-insensitive; `en-GB` content on an `en` page still says so.
  return contentLanguage.toLowerCase() === ui.toLowerCase() ? undefined : contentLanguage;
}

/**
 * The UI words for a page's language (`Astro.currentLocale` in a component; nothing in a plain
 * module). A missing or unknown locale gets the site's words (resolveLocale), so a page is never
 * left without labels.
 */
export function useTranslations(locale?: string): Translations {
  if (locale === undefined) return currentTranslations;
  return translations[resolveLocale(locale)];
}

/**
 * The words of the language being rendered, looked up on each use: modules that take `t` once, at
 * load, still write each page in its own language.
 */
const currentTranslations = new Proxy({} as Translations, {
  get: (_target, key) => translations[resolveLocale()][key as keyof Translations],
  has: (_target, key) => key in translations[resolveLocale()],
  ownKeys: () => Reflect.ownKeys(translations[resolveLocale()]),
  getOwnPropertyDescriptor: (_target, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(translations[resolveLocale()], key);
    return descriptor ? { ...descriptor, configurable: true } : undefined;
  },
});

export { renderInLanguage, renderingLanguage } from './rendering-language.ts';
