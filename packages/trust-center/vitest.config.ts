import { defineConfig } from 'vitest/config';

// The engine's modules are plain TypeScript with explicit `.ts` imports, so Vitest loads them as
// Node would; the build tests build real sites in temporary folders (tests/helpers/project-copy.ts).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      // Pure functions: one worker's module cache serves every file. A fresh worker per file cost
      // four times what the tests themselves take (20 s against 5 s for the whole folder).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // Real builds, dev servers and the content check in child processes. Isolated: a test here that
      // calls trustCenter() sets process.env (CONTENT_DIR, the locale), which the next file's child
      // builds would inherit.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
    ],
  },
});
