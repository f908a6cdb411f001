/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Through Astro's Vite config so tests resolve modules exactly as the build does.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
