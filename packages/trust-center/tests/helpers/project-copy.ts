import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { writeFixture } from './fixture-content.ts';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** A copy of the project (its own files, the real content, shared node_modules) to build or break safely. */
export function copyProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trust-build-'));
  for (const entry of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  }
  // Link each package, not node_modules itself: Astro and Vite keep caches in node_modules/.astro
  // and node_modules/.vite, which parallel builds of different copies must not share.
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(projectRoot, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  return dir;
}

/** Runs `npm run build` (scripts/build.ts) in a project copy; resolves with whether it failed and everything it printed. */
export async function buildProject(dir: string, env: Record<string, string> = {}): Promise<{ failed: boolean; output: string }> {
  return run(process.execPath, [path.join(dir, 'scripts/build.ts')], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ failed: false, output: `${stdout}\n${stderr}` }),
    (error: { stdout: string; stderr: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
  );
}

/**
 * A project copy that builds `files` (the valid fixture with these changes) as of `buildDate` once,
 * before the file's tests, and is removed after them. `dist(file)` reads a built file.
 */
export function builtFixture(files: Record<string, string | null>, buildDate: string, timeout = 300_000) {
  const project = copyProject();
  const contentDir = writeFixture(files);
  beforeAll(async () => {
    const result = await buildProject(project, { CONTENT_DIR: contentDir, BUILD_DATE: buildDate });
    if (result.failed) throw new Error(result.output);
  }, timeout);
  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  });
  return { project, contentDir, dist: (file: string) => readFileSync(path.join(project, 'dist', file), 'utf8') };
}
