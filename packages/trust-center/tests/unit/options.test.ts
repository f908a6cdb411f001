import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResolvedBrand } from '../../src/lib/brand/resolve.ts';
import { componentFiles, OptionsError, overridableComponents, parseOptions, virtualModules } from '../../src/virtual-modules.ts';

/** The one-line message parseOptions throws for `options`. */
function optionError(options: unknown): string {
  try {
    parseOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    // No stack under the message: the build prints the findings and nothing else.
    expect((error as Error).stack).toBe(`OptionsError: ${(error as Error).message}`);
    return (error as Error).message;
  }
  throw new Error('parseOptions accepted the options');
}

describe('trustCenter() options', () => {
  it('accepts no options, and every documented option', () => {
    expect(parseOptions(undefined)).toEqual({});
    const options = { contentDir: 'content', locale: 'en', components: { SiteFooter: './src/Footer.astro' } };
    expect(parseOptions(options)).toEqual(options);
  });

  it('names an unknown component in one line, with the ones a site can replace', () => {
    expect(optionError({ components: { Footer: './src/Footer.astro' } })).toBe(
      `trustCenter(): option components.Footer: is not a component a site can replace (it can replace: ${overridableComponents.join(', ')})`,
    );
  });

  it('gives each misspelt key its own line', () => {
    expect(optionError({ components: { Header: 'a', Footer: 'b' } }).split('\n')).toEqual([
      expect.stringMatching(/^trustCenter\(\): option components\.Header: is not a component a site can replace/),
      expect.stringMatching(/^trustCenter\(\): option components\.Footer: is not a component a site can replace/),
    ]);
  });

  it('names an unknown option with the options there are', () => {
    expect(optionError({ component: {} })).toBe('trustCenter(): option component: is not an option of trustCenter() (its options: contentDir, locale, translations, components, brand, documentVersion)');
  });

  it('names an unknown key inside an object option with the keys that object has', () => {
    expect(optionError({ brand: { color: 'red' } })).toBe('trustCenter(): option brand.color: is not an option of brand (its options: logo, logoIncludesName, accent, favicon)');
    expect(optionError({ brand: { accent: { light: '#000', dark: '#fff', dim: '#888' } } })).toBe(
      'trustCenter(): option brand.accent.dim: is not an option of brand.accent (its options: light, dark)',
    );
  });

  it('takes brand.logoIncludesName as a yes or no only', () => {
    expect(parseOptions({ brand: { logo: 'brand/mark.svg', logoIncludesName: false } })).toEqual({ brand: { logo: 'brand/mark.svg', logoIncludesName: false } });
    expect(optionError({ brand: { logoIncludesName: 'no' } })).toMatch(/^trustCenter\(\): option brand\.logoIncludesName: /);
  });

  it('takes every locale the engine ships words for', () => {
    expect(parseOptions({ locale: 'nb' })).toEqual({ locale: 'nb' });
  });

  it('refuses a locale the engine ships no words for', () => {
    expect(optionError({ locale: 'de' })).toBe('trustCenter(): option locale: is not a language the engine ships UI words for (it ships: en, nb)');
  });

  it("takes translations into languages the engine ships words for, other than the site's own, each once", () => {
    expect(parseOptions({ translations: ['nb'] }).translations).toEqual(['nb']);
    expect(optionError({ translations: ['de'] })).toBe('trustCenter(): option translations.0: is not a language the engine ships UI words for');
    expect(optionError({ translations: ['en'] })).toBe("trustCenter(): option translations: names en, the site's own language (option locale), which is at the root already");
    expect(optionError({ locale: 'nb', translations: ['nb'] })).toMatch(/names nb, the site's own language/);
    expect(optionError({ translations: ['nb', 'nb'] })).toBe('trustCenter(): option translations: names nb twice');
  });

  it('refuses an empty component path', () => {
    expect(optionError({ components: { SiteFooter: '' } })).toMatch(/^trustCenter\(\): option components\.SiteFooter: /);
  });
});

describe('the files behind the overridable components', () => {
  /** A site without brand options: the brand is not what these tests are about. */
  const noBrand: ResolvedBrand = { css: '', hasLogo: false };
  const root = mkdtempSync(path.join(tmpdir(), 'trust-components-'));
  writeFileSync(path.join(root, 'Footer.astro'), '<footer>ours</footer>\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are the engine's own unless the site names one", () => {
    const files = componentFiles({ SiteFooter: './Footer.astro' }, root);
    expect(Object.keys(files)).toEqual([...overridableComponents]);
    expect(files.SiteFooter).toBe(path.join(root, 'Footer.astro'));
    expect(files.SiteHeader).toBe(path.resolve(import.meta.dirname, '../../src/components/SiteHeader.astro'));
  });

  it('stop the build in one line when a replacement does not exist, as the plugin is made', () => {
    expect(() => virtualModules(parseOptions({ components: { SiteHeader: 'src/Header.astro' } }), root, noBrand)).toThrow(
      new OptionsError([`trustCenter(): option components.SiteHeader: src/Header.astro does not exist (looked for ${path.join(root, 'src/Header.astro')})`]),
    );
  });

  it('resolve through the virtual modules, and an unknown name is refused', () => {
    const files = componentFiles({ SiteFooter: './Footer.astro' }, root);
    const plugin = virtualModules(parseOptions({ components: { SiteFooter: './Footer.astro' } }), root, noBrand);
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    expect(resolveId('virtual:trust-center/components/SiteFooter')).toBe(files.SiteFooter);
    expect(resolveId('virtual:trust-center/components/StatusBadge')).toBe(files.StatusBadge);
    expect(() => resolveId('virtual:trust-center/components/Footer')).toThrow(/not an overridable component/);
    expect(resolveId('./elsewhere.ts')).toBeUndefined();
  });

  it("give the search script the words of the site's languages only, picked by the page's language", () => {
    const plugin = virtualModules(parseOptions({}), root, noBrand);
    const resolved = (plugin.resolveId as (id: string) => string)('virtual:trust-center/i18n/search');
    const file = (language: string) => JSON.stringify(path.resolve(import.meta.dirname, `../../src/i18n/${language}.ts`));
    const code = (plugin.load as (id: string) => string)(resolved);
    expect(code).toContain(`import { searchText as words0 } from ${file('en')};`);
    expect(code).not.toContain(file('nb'));
    const norwegian = (virtualModules(parseOptions({ locale: 'nb' }), root, noBrand).load as (id: string) => string)(resolved);
    expect(norwegian).toContain(`import { searchText as words0 } from ${file('nb')};`);
    expect(norwegian).not.toContain(file('en'));
    const both = (virtualModules(parseOptions({ translations: ['nb'] }), root, noBrand).load as (id: string) => string)(resolved);
    expect(both).toContain(`import { searchText as words0 } from ${file('en')};`);
    expect(both).toContain(`import { searchText as words1 } from ${file('nb')};`);
    expect(both).toContain('const byLanguage = { "en": words0, "nb": words1 };');
  });
});
