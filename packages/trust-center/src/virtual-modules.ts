import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import type { Plugin } from 'vite';
import { defaultLocale, isLocale, translations } from './i18n/index.ts';
import { parseCssColor } from './lib/brand/contrast.ts';
import { LOGO_PATH, type ResolvedBrand } from './lib/brand/resolve.ts';

/**
 * The components a site may replace with its own (`components` option), by name. Each is imported
 * by the engine's pages and layouts through `virtual:trust-center/components/<Name>`, which resolves
 * to the site's file when it names one and to the engine's own otherwise. A replacement receives the
 * same props as the component it replaces (docs/overrides.md lists them). The set is the parts a
 * company brands or words its own way; the lists and tables that carry the rules' results (the
 * sub-processor table, the change log) stay the engine's, so they cannot drift from the feeds and
 * exports that state the same facts.
 */
export const overridableComponents = [
  // On every page (layouts/BaseLayout.astro).
  'SiteHeader',
  'SiteFooter',
  // The overview page (and the security pack PDF).
  'KeyFacts',
  'CertificationCard',
  'ContactList',
  'DocumentList',
  // The sub-processor pages.
  'SubscribeBlock',
  // Inside CertificationCard: a certification's status.
  'StatusBadge',
] as const;

export type OverridableComponent = (typeof overridableComponents)[number];

/** An SVG file's path, relative to the project root (read and checked by src/lib/brand/brand.ts). */
const svgFile = z.string().min(1).regex(/\.svg$/i, { message: 'must name an .svg file' });
/** A CSS colour as a stylesheet would write it (parsed and contrast-checked by src/lib/brand/). */
const cssColor = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const parsed = parseCssColor(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.reason} (write it as in a stylesheet: #0b57d0, rgb(...), oklch(...), a colour name)` });
  });

/** The options of `trustCenter()`; every field is optional. */
export const optionsSchema = z
  .object({
    /** The content folder, relative to the project root (`content` by default; the CONTENT_DIR environment variable wins). */
    contentDir: z.string().min(1).optional(),
    /**
     * The language of the UI words (labels, navigation, status names), as a BCP 47 tag the engine
     * ships words for (`en`, `nb`): every page's `<html lang>`. The company's own text says its language
     * (company.languages[0]) where that differs (i18n/index.ts contentLang).
     */
    locale: z
      .string()
      .refine((value) => isLocale(value), { message: `is not a language the engine ships UI words for (it ships: ${Object.keys(translations).join(', ')})` })
      .optional(),
    /**
     * The languages the content is translated into, as BCP 47 tags the engine ships UI words for
     * (`nb`): each gets the whole site under `/<language>/` from the translations in
     * `content/<language>/` (docs/translations.md), with the source language staying at the root.
     */
    translations: z
      .array(z.string().refine((value) => isLocale(value), { message: 'is not a language the engine ships UI words for' }))
      .optional(),
    /** Site files that replace engine components, by component name, relative to the project root. */
    components: z.partialRecord(z.enum(overridableComponents), z.string().min(1)).optional(),
    /** The company's brand on every page and PDF; everything in it is optional (docs: brand). */
    brand: z
      .object({
        /** An SVG file, relative to the project root: shown in the header (named by the company name) and on the PDF covers; served as /logo.svg. */
        logo: svgFile.optional(),
        /** Whether the logo already shows the company's name (default true). Set false for a mark without it: the header then writes the name beside the logo, and the logo is decorative. */
        logoIncludesName: z.boolean().optional(),
        /** The accent colour (links, buttons, focus rings, the current page) for each colour scheme: CSS colours with at least 4.5:1 contrast on the theme's backgrounds, checked when the build starts. */
        accent: z
          .object({
            /** The accent on the light backgrounds. */
            light: cssColor,
            /** The accent on the dark backgrounds. */
            dark: cssColor,
          })
          .strict()
          .optional(),
        /** An SVG file, relative to the project root, served as /favicon.svg; without it the site's public/favicon.svg, or else a plain shield in the accent. */
        favicon: svgFile.optional(),
      })
      .strict()
      .optional(),
    /** The version printed on the PDFs (cover, footer, properties), such as "2.3" or "2026-Q4"; without it, the date of the latest content change (src/lib/document-version.ts). */
    documentVersion: z
      .string()
      .trim()
      .min(1, { message: 'is empty; leave the option out to derive the version from the content' })
      .max(40, { message: 'is longer than 40 characters; it has to fit on a PDF cover line' })
      .optional(),
  })
  .strict();

export type TrustCenterOptions = z.input<typeof optionsSchema>;

/** What the pages read from `virtual:trust-center/config`. */
export interface ResolvedConfig {
  locale: string;
  /** The site path of the logo (brand.logo), when the site has one. */
  logo?: string;
  /** brand.logoIncludesName: false when the logo is a mark that leaves the company's name to the text beside it. */
  logoIncludesName: boolean;
  /** The `documentVersion` option; without it the pages derive the version from the content. */
  documentVersion?: string;
}

const CONFIG_ID = 'virtual:trust-center/config';
const COMPONENT_PREFIX = 'virtual:trust-center/components/';
/** The brand files the engine serves (logo, favicon), for the routes that serve them. */
const BRAND_ID = 'virtual:trust-center/brand';
/** The accent stylesheet, added to every page's CSS bundle (index.ts injects its import). */
export const BRAND_CSS_ID = 'virtual:trust-center/brand.css';

