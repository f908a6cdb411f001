// The file moves behind `npm run build` (scripts/build.ts): the build writes into a temporary folder
// beside dist/, which replaces dist/ only when every step has succeeded.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The build writes here, beside its output folder, so the final rename stays on one file system. */
const tempPrefix = (dist: string) => `.${path.basename(dist)}-tmp-`;
/** The previous output folder waits here for the moment between the two renames of a swap. */
const oldPrefix = (dist: string) => `.${path.basename(dist)}-old-`;
/** The prefixes for the default output folder, dist/. */
export const TEMP_PREFIX = tempPrefix('dist');
export const OLD_PREFIX = oldPrefix('dist');

/** The temporary folder a build of `dist` (the output folder's path) writes into. */
export function tempDir(dist: string, pid: number = process.pid): string {
  return path.join(path.dirname(dist), `${tempPrefix(dist)}${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tidies what a build that was killed left behind (its process is gone): a temporary folder is
 * removed; a previous dist/ caught between the two renames of a swap is put back when dist/ is
 * missing, removed otherwise. Folders of builds still running are left alone. Returns what it did.
 */
export function recoverLeftovers(dist: string, running: (pid: number) => boolean = isRunning): string[] {
  const done: string[] = [];
  const root = path.dirname(dist);
  const [temp, old] = [tempPrefix(dist), oldPrefix(dist)];
  if (!existsSync(root)) return done;
  for (const name of readdirSync(root).sort()) {
    const prefix = [temp, old].find((p) => name.startsWith(p));
    const pid = prefix ? Number(name.slice(prefix.length)) : Number.NaN;
    if (!prefix || !Number.isInteger(pid) || running(pid)) continue;
    const full = path.join(root, name);
    if (prefix === old && !existsSync(dist)) {
      renameSync(full, dist);
      done.push(`restored ${path.basename(dist)}/ from ${name}/, left by a build that stopped while replacing it`);
    } else {
      rmSync(full, { recursive: true, force: true });
      done.push(`removed ${name}/, left by a build that stopped`);
    }
  }
  return done;
}

/**
 * Puts the finished build `temp` in place of `dist`: two renames on one file system, so at every
 * moment dist/ is either the previous site or the new one, never a mix (for the instant between
 * them it is absent; recoverLeftovers puts the old one back if the process dies right there).
 */
export function replaceDist(temp: string, dist: string, pid: number = process.pid): void {
  const old = path.join(path.dirname(dist), `${oldPrefix(dist)}${pid}`);
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, old);
  try {
    renameSync(temp, dist);
  } catch (error) {
    if (hadDist) renameSync(old, dist);
    throw error;
  }
  if (hadDist) rmSync(old, { recursive: true, force: true });
}
