import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE } from '../../src/lib/browser';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** A copy of the project (its own files, the real content, shared node_modules) to break safely. */
function copyProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trust-build-'));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('a build with broken content', () => {
  const project = copyProject();
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('fails with the one-line message and leaves the previous dist/ as it was', async () => {
    writeFileSync(
      path.join(project, 'content/certifications/stale.yaml'),
      'framework: Example Standard\nkind: certification\nstatus: in-progress\norder: 99\nstatement: Started.\ntarget: 2020-06-30\n',
    );
    mkdirSync(path.join(project, 'dist'));
    writeFileSync(path.join(project, 'dist/index.html'), 'previous build');

    const result = await run(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project,
      env: { ...process.env, BUILD_DATE: '2026-11-27', NO_COLOR: '1', FORCE_COLOR: '0' },
    }).then(
      () => ({ failed: false, output: '' }),
      (error: { stdout: string; stderr: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
    );

    expect(result.failed).toBe(true);
    expect(result.output.split('\n')).toContain(
      'content/certifications/stale.yaml: target: 2020-06-30 has passed while status is "in progress" (stale-certification)',
    );
    expect(readdirSync(path.join(project, 'dist'))).toEqual(['index.html']);
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(path.join(project, '.astro'))).toBe(false);
  }, 120_000);
});

describe('a build without a browser for the PDFs', () => {
  const project = copyProject();
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('fails with the resolver’s one line and leaves the previous dist/ as it was', async () => {
    mkdirSync(path.join(project, 'dist'));
    writeFileSync(path.join(project, 'dist/index.html'), 'previous build');

    const result = await run(process.execPath, [path.join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: project,
      env: { ...process.env, CHROMIUM_PATH: '/nowhere/chromium', BUILD_DATE: '2026-11-27', NO_COLOR: '1', FORCE_COLOR: '0' },
    }).then(
      () => ({ failed: false, output: '' }),
      (error: { stdout: string; stderr: string }) => ({ failed: true, output: `${error.stdout}\n${error.stderr}` }),
    );

    expect(result.failed).toBe(true);
    expect(result.output.split('\n')).toContain(`CHROMIUM_PATH is set to "/nowhere/chromium", but no file is there. ${NO_BROWSER_MESSAGE}`);
    expect(readdirSync(path.join(project, 'dist'))).toEqual(['index.html']);
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toBe('previous build');
  }, 120_000);
});
