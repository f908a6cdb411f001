/// <reference path="./virtual.d.ts" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import type { AstroIntegration } from 'astro';
import type { Rollup } from 'vite';
import { defaultLocale, resolveLocale, SITE_LOCALE_ENV } from './i18n/index.ts';
import { TRANSLATIONS_ENV } from './i18n/editions.ts';
import { contentRules } from './integrations/content-rules.ts';
import { outputChecks } from './integrations/output-checks.ts';
import { pagefindIndex } from './integrations/pagefind.ts';
import { pdfDocuments, pdfDocumentsFinished } from './integrations/pdf-documents.ts';
import { socialImages } from './integrations/social-images.ts';
import { contentCacheDirs } from './lib/content/cache-dirs.ts';
import type { LoadedContent } from './lib/content/read.ts';
import { forgetRenamedEntries } from './lib/content/renamed-files.ts';
import { resolveContentDir } from './lib/content/paths.ts';
import { mergeTranslation } from './lib/translations/fields.ts';
import type { TranslationCheck } from './lib/translations/rules.ts';
import { cspDirectives } from './lib/csp.ts';
import { netlifyHeaders } from './lib/headers.ts';
import { isPrintPage } from './lib/pdf/documents.ts';
import { isTranslatedStatusPage, sitemapAlternates, type SitemapLink } from './lib/sitemap-alternates.ts';
import { resolveSiteUrl } from './lib/site-url.ts';
import { controlSearchRecords, type SearchRecord } from './lib/search-records.ts';
import { routes } from './routes.ts';
import { FAVICON_PATH, LOGO_PATH, resolveBrand } from './lib/brand/resolve.ts';
import { checkAccent } from './lib/brand/brand.ts';
import { tailwindSources } from './tailwind-sources.ts';
import { BRAND_CSS_ID, parseOptions, virtualModules, type TrustCenterOptions } from './virtual-modules.ts';

export type { TrustCenterOptions } from './virtual-modules.ts';

/**
 * The sitemap, without print routes. With translations, each URL lists its twins in every language
 * (xhtml:link hreflang), as the pages' <head> does: found by lib/sitemap-alternates.ts from the URLs
 * the filter lets through, since the integration's own `i18n` search grows with the square of the pages.
 */
function siteMap(locale: string, translations: readonly string[]): AstroIntegration {
  if (translations.length === 0) return sitemap({ filter: (page) => !isPrintPage(page) });
  let base = '';
  // The filter sees every URL the sitemap will hold, before the first serialize call.
  let urls: string[] = [];
  let alternates: Map<string, SitemapLink[]> | undefined;
  const integration = sitemap({
    filter: (page) => {
      if (isPrintPage(page) || isTranslatedStatusPage(page, base, translations)) return false;
      urls.push(page);
      alternates = undefined;
      return true;
    },
    serialize: (item) => {
      alternates ??= sitemapAlternates(urls, base, locale, [locale, ...translations]);
      const links = alternates.get(item.url);
      return links ? { ...item, links } : item;
    },
  });
  const configDone = integration.hooks['astro:config:done'];
  integration.hooks['astro:config:done'] = (params) => {
    // The integration reads URLs under the site's address with Astro's base path; so does sitemapAlternates.
    base = params.config.site ? new URL(params.config.base, params.config.site).href : '';
    urls = [];
    return configDone?.(params);
  };
  return integration;
}

/**
 * The trust center as an Astro integration: the site's `astro.config.mjs` adds `trustCenter()` and
 * keeps only its content and configuration; every route, rule, build step, component and style
 * comes from here.
 *
 * It returns several integrations in a fixed order, because their hooks depend on it: the core runs
 * first, because it settles the content folder every later step reads; the content rules next, so
 * that a content mistake stops the build before anything is written; the PDF
 * step checks for Chromium (same reason) and, once the site is written, prints the PDFs and fills in
 * their sizes, so it stays ahead of the search index, which indexes the finished pages; the social
 * images read the finished pages' og:image and render those images and the icons; the output
 * checks look over the finished output last.
 */
