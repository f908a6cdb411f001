import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { pathToFileURL } from 'node:url';
import { contentErrorPage } from '../lib/content/error-page.ts';
import { folderStamp, isInside, isSiteRequest, LiveCheck } from '../lib/content/live-check.ts';
import { contentDirSettingProblem, resolveContentDir } from '../lib/content/paths.ts';
import { printFinding, shownWarnings } from '../lib/rules/finding.ts';
import { validateContent, type Validation } from '../lib/content/validate.ts';
import type { LoadedContent } from '../lib/content/read.ts';
import { buildDate, isoDate } from '../lib/dates.ts';

/**
 * Checks the content folder against its schemas and the cross-collection rules.
 *
 * In a build, before Astro starts, so a content mistake stops the build with one line per problem
 * and leaves any previously built `dist/` untouched.
 *
 * In the dev server, again whenever a file in the content folder changes: the findings are printed
 * in the terminal, shown in the browser (Vite's error overlay on open pages), and every page, feed
 * and export is answered with an error page (status 500) until the files are valid again, so the
 * browser never shows what the rules would refuse to build.
 */
export function contentRules(onChecked?: (content: LoadedContent, today: Date, translated: NonNullable<Validation['translated']>) => void): AstroIntegration {
  let recordPublished: (() => string | undefined) | undefined;
  let check: () => Validation = () => ({ errors: [], warnings: [] });
  let contentDir = '';
  let today = new Date();
  return {
    name: 'content-rules',
    hooks: {
      'astro:config:setup': ({ logger, config, command, addWatchFile, updateConfig }) => {
        const root = new URL('.', config.root).pathname;
        // Astro writes .astro/collections/collections.json (which file belongs to which collection)
        // beside the JSON schemas, so the Astro editor extension completes and checks .md and .mdx front
        // matter too, not only the YAML files (.vscode/settings.json maps those to the schemas).
        updateConfig({ experimental: { contentIntellisense: true } });
        contentDir = resolveContentDir(root);
        today = buildDate();
        // The folder being built (CONTENT_DIR or content/), so the dev server restarts when it changes.
        addWatchFile(pathToFileURL(`${contentDir}/`));
        const setting = contentDirSettingProblem();
        check = () => (setting ? { errors: [printFinding(setting)], warnings: [] } : validateContent(contentDir, today, root));
        // The dev server checks at its own start (astro:server:setup) and after every change.
        if (command === 'dev') return;
        const checked = check();
        const { errors, warnings } = checked;
        for (const line of shownWarnings(warnings)) logger.warn(line);
        if (errors.length > 0) {
          if (command === 'build') {
            // Print only the findings, one per line (hints indented under them), and stop before Astro writes anything.
            for (const line of errors) console.error(line);
            logger.error(`${errors.length} content error(s): the build stopped before writing anything.`);
            process.exit(1);
          }
          throw new ContentError(errors);
        }
        logger.info(`content checked as of ${isoDate(today)}: no errors, ${warnings.length} warning(s)`);
        recordPublished = command === 'build' ? checked.recordPublished : undefined;
        if (checked.content) onChecked?.(checked.content, today, checked.translated ?? new Map());
      },
      'astro:server:setup': ({ server, logger }) => {
        const live = new LiveCheck(check, (now, before) => report(server, logger, now, before, isoDate(today)), () => folderStamp(contentDir));
        live.current();
        // Vite watches the project; a content folder outside it (CONTENT_DIR) is added.
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
          server.watcher.on(event, (file: string) => {
            if (isInside(contentDir, file)) live.changed();
          });
        }
        server.httpServer?.once('close', () => live.stop());
        // Registered here, before Astro's own request handler, so it answers first.
        server.middlewares.use((request, response, next) => {
          if (!isSiteRequest(request.url ?? '/')) return next();
          const { errors, warnings } = live.current();
          if (errors.length === 0) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(contentErrorPage(errors, warnings, isoDate(today)));
        });
      },
      // Change events count as published once a build of them has succeeded: lock them then.
      'astro:build:done': ({ logger }) => {
        const line = recordPublished?.();
        if (line) logger.warn(line);
      },
    },
  };
}

/**
 * Tells the editor what a new check found, once per change of result: the findings in the
 * terminal and as Vite's error overlay in open pages; when the content becomes valid again, a line
 * saying so and a reload of open pages.
 */
function report(server: ViteDevServer, logger: AstroIntegrationLogger, now: Validation, before: Validation | undefined, asOf: string): void {
  const same = before && before.errors.join('\n') === now.errors.join('\n') && before.warnings.join('\n') === now.warnings.join('\n');
  if (same) return;
  for (const line of shownWarnings(now.warnings)) logger.warn(line);
  if (now.errors.length > 0) {
    logger.error(`${now.errors.length} content error(s) as of ${asOf}; pages answer with the errors (status 500) until they are fixed:`);
    for (const line of now.errors) console.error(line);
    server.ws.send({
      type: 'error',
      err: { message: `${now.errors.length} content error(s):\n${now.errors.join('\n')}`, stack: '', plugin: 'astro-trust-center:content-rules' },
    });
    return;
  }
  logger.info(`content checked as of ${asOf}: no errors, ${now.warnings.length} warning(s)`);
  // Pages showing the error page or the overlay reload once the files are valid.
  if (before && before.errors.length > 0) server.ws.send({ type: 'full-reload', path: '*' });
}

/** An error whose message is exactly the one-line findings, so the build prints nothing else of note. */
export class ContentError extends Error {
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ContentError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
