// trust-center check   (the site's `npm run check:content`)
//
// Every schema and content rule over the content folder, as of BUILD_DATE or today, in the time it
// takes to read the files: no Chromium, no Vite, no build. The same check the build runs first, with
// the same one-line messages; exits 1 when there is an error.
import path from 'node:path';
import { contentDirSettingProblem, displayPath, resolveContentDir } from '../src/lib/content/paths.ts';
import { validateContent } from '../src/lib/content/validate.ts';
import { buildDate, isoDate } from '../src/lib/dates.ts';
import { formatFinding } from '../src/lib/rules/finding.ts';

const started = performance.now();
const root = process.cwd();
const setting = contentDirSettingProblem();
if (setting) {
  console.error(formatFinding(setting));
  process.exit(1);
}
const contentDir = resolveContentDir(root);
const today = buildDate();
const { errors, warnings } = validateContent(contentDir, today, root);
for (const line of warnings) console.warn(`warning: ${line}`);
for (const line of errors) console.error(line);
const took = `${Math.round(performance.now() - started)} ms`;
const folder = displayPath(contentDir, root) || path.basename(contentDir);
if (errors.length > 0) {
  console.error(`check: ${folder}/ has ${errors.length} error(s) and ${warnings.length} warning(s) as of ${isoDate(today)} (${took}).`);
  process.exitCode = 1;
} else {
  console.log(`check: ${folder}/ is valid as of ${isoDate(today)}: 0 errors, ${warnings.length} warning(s) (${took}).`);
}
