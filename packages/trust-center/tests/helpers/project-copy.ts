import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { backgroundRemovalsDone } from '../../scripts/lib/atomic-output.ts';
import { PAGEFIND_WASM_CACHE } from '../../src/integrations/pagefind.ts';
import { writeFixture } from './fixture-content.ts';

const run = promisify(execFile);
/** The engine package's folder. */
export const packageRoot = path.resolve(import.meta.dirname, '../..');
/**
 * Where the copies go: inside this repository, not the system's temporary folder. With the engine
 * linked from outside both the project and its workspace, Astro 7.3 cannot build an injected route
 * ("No cached compile metadata found for …/src/routes/search/index.astro?astro&type=script", the
 * engine's path joined onto the project's); inside the workspace it builds, as an installed package
 * does. Ignored by git (an untracked file would mark the PDFs "with changes not yet committed").
 */
const buildsDir = path.join(packageRoot, '.builds');
/** The folder that holds the installed packages (the workspace root's node_modules, where the engine is linked). */
const modulesDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')));

/**
 * A copy of the engine's test site (tests/site: an astro config using the integration, the content
 * config, package.json, tsconfig) with the awkward fixture as its content/ and the packages linked,
 * to build or break safely.
 */
export function copyProject(): string {
  mkdirSync(buildsDir, { recursive: true });
  const dir = mkdtempSync(path.join(buildsDir, 'trust-build-'));
  cpSync(path.join(packageRoot, 'tests/site'), dir, { recursive: true, filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source) });
  // The awkward fixture company as the copy's content/, for tests that build or edit "the site's own" content.
  cpSync(path.join(packageRoot, 'tests/fixtures/awkward'), path.join(dir, 'content'), { recursive: true });
  // Link each package, not node_modules itself: Astro and Vite keep caches in node_modules/.astro
  // and node_modules/.vite, which parallel builds of different copies must not share.
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(modulesDir)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(modulesDir, name), path.join(dir, 'node_modules', name));
  }
  // The re-compressed Pagefind wasm depends on nothing but Pagefind's own file: every copy shares it.
  mkdirSync(sharedWasmCache, { recursive: true });
  mkdirSync(path.join(dir, path.dirname(PAGEFIND_WASM_CACHE)), { recursive: true });
  symlinkSync(sharedWasmCache, path.join(dir, PAGEFIND_WASM_CACHE));
  return dir;
}

/** Runs `npm run build` (scripts/build.ts) in a project copy; resolves with whether it failed and everything it printed. */
export async function buildProject(dir: string, env: Record<string, string> = {}): Promise<{ failed: boolean; output: string }> {
  return runScript('build.ts', dir, env);
}

/** Runs `trust-center check` (scripts/check-content.ts) in a project copy: the content check alone, no Astro. */
export async function checkProject(dir: string, env: Record<string, string> = {}): Promise<{ failed: boolean; output: string }> {
  return runScript('check-content.ts', dir, env);
}

/**
 * One PDF cache for every copy's builds (lib/pdf/cache.ts): entries are keyed by everything a PDF
 * shows, so copies of the same content reuse each other's PDFs and different content never does.
 * A test can name its own (pdf-reuse does) or turn it off.
 */
const sharedPdfCache = path.join(buildsDir, '.pdf-cache');
const sharedWasmCache = path.join(buildsDir, '.pagefind-wasm');

async function runScript(script: string, dir: string, env: Record<string, string>): Promise<{ failed: boolean; output: string }> {
  return run(process.execPath, [path.join(packageRoot, 'scripts', script)], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TRUST_CENTER_PDF_CACHE: sharedPdfCache, ...env },
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ failed: false, output: `${stdout}\n${stderr}` }),
    (error: { stdout: string; stderr: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
  );
}

/**
 * Deletes a project copy, once the replaced dist/ of its last build has been removed in the
 * background (scripts/lib/atomic-output.ts): two processes deleting one tree can leave files behind.
 */
export async function removeProject(project: string): Promise<void> {
  await backgroundRemovalsDone(path.join(project, 'dist'));
  rmSync(project, { recursive: true, force: true });
}

export function builtFixture(files: Record<string, string | null>, buildDate: string, timeout = 300_000) {
  const project = copyProject();
  // Inside the copy, so it goes when the copy goes.
  const contentDir = writeFixture(files, path.join(project, 'site'));
  beforeAll(async () => {
    const result = await buildProject(project, { CONTENT_DIR: contentDir, BUILD_DATE: buildDate });
    if (result.failed) throw new Error(result.output);
  }, timeout);
  afterAll(() => removeProject(project));
  return { project, contentDir, dist: (file: string) => readFileSync(path.join(project, 'dist', file), 'utf8') };
}
