import type { AstroIntegration } from 'astro';
import { pathToFileURL } from 'node:url';
import { contentDirSettingProblem, resolveContentDir } from '../lib/content/paths.ts';
import { formatFinding } from '../lib/rules/finding.ts';
import { validateContent, type Validation } from '../lib/content/validate.ts';
import { buildDate, isoDate } from '../lib/dates.ts';

/**
 * Checks the content folder against its schemas and the cross-collection rules before Astro
 * starts, so a content mistake stops the build with one line per problem and leaves any
 * previously built `dist/` untouched.
 */
export function contentRules(): AstroIntegration {
  let recordPublished: (() => string | undefined) | undefined;
  return {
    name: 'content-rules',
    hooks: {
      'astro:config:setup': ({ logger, config, command, addWatchFile }) => {
        const root = new URL('.', config.root).pathname;
        const contentDir = resolveContentDir(root);
        const today = buildDate();
        // The folder being built (CONTENT_DIR or content/), so the dev server restarts when it changes.
        addWatchFile(pathToFileURL(`${contentDir}/`));
        const setting = contentDirSettingProblem();
        const checked: Validation = setting ? { errors: [formatFinding(setting)], warnings: [] } : validateContent(contentDir, today, root);
        const { errors, warnings } = checked;
        for (const line of warnings) logger.warn(line);
        if (errors.length > 0) {
          if (command === 'build') {
            // Print only the findings, one per line, and stop before Astro writes anything.
            for (const line of errors) console.error(line);
            logger.error(`${errors.length} content error(s): the build stopped before writing anything.`);
            process.exit(1);
          }
          throw new ContentError(errors);
        }
        logger.info(`content checked as of ${isoDate(today)}: no errors, ${warnings.length} warning(s)`);
        recordPublished = command === 'build' ? checked.recordPublished : undefined;
      },
      // Change events count as published once a build of them has succeeded: lock them then.
      'astro:build:done': ({ logger }) => {
        const line = recordPublished?.();
        if (line) logger.warn(line);
      },
    },
  };
}

/** An error whose message is exactly the one-line findings, so the build prints nothing else of note. */
export class ContentError extends Error {
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ContentError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
