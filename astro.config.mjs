// @ts-check
import { defineConfig } from 'astro/config';
import trustCenter from 'astro-trust-center';

// Opisense's trust center: the engine does the rest from the files in content/.
export default defineConfig({
  integrations: [trustCenter({ contentDir: 'content' })],
});
