// trust-center check   (the site's `npm run check:content`)
//
// Every schema and content rule over the content folder, as of BUILD_DATE or today, in the time it
// takes to read the files: no Chromium, no Vite, no build. The same check the build runs first, with
// the same one-line messages; exits 1 when there is an error.
import { contentCheck } from './lib/content-check.ts';

const { failed, out, err } = contentCheck(process.cwd());
for (const line of err) console.error(line);
for (const line of out) console.log(line);
if (failed) process.exitCode = 1;
