// trust-center build [--outDir <folder>] [other astro build flags]   (the site's `npm run build`)
//
// Builds the site into a temporary folder beside dist/ (.dist-tmp-<pid>) with `astro build
// --outDir`, and puts it in place of dist/ only when Astro exits successfully: the content check,
// rendering, the PDFs, the search index and the output checks all run inside that build, and any
// of them failing (an exception, process.exit, a crash) makes it exit non-zero. On failure the
// temporary folder is removed and dist/ is left exactly as it was.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { discardInBackground, recoverLeftovers, replaceDist, tempDir } from './lib/atomic-output.ts';

// The site being built is the folder the command runs in (npm runs scripts from the package root).
const root = process.cwd();
const astroBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
// `--outDir <folder>` names the output folder (dist/ by default); the swap happens there.
const args = process.argv.slice(2);
const outAt = args.indexOf('--outDir');
const dist = path.resolve(root, outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : 'dist');
if (outAt >= 0) args.splice(outAt, 2);
const temp = tempDir(dist);

for (const line of recoverLeftovers(dist)) console.log(`build: ${line}`);
rmSync(temp, { recursive: true, force: true });

// Astro runs as a child process so that whatever ends it (process.exit in an integration, an
// unsettled promise, running out of memory) ends only it, and this script can still clean up.
// V8 lets the heap grow to up to four times what survived the last full collection before it
// collects again, and lets the young generation grow to 2 × 32 MiB; a build keeps a few hundred MiB
// alive while it renders, so its peak was mostly garbage. A fixed factor of 1.5 and 8 MiB
// semi-spaces collect sooner: at 5,000 extra pages the largest process went from 1,287–1,300 MiB to
// 889–898 MiB, with CPU time within the run-to-run spread (docs/performance.md). They set when to
// collect, not a limit, so a larger site still gets the heap it needs.
const HEAP_FLAGS = ['--heap-growing-percent=50', '--max-semi-space-size=8'];
const child = spawn(process.execPath, [...HEAP_FLAGS, astroBin, 'build', '--outDir', temp, ...args], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the child from the terminal too; a signal sent to this process alone is passed on.
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
  child.on('exit', (code, signal) => resolve({ code, signal })),
);

if (code === 0 && existsSync(path.join(temp, 'index.html'))) {
  const old = replaceDist(temp, dist);
  console.log(`build: the new site is in ${path.relative(process.cwd(), dist) || dist}/`);
  if (old) await discardInBackground(old, dist);
} else {
  rmSync(temp, { recursive: true, force: true });
  const how = signal ? `stopped by ${signal}` : code === 0 ? 'wrote no index.html' : `exited with ${code}`;
  console.error(`build: failed (astro build ${how}); dist/ was left as it was.`);
  process.exitCode = code && code !== 0 ? code : 1;
}
