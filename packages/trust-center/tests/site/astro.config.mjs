// @ts-check
// The engine's test site: the smallest use of the integration, building whichever fixture company
// CONTENT_DIR names (the tests and `npm run build:fixture` set it).
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

export default defineConfig({
  integrations: [trustCenter()],
});
