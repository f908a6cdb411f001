import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { builtSiteConfig } from './e2e/support/playwright.ts';

// The built site under test: the awkward fixture company (npm run build:fixture), or DIST_DIR for
// another build. CONTENT_DIR names the content it was built from, which the tests read to know what
// each page must show.
const distDir = path.resolve(process.env.DIST_DIR ?? 'dist-awkward');
process.env.DIST_DIR = distDir;
// Absolute, because `astro preview` runs from the test site's folder (tests/site).
process.env.CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'tests/fixtures/awkward');

// The engine's end-to-end checks, against a built site served by `astro preview` (the test site's
// config; the output folder is the one under test).
export default defineConfig({
  ...builtSiteConfig(Number(process.env.PREVIEW_PORT ?? 4322), `--root tests/site --outDir ${distDir}`),
  testDir: 'e2e',
  // Visual baselines (e2e/visual.spec.ts), one file per page, width and colour scheme; Linux
  // Chromium only, with the project's fonts (docs/design.md).
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
});
