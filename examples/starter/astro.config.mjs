// @ts-check
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

// The whole site: the engine injects every page, feed, export and PDF, built from the files in content/.
export default defineConfig({
  integrations: [trustCenter({ contentDir: 'content' })],
});
