// The file moves behind `npm run build` (scripts/build.ts): the build writes into a temporary folder
// beside dist/, which replaces dist/ only when every step has succeeded.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The build writes here, beside its output folder, so the final rename stays on one file system. */
const tempPrefix = (dist: string) => `.${path.basename(dist)}-tmp-`;
/** The previous output folder waits here for the moment between the two renames of a swap. */
const oldPrefix = (dist: string) => `.${path.basename(dist)}-old-`;
/** A replaced dist/ being removed by the background process whose id ends the name (discardInBackground). */
const trashPrefix = (dist: string) => `.${path.basename(dist)}-trash-`;
/** The prefixes for the default output folder, dist/. */
export const TEMP_PREFIX = tempPrefix('dist');
export const OLD_PREFIX = oldPrefix('dist');
export const TRASH_PREFIX = trashPrefix('dist');

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
 * missing, removed otherwise; a replaced dist/ whose background removal stopped is removed.
 * Folders of builds and removals still running are left alone. Returns what it did.
 */
export function recoverLeftovers(dist: string, running: (pid: number) => boolean = isRunning): string[] {
  const done: string[] = [];
  const root = path.dirname(dist);
  const [temp, old, trash] = [tempPrefix(dist), oldPrefix(dist), trashPrefix(dist)];
  if (!existsSync(root)) return done;
  for (const name of readdirSync(root).sort()) {
    const prefix = [temp, old, trash].find((p) => name.startsWith(p));
    const pid = prefix ? Number(name.slice(prefix.length)) : Number.NaN;
    if (!prefix || !Number.isInteger(pid) || running(pid)) continue;
    const full = path.join(root, name);
    if (prefix === old && !existsSync(dist)) {
      renameSync(full, dist);
      done.push(`restored ${path.basename(dist)}/ from ${name}/, left by a build that stopped while replacing it`);
    } else {
      rmSync(full, { recursive: true, force: true });
      done.push(`removed ${name}/, ${prefix === trash ? `a replaced ${path.basename(dist)}/ whose removal stopped` : 'left by a build that stopped'}`);
    }
  }
  return done;
}

/**
 * Puts the finished build `temp` in place of `dist`: two renames on one file system, so at every
 * moment dist/ is either the previous site or the new one, never a mix (for the instant between
 * them it is absent; recoverLeftovers puts the old one back if the process dies right there).
 * Returns the previous dist/, now under another name, for the caller to remove (undefined when
 * there was none).
 */
export function replaceDist(temp: string, dist: string, pid: number = process.pid): string | undefined {
  const old = path.join(path.dirname(dist), `${oldPrefix(dist)}${pid}`);
  const hadDist = existsSync(dist);
  if (hadDist) renameSync(dist, old);
  try {
    renameSync(temp, dist);
  } catch (error) {
    if (hadDist) renameSync(old, dist);
    throw error;
  }
  return hadDist ? old : undefined;
}

/**
 * The background process that removes a replaced dist/: it gets the folder's name in one message,
 * and exits without one when the build closes the channel first.
 */
const REMOVER = `process.once('message', (dir) => { process.disconnect(); require('node:fs').rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); });`;

/**
 * Removes `old` (a previous dist/ that replaceDist set aside) in a detached process, so that the
 * build command returns as soon as the new site is in place: with years of news a site is tens of
 * thousands of files, and deleting the 34,005 of a build with 5,000 extra news items took 10 s
 * here, longer than a no-change rebuild's search and PDF steps together. The folder is first
 * renamed after that process's id, so recoverLeftovers leaves it alone while the removal runs and
 * removes it if the removal was stopped. When the process cannot start, or the rename fails, the
 * folder is removed here, as before. Returns the folder the removal works on. Deleting the project
 * folder while the removal runs can leave files behind (two processes deleting one tree):
 * backgroundRemovalsDone waits for it.
 */
export async function discardInBackground(old: string, dist: string): Promise<string> {
  // Without the build's NODE_OPTIONS (a profiler's --cpu-prof would write its file in the project, a
  // debugger's --inspect-brk would hold the removal forever) and outside the project folder.
  const { NODE_OPTIONS: _, ...env } = process.env;
  const remover = spawn(process.execPath, ['--eval', REMOVER], { cwd: tmpdir(), env, detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], windowsHide: true });
  const started = await new Promise<boolean>((resolve) => {
    remover.once('spawn', () => resolve(true));
    // A remover that cannot start, or loses its message, leaves the folder to the next build's recoverLeftovers.
    remover.on('error', () => resolve(false));
  });
  let trash: string | undefined;
  if (started && remover.pid !== undefined) {
    try {
      trash = path.join(path.dirname(dist), `${trashPrefix(dist)}${remover.pid}`);
      renameSync(old, trash);
    } catch {
      trash = undefined;
    }
  }
  if (trash === undefined) {
    if (started) remover.kill();
    rmSync(old, { recursive: true, force: true });
    return old;
  }
  const handedOver = trash;
  // The message is flushed before the channel closes, so the remover reads it whatever its pace.
  await new Promise<void>((resolve) => remover.send(handedOver, () => resolve()));
  remover.disconnect();
  remover.unref();
  return handedOver;
}

/** Resolves once no replaced `dist` is being removed in the background (or after `timeoutMs`), for whoever deletes the whole project next. */
export async function backgroundRemovalsDone(dist: string, timeoutMs = 60_000): Promise<void> {
  const root = path.dirname(dist);
  const trash = trashPrefix(dist);
  const deadline = Date.now() + timeoutMs;
  while (existsSync(root) && readdirSync(root).some((name) => name.startsWith(trash)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
