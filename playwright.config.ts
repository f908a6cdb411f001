import { defineConfig } from '@playwright/test';
import { builtSiteConfig } from 'astro-trust-center/testing/playwright';

const engineTests = 'packages/trust-center/e2e';

// Opisense's site, built into dist/ (`npm run build`), served by `astro preview`.
export default defineConfig({
  ...builtSiteConfig(Number(process.env.PREVIEW_PORT ?? 4321)),
  projects: [
    // This site's own checks: its reviewers' questions, its committed host headers.
    { name: 'site', testDir: 'e2e' },
    // The engine's checks that judge this site's own output, its content being what they can differ
    // on: every page once (axe light and dark, 390 px layout, console, JavaScript), page weight,
    // html-validate, the Nu checker, links and feeds (site.spec), truthful statuses, the PDFs, trust.json
    // against its schema, llms.txt and the Markdown twins (whose components only this site's content uses), the
    // questionnaire workbook and CSV read back (openpyxl, csv-parse), the overview's band and print styles, the
    // social preview metadata, images and icons. The
    // engine's behaviour itself (keyboard, search, feeds, pages) is tested on fixture companies in
    // the package (npm test -w astro-trust-center), so it is not repeated here.
    {
      name: 'engine',
      testDir: engineTests,
      testMatch: ['every-page.spec.ts', 'budget.spec.ts', 'site.spec.ts', 'truthful.spec.ts', 'pdf.spec.ts', 'engine-version.spec.ts', 'machine-readable.spec.ts', 'questionnaire.spec.ts', 'overview.spec.ts', 'social.spec.ts', 'translations.spec.ts'],
    },
  ],
});
