// @ts-check
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

// Opisense's trust center: the engine does the rest from the files in content/.
export default defineConfig({
  // brand/logo.svg is a mark without the name, so the header writes "Opisense Trust Center" beside it;
  // the same square mark is the favicon (and the PNG icons drawn from it).
  integrations: [trustCenter({ contentDir: 'content', translations: ['nb'], brand: { logo: 'brand/logo.svg', logoIncludesName: false, favicon: 'brand/logo.svg' } })],
});