export default function trustCenter(userOptions: TrustCenterOptions = {}): AstroIntegration[] {
  const options = parseOptions(userOptions);
  // The UI words' locale, for every module of the build (i18n/index.ts resolveLocale), as CONTENT_DIR
  // is the content folder: the pages have no Astro.currentLocale without Astro's i18n, and the feeds,
  // exports and PDFs are plain modules. Not Astro's i18n itself: its routing needs a middleware file
  // in the site ('manual') or answers 404 for any URL with a segment equal to the locale.
  process.env[SITE_LOCALE_ENV] = options.locale ?? defaultLocale;
  // The translation languages, the same way: the pages, the loaders, the rules and the PDF step read them.
  process.env[TRANSLATIONS_ENV] = (options.translations ?? []).join(',');

  const core: AstroIntegration = {
    name: 'astro-trust-center',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectRoute, injectScript, addMiddleware, logger }) => {
        const root = fileURLToPath(config.root);
        // One content folder for every part of the build: CONTENT_DIR (tests, the benchmark) wins over
        // the option, so the loaders, the rules and the pages all read the same files.
        process.env.CONTENT_DIR ??= path.resolve(root, options.contentDir ?? 'content');
        const contentDir = resolveContentDir(root);
        const site = resolveSiteUrl(contentDir);
        // Caches keyed by the content folder: a build never reuses what another folder's build loaded.
        const caches = contentCacheDirs(root, contentDir);
        for (const { from, to } of forgetRenamedEntries(contentDir, caches.astro)) {
          logger.info(`${to} was ${from}: the same entry; Astro's stored content is reloaded from the files`);
        }

        for (const route of routes) {
          injectRoute({ pattern: route.pattern, entrypoint: new URL(`./routes/${route.file}`, import.meta.url), prerender: true });
        }
        // Each translation is a whole edition under /<language>/: the same route files, which read the
        // page's language from its path (i18n/editions.ts pageLanguage); shared outputs have no twin.
        for (const language of options.translations ?? []) {
          for (const route of routes.filter((candidate) => !candidate.shared)) {
            const pattern = `/${language}${route.pattern === '/' ? '' : route.pattern}`;
            injectRoute({ pattern, entrypoint: new URL(`./routes/${route.file}`, import.meta.url), prerender: true });
          }
        }
        if ((options.translations ?? []).length > 0) addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'post' });

        // The brand: checked here, so a missing logo or an accent without enough contrast stops the
        // build (and the dev server) before anything renders. The accent stylesheet is imported into
        // every page, so Vite bundles it into the pages' CSS files (no inline style: style-src 'self').
        const brand = resolveBrand(options.brand, root, fileURLToPath(config.publicDir));
        // The favicon and logo as the site will serve them (the engine's, or the site's public/ files), for the images drawn while the pages render.
        const publicSvg = (sitePath: string) => readFileSync(path.join(fileURLToPath(config.publicDir), sitePath), 'utf8');
        try {
          brandMarks = { favicon: brand.favicon ?? publicSvg(FAVICON_PATH), ...(brand.hasLogo ? { logo: brand.logo ?? publicSvg(LOGO_PATH) } : {}) };
        } catch {
          brandMarks = undefined;
        }
        if (brand.logo !== undefined) injectRoute({ pattern: LOGO_PATH, entrypoint: new URL('./routes/brand/logo.svg.ts', import.meta.url), prerender: true });
        if (brand.favicon !== undefined) injectRoute({ pattern: FAVICON_PATH, entrypoint: new URL('./routes/brand/favicon.svg.ts', import.meta.url), prerender: true });
        if (brand.css) injectScript('page-ssr', `import '${BRAND_CSS_ID}';`);

        updateConfig({
          ...(site && !config.site ? { site } : {}),
          cacheDir: pathToFileURL(caches.astro),
          output: 'static',
          trailingSlash: 'always',
          // Stylesheets stay files, never inline <style>, so the host header policy (style-src 'self') holds.
          build: { inlineStylesheets: 'never' },
          // No code blocks in the content; Shiki's inline styles would also break the style policy.
          markdown: { syntaxHighlight: false },
          // A strict Content-Security-Policy on every page: Astro hashes each script and style it emits.
          // The host headers (lib/headers.ts) send the same policy plus frame-ancestors.
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: [...cspDirectives],
              scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
              styleDirective: { resources: ["'self'"] },
            },
          },
          vite: {
            cacheDir: caches.vite,
            plugins: [tailwindSources(root, Object.values(options.components ?? {})), tailwindcss(), virtualModules(options, root, brand)],
            build: {
              // Scripts stay files, never inline (Astro inlines those under 4 KB, such as the /changes/
              // page's): the host headers' script-src 'self' carries no per-page hashes. Other assets as Vite decides.
              assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
              rollupOptions: {
                // Astro's MDX output carries a directive the bundler warns about on every file; it is
                // harmless and tracked upstream (withastro/astro#18087). Other warnings still print.
                onwarn(warning: Rollup.RollupLog, warn: Rollup.LoggingFunction) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
                  warn(warning);
                },
              },
            },
          },
        });
      },
      // The host header file of Netlify and Cloudflare Pages, from the one policy (lib/headers.ts), so a
      // site never commits a copy that drifts from its engine version. Vercel reads vercel.json from
      // the repository instead (`trust-center headers` writes it).
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), netlifyHeaders());
      },
    },
  };
  // The checked content's controls, searched as records of their own (lib/search-records.ts).
  let searchRecords: readonly SearchRecord[] = [];
  // The checked content, for the social images' status line (lib/social/images.ts).
  let checkedContent: LoadedContent | undefined;
  // The favicon's and logo's SVG as served, once the brand is resolved (astro:config:setup).
  let brandMarks: { favicon: string; logo?: string } | undefined;
  const keepSearchRecords = (content: LoadedContent, today: Date, translated: ReadonlyMap<string, TranslationCheck['translated']>) => {
    searchRecords = [
      ...controlSearchRecords(content.controls, today, resolveLocale()),
      // Each translation's controls, in its words, landing on its overview (/nb/#control-…).
      // The values the content check found (lib/content/validate.ts), not a second reading of the files.
      ...[...translated].flatMap(([language, values]) => {
        const controls = content.controls.map((entry) => {
          const translation = values.get(`controls/${entry.id}`);
          return translation ? { ...entry, data: mergeTranslation(entry.data, translation.values) } : entry;
        });
        return controlSearchRecords(controls, today, language).map((record) => ({ ...record, url: `/${language}${record.url}` }));
      }),
    ];
    checkedContent = content;
  };
  // The brand as the social images draw it; the accent was already checked when the build started.
  const socialBrand = () => ({
    hasLogo: options.brand?.logo !== undefined,
    logoIncludesName: options.brand?.logoIncludesName ?? true,
    accent: options.brand?.accent ? checkAccent(options.brand.accent).resolved : undefined,
  });
  return [
    core,
    contentRules(keepSearchRecords),
    pdfDocuments(),
    mdx(),
    siteMap(options.locale ?? defaultLocale, options.translations ?? []),
    pagefindIndex(() => searchRecords),
    socialImages({ content: () => checkedContent, brand: socialBrand, marks: () => brandMarks }),
    pdfDocumentsFinished(),
    outputChecks(),
  ];
}
