import { en } from './en.ts';

/** The UI words of every language the engine ships, by BCP 47 tag: one module per locale, each of the shape of `en`. */
export const translations = { en } as const;

/** A locale the engine has UI words for. */
export type Locale = keyof typeof translations;

/** The words one language's pages are written in. */
export type Translations = (typeof translations)[Locale];

/** The locale a site gets when it names none. */
export const defaultLocale: Locale = 'en';

/** Whether the engine ships UI words for `locale`. */
export function isLocale(locale: string | undefined): locale is Locale {
  return locale !== undefined && Object.hasOwn(translations, locale);
}

/**
 * The UI words for a page's language (`Astro.currentLocale` in a component). An unknown or missing
 * locale gets the default language's words, so a page is never left without labels.
 */
export function useTranslations(locale?: string): Translations {
  return translations[isLocale(locale) ? locale : defaultLocale];
}
