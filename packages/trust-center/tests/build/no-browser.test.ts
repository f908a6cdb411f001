import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE } from '../../src/lib/browser.ts';
import { writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

describe('a build without a browser for the PDFs', () => {
  const project = copyProject();
  afterAll(() => removeProject(project));

  it('fails with the resolver’s one line and leaves the previous dist/ as it was', async () => {
    mkdirSync(path.join(project, 'dist'));
    writeFileSync(path.join(project, 'dist/index.html'), 'previous build');

    writeFixture({}, path.join(project, 'site'));
    const result = await buildProject(project, { CONTENT_DIR: 'site', CHROMIUM_PATH: '/nowhere/chromium', BUILD_DATE: '2026-11-27' });

    expect(result.failed).toBe(true);
    expect(result.output.split('\n')).toContain(`CHROMIUM_PATH is set to "/nowhere/chromium", but no file is there. ${NO_BROWSER_MESSAGE}`);
    expect(readdirSync(path.join(project, 'dist'))).toEqual(['index.html']);
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toBe('previous build');
  }, 120_000);
});
