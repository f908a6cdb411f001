// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { contentRules } from './src/integrations/content-rules';
import { pagefindIndex } from './src/integrations/pagefind';
import { resolveContentDir } from './src/lib/content/paths';
import { resolveSiteUrl } from './src/lib/site-url';

const root = fileURLToPath(new URL('.', import.meta.url));
const site = resolveSiteUrl(resolveContentDir(root));

export default defineConfig({
  ...(site ? { site } : {}),
  output: 'static',
  trailingSlash: 'always',
  // contentRules runs first so that a content mistake stops the build before anything is written;
  // pagefindIndex indexes the built pages once Astro has written them.
  integrations: [contentRules(), mdx(), sitemap(), pagefindIndex()],
  vite: {
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
