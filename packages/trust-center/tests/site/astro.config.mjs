// @ts-check
// The engine's test site: the smallest use of the integration, building whichever fixture company
// CONTENT_DIR names (the tests and `npm run build:fixture` set it). It sets a brand unlike the
// engine's defaults (a purple accent, a logo, a favicon), so the engine's end-to-end suite (axe in
// light and dark on every page) checks a brand; a site without the option checks the default theme.
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

export default defineConfig({
  integrations: [
    trustCenter({
      brand: {
        logo: 'brand/logo.svg',
        accent: { light: '#7e22ce', dark: '#d8b4fe' },
        favicon: 'brand/favicon.svg',
      },
    }),
  ],
});
