import { defineConfig } from 'vitest/config';

// The engine's modules are plain TypeScript with explicit `.ts` imports, so Vitest loads them as
// Node would; the build tests build real sites in temporary folders (tests/helpers/project-copy.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
