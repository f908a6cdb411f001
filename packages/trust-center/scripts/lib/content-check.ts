import path from 'node:path';
import { contentDirSettingProblem, displayPath, resolveContentDir } from '../../src/lib/content/paths.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { buildDate, isoDate } from '../../src/lib/dates.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { isLocale, resolveLocale } from '../../src/i18n/index.ts';
import { TRANSLATIONS_ENV } from '../../src/i18n/editions.ts';
import { translationFolders } from '../../src/lib/translations/read.ts';

/** What `trust-center check` prints: `out` to stdout, `err` to stderr, each line in order. */
export interface ContentCheckReport {
  failed: boolean;
  out: string[];
  err: string[];
}

/**
 * Every schema and content rule over the content folder `env` names (CONTENT_DIR, relative to
 * `root`), as of its BUILD_DATE or today: the check `trust-center check` runs, as lines, so the
 * content tests can run it many times in one process with the same words the command prints.
 */
export function contentCheck(root: string, env: NodeJS.ProcessEnv = process.env): ContentCheckReport {
  const started = performance.now();
  const setting = contentDirSettingProblem(env);
  if (setting) return { failed: true, out: [], err: [formatFinding(setting)] };
  const contentDir = resolveContentDir(root, env);
  // Without astro.config's `translations` (a build sets it), the translations are the content folder's language folders.
  process.env[TRANSLATIONS_ENV] ??= translationFolders(contentDir, isLocale, resolveLocale()).join(',');
  const today = buildDate(env);
  const { errors, warnings } = validateContent(contentDir, today, root);
  const err = [...warnings.map((line) => `warning: ${line}`), ...errors];
  const took = `${Math.round(performance.now() - started)} ms`;
  const folder = displayPath(contentDir, root) || path.basename(contentDir);
  if (errors.length > 0) {
    err.push(`check: ${folder}/ has ${errors.length} error(s) and ${warnings.length} warning(s) as of ${isoDate(today)} (${took}).`);
    return { failed: true, out: [], err };
  }
  return { failed: false, out: [`check: ${folder}/ is valid as of ${isoDate(today)}: 0 errors, ${warnings.length} warning(s) (${took}).`], err };
}