/** Checks the options and says, in one line per problem, which option is wrong and why. */
export function parseOptions(options: unknown): z.output<typeof optionsSchema> {
  const result = optionsSchema.safeParse(options ?? {});
  if (result.success) {
    // A translation is another language than the site's own, and each one edition.
    const own = result.data.locale ?? defaultLocale;
    const translations = result.data.translations ?? [];
    const problems = [
      ...(translations.includes(own) ? [optionLine(['translations'], `names ${own}, the site's own language (option locale), which is at the root already`)] : []),
      ...translations.filter((language, index) => translations.indexOf(language) !== index).map((language) => optionLine(['translations'], `names ${language} twice`)),
    ];
    if (problems.length > 0) throw new OptionsError(problems);
    return result.data;
  }
  const lines = result.error.issues.flatMap((issue) =>
    // A misspelt key is named by itself, with the keys that would be right there.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => optionLine([...issue.path, key], unknownKeyMessage(issue.path)))
      : [optionLine(issue.path, issue.message)],
  );
  throw new OptionsError(lines);
}

function optionLine(keys: readonly PropertyKey[], message: string): string {
  return `trustCenter(): option ${keys.map(String).join('.') || '(options)'}: ${message}`;
}

function unknownKeyMessage(parent: readonly PropertyKey[]): string {
  if (parent[0] === 'components') return `is not a component a site can replace (it can replace: ${overridableComponents.join(', ')})`;
  const where = parent.length === 0 ? 'trustCenter()' : parent.map(String).join('.');
  return `is not an option of ${where} (its options: ${optionKeysAt(parent).join(', ')})`;
}

/** The keys the options schema allows at `keys` (an object option such as `brand`, or the top level). */
function optionKeysAt(keys: readonly PropertyKey[]): string[] {
  let schema: unknown = optionsSchema;
  for (const key of keys) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap();
    schema = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>)[String(key)] : undefined;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap();
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** A mistake in the options: its message is the one-line findings and nothing else, so the build prints no stack under them. */
export class OptionsError extends Error {
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'OptionsError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The search page's words in the site's locale, for its script (src/scripts/site-search.ts). */
const SEARCH_TEXT_ID = 'virtual:trust-center/i18n/search';

/**
 * The file behind each overridable component: the site's replacement (its path resolved against
 * the project root) or the engine's own. A replacement that does not exist stops the build with one
 * line naming the option, before anything is rendered (the integration makes the plugin in
 * astro:config:setup).
 */
export function componentFiles(components: z.output<typeof optionsSchema>['components'], root: string): Record<OverridableComponent, string> {
  const engineComponents = fileURLToPath(new URL('./components/', import.meta.url));
  const problems: string[] = [];
  const files = Object.fromEntries(
    overridableComponents.map((name) => {
      const override = components?.[name];
      if (!override) return [name, path.join(engineComponents, `${name}.astro`)];
      const file = path.resolve(root, override);
      if (!existsSync(file)) problems.push(`trustCenter(): option components.${name}: ${override} does not exist (looked for ${file})`);
      return [name, file];
    }),
  ) as Record<OverridableComponent, string>;
  if (problems.length > 0) throw new OptionsError(problems);
  return files;
}

/** The Vite plugin behind the engine's virtual modules: its resolved configuration, and the overridable components. */
export function virtualModules(options: z.output<typeof optionsSchema>, root: string, brand: ResolvedBrand): Plugin {
  const config: ResolvedConfig = {
    locale: options.locale ?? defaultLocale,
    ...(brand.hasLogo ? { logo: LOGO_PATH } : {}),
    logoIncludesName: options.brand?.logoIncludesName ?? true,
    ...(options.documentVersion === undefined ? {} : { documentVersion: options.documentVersion }),
  };
  const engineComponents = fileURLToPath(new URL('./components/', import.meta.url));
  // Resolved now, so a missing replacement stops the build before anything renders.
  const files = componentFiles(options.components, root);
  const componentFile = (name: OverridableComponent): string => files[name];
  // Only the search words of the site's languages (its own and each translation's), each from its
  // file: the search page's script bundles those and none of the site's other labels, and picks the
  // page's language (<html lang>) when it runs.
  const searchLanguages = [config.locale, ...(options.translations ?? []).filter((language) => language !== config.locale)];
  const searchModule = [
    ...searchLanguages.map((language, index) => `import { searchText as words${index} } from ${JSON.stringify(path.join(engineComponents, '..', 'i18n', `${language}.ts`))};`),
    `const byLanguage = { ${searchLanguages.map((language, index) => `${JSON.stringify(language)}: words${index}`).join(', ')} };`,
    'export default byLanguage[globalThis.document?.documentElement.lang] ?? words0;',
  ].join('\n');
  return {
    name: 'astro-trust-center:virtual-modules',
    resolveId(id) {
      if (id === CONFIG_ID || id === BRAND_ID || id === BRAND_CSS_ID) return `\0${id}`;
      if (id.startsWith(COMPONENT_PREFIX)) {
        const name = id.slice(COMPONENT_PREFIX.length) as OverridableComponent;
        if (!overridableComponents.includes(name)) throw new Error(`${id}: not an overridable component (${overridableComponents.join(', ')})`);
        return componentFile(name);
      }
      if (id === SEARCH_TEXT_ID) return `\0${SEARCH_TEXT_ID}`;
      return undefined;
    },
    load(id) {
      if (id === `\0${SEARCH_TEXT_ID}`) return searchModule;
      if (id === `\0${CONFIG_ID}`) return `export default ${JSON.stringify(config)};`;
      if (id === `\0${BRAND_ID}`) return `export const logo = ${JSON.stringify(brand.logo ?? null)};\nexport const favicon = ${JSON.stringify(brand.favicon ?? null)};`;
      if (id === `\0${BRAND_CSS_ID}`) return brand.css;
      return undefined;
    },
  };
}
