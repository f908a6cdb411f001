import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixture } from '../helpers/fixture-content.ts';
import { contentCheck } from '../../scripts/lib/content-check.ts';
import type { BadContentCase } from './bad-content/case.ts';
import { buildProject, checkProject, copyProject, removeProject } from '../helpers/project-copy.ts';

const project = copyProject();
afterAll(() => removeProject(project));

// Each topic keeps its rows in its own module under bad-content/; every module's `cases` runs here.
const modules = import.meta.glob<{ cases: BadContentCase[] }>('./bad-content/*.ts', { eager: true });
const topics = Object.entries(modules).sort(([a], [b]) => a.localeCompare(b));
const cases = topics.flatMap(([, module]) => module.cases ?? []);
// The build's first step is the same content check as `trust-center check` (validateContent, the
// same lines), so every row runs through the check: in this process (scripts/lib/content-check.ts,
// what the command prints, without a Node start per row). The first row of each topic also runs
// through the command and the whole build, proving that both stop with that line and that the build
// leaves the previous dist/ as it was (an Astro start per row would cost the suite minutes).
const throughBuild = new Set(topics.map(([, module]) => module.cases?.[0]).filter(Boolean));

describe('a build with broken content fails with one line and leaves the previous dist/ as it was', () => {
  // The check, not a build: every row below is judged by the check's line (and a build row by the
  // same line). That this fixture also builds whole is atomic-output.test.ts's first build.
  it('passes the valid fixture, so every failure below is caused by its one change', async () => {
    rmSync(path.join(project, 'broken'), { recursive: true, force: true });
    writeFixture({}, path.join(project, 'broken'));
    const result = await checkProject(project, { CONTENT_DIR: 'broken', BUILD_DATE: '2026-11-27' });
    expect(result.output).toContain('check: broken/ is valid as of 2026-11-27: 0 errors, 0 warning(s)');
    expect(result.failed).toBe(false);
  }, 120_000);

  for (const row of cases) {
    const { name, changes, line, next, setup, env } = row;
    const build = throughBuild.has(row);
    it(`${name}${build ? ' (check and build)' : ' (check)'}`, async () => {
      rmSync(path.join(project, 'broken'), { recursive: true, force: true });
      writeFixture(changes, path.join(project, 'broken'));
      setup?.(path.join(project, 'broken'));
      mkdirSync(path.join(project, 'dist'), { recursive: true });
      writeFileSync(path.join(project, 'dist/index.html'), 'previous build');

      const settings = { CONTENT_DIR: 'broken', BUILD_DATE: '2026-11-27', ...env };
      const check = contentCheck(project, { ...process.env, ...settings });
      const runs = [{ failed: check.failed, output: [...check.out, ...check.err].join('\n') }];
      if (build) runs.push(await checkProject(project, settings), await buildProject(project, settings));

      for (const result of runs) {
        expect(result.failed).toBe(true);
        const lines = result.output.split('\n');
        expect(lines).toContain(line);
        if (next) expect(lines[lines.indexOf(line) + 1]).toBe(next);
      }
      expect(readdirSync(path.join(project, 'dist'))).toEqual(['index.html']);
      expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toBe('previous build');
      expect(existsSync(path.join(project, '.astro'))).toBe(false);
    }, 120_000);
  }
});
