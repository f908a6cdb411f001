// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { contentRules } from './src/integrations/content-rules';
import { outputChecks } from './src/integrations/output-checks';
import { pagefindIndex } from './src/integrations/pagefind';
import { pdfDocuments } from './src/integrations/pdf-documents';
import { contentCacheDirs } from './src/lib/content/cache-dirs';
import { resolveContentDir } from './src/lib/content/paths';
import { cspDirectives } from './src/lib/csp';
import { isPrintPage } from './src/lib/pdf/documents';
import { resolveSiteUrl } from './src/lib/site-url';

const root = fileURLToPath(new URL('.', import.meta.url));
const contentDir = resolveContentDir(root);
const site = resolveSiteUrl(contentDir);
// Caches keyed by the content folder: a build never reuses what another folder's build loaded.
const caches = contentCacheDirs(root, contentDir);

export default defineConfig({
  ...(site ? { site } : {}),
  cacheDir: caches.astro,
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets stay files, never inline <style>, so the host header policy (style-src 'self') holds.
  build: { inlineStylesheets: 'never' },
  // No code blocks in the content; Shiki's inline styles would also break the style policy.
  markdown: { syntaxHighlight: false },
  // A strict Content-Security-Policy on every page: Astro hashes each script and style it emits.
  // The host headers (src/lib/headers.ts) send the same policy plus frame-ancestors.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...cspDirectives],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // contentRules runs first so that a content mistake stops the build before anything is written;
  // pdfDocuments then checks for Chromium (same reason) and, once the site is written, prints the
  // PDFs and fills in their sizes, so it must stay ahead of pagefindIndex, which indexes the
  // finished pages. outputChecks looks over the finished output last: scripts/build.ts (npm run
  // build) puts the output in place of dist/ only when every step, these checks included, passed.
  integrations: [contentRules(), pdfDocuments(), mdx(), sitemap({ filter: (page) => !isPrintPage(page) }), pagefindIndex(), outputChecks()],
  vite: {
    cacheDir: caches.vite,
    plugins: [tailwindcss()],
    build: {
      rollupOptions: {
        // Astro's MDX output carries a directive the bundler warns about on every file; it is
        // harmless and tracked upstream (withastro/astro#18087). Other warnings still print.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
