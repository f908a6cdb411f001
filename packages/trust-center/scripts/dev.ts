// trust-center dev [astro dev flags]   (the site's `npm run dev`)
//
// Runs `astro dev` as a child process and makes sure it stops when this command is stopped, however
// that happens: Ctrl-C in the terminal, a SIGTERM or SIGHUP to this process (passed on to Astro),
// or the process that started it going away. The last case is the one `npm run dev` needs: npm
// passes SIGTERM to the shell that runs the script, and a shell that ran the command as its own
// child dies without passing it on, which used to leave Astro serving with no parent. Exits with
// Astro's exit code once Astro has exited.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';

const root = process.cwd();
const astroBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
const child = spawn(process.execPath, [astroBin, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });

/** How long Astro gets to close its server after being asked before it is killed. */
const GRACE_MS = 5000;
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (stopping) return;
  stopping = true;
  setTimeout(() => child.kill('SIGKILL'), GRACE_MS).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));

// The parent going away (its pid is no longer ours' parent) stops Astro as a SIGTERM would.
const parent = process.ppid;
const watchParent = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250);
watchParent.unref();

child.on('exit', (code, signal) => {
  clearInterval(watchParent);
  // Stopped by a signal: exit as a shell expects (128 + its number), except for the stop asked for.
  process.exit(signal ? (stopping ? 0 : 128 + (constants.signals[signal] ?? 0)) : (code ?? 1));
});
