import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { nb } from '../../src/i18n/nb.ts';
import { contentLang, defaultLocale, isLocale, renderInLanguage, resolveLocale, SITE_LOCALE_ENV, siteLocale, translations, useTranslations } from '../../src/i18n/index.ts';

describe('translations keyed by locale', () => {
  afterEach(() => {
    delete process.env[SITE_LOCALE_ENV];
  });

  it('knows the locales it ships words for, and nothing else', () => {
    expect(Object.keys(translations)).toEqual(['en', 'nb']);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('nb')).toBe(true);
    for (const other of ['no', 'nn', 'NB', 'EN', 'en-GB', '', 'toString', '__proto__', undefined]) expect(isLocale(other), String(other)).toBe(false);
  });

  it("gives a page its locale's words, and the site's words for a missing or unknown locale", () => {
    expect(useTranslations('en')).toBe(en);
    expect(useTranslations('nb')).toBe(nb);
    // Without a locale: the words of the language being rendered, looked up on each use (a module takes them once, at load).
    expect(useTranslations(undefined).nav).toBe(translations[defaultLocale].nav);
    expect(useTranslations('xx')).toBe(en);
    expect(useTranslations().nav.overview).toBe(en.nav.overview);
  });

  it('gives every module the words and locale of the page being rendered, and the site locale outside a rendering', async () => {
    const t = useTranslations();
    expect(t.nav.overview).toBe(en.nav.overview);
    await renderInLanguage('nb', async () => {
      await Promise.resolve();
      expect(t.nav.overview).toBe(nb.nav.overview);
      expect(resolveLocale()).toBe('nb');
      expect(siteLocale()).toBe('en');
    });
    expect(resolveLocale()).toBe('en');
    expect(t.nav.overview).toBe(en.nav.overview);
  });

  it("falls back to the site's locale set by the integration, and never to a locale it does not ship", () => {
    process.env[SITE_LOCALE_ENV] = 'en';
    expect(resolveLocale(undefined)).toBe('en');
    process.env[SITE_LOCALE_ENV] = 'nb';
    expect(resolveLocale(undefined)).toBe('nb');
    expect(resolveLocale('en')).toBe('en');
    process.env[SITE_LOCALE_ENV] = 'xx';
    expect(resolveLocale(undefined)).toBe(defaultLocale);
    expect(resolveLocale('en')).toBe('en');
  });

  it("marks the company's text with its language only where it differs from the UI words'", () => {
    expect(contentLang('en', 'en')).toBeUndefined();
    expect(contentLang('EN', 'en')).toBeUndefined();
    expect(contentLang('de', 'en')).toBe('de');
    expect(contentLang('en-GB', 'en')).toBe('en-GB');
    // No page locale: the site's (English here).
    expect(contentLang('de', undefined)).toBe('de');
    expect(contentLang(undefined, 'en')).toBeUndefined();
  });
});
