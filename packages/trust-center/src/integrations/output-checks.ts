import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { failIfAskedAt } from '../lib/fault-injection.ts';
import { checkOutput, publishedPages } from '../lib/output-checks.ts';

/**
 * The last step of a build: checks the finished output (src/lib/output-checks.ts) and fails the
 * build on any problem, so `npm run build` (scripts/build.ts) never puts an incomplete site in
 * place of the previous `dist/`. Must be the last integration with an `astro:build:done` hook.
 */
export function outputChecks(): AstroIntegration {
  return {
    name: 'output-checks',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        failIfAskedAt('checks');
        const pathnames = pages.map((page) => page.pathname);
        const problems = checkOutput(fileURLToPath(dir), pathnames);
        if (problems.length > 0) throw new Error(`the output checks failed:\n${problems.join('\n')}`);
        logger.info(`output checked: ${publishedPages(pathnames).length} pages present, no print routes left, every page a whole document, every required file present`);
      },
    },
  };
}
