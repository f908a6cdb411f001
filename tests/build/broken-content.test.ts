import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject, copyProject } from '../helpers/project-copy';

describe('a build with broken content', () => {
  const project = copyProject();
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  async function expectFailure(expectedLine: string) {
    mkdirSync(path.join(project, 'dist'), { recursive: true });
    writeFileSync(path.join(project, 'dist/index.html'), 'previous build');
    const result = await buildProject(project, { BUILD_DATE: '2026-11-27' });
    expect(result.failed).toBe(true);
    expect(result.output.split('\n')).toContain(expectedLine);
    // Nothing half-written: the previous build is untouched and no cache was created.
    expect(readdirSync(path.join(project, 'dist'))).toEqual(['index.html']);
    expect(readFileSync(path.join(project, 'dist/index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(path.join(project, '.astro'))).toBe(false);
  }

  it('fails on a stale certification with the one-line message and leaves dist/ as it was', async () => {
    const file = path.join(project, 'content/certifications/stale.yaml');
    writeFileSync(file, 'framework: Example Standard\nkind: certification\nstatus: in-progress\norder: 99\nstatement: Started.\ntarget: 2020-06-30\n');
    await expectFailure('content/certifications/stale.yaml: target: 2020-06-30 has passed while status is "in progress" (stale-certification)');
    rmSync(file);
  }, 120_000);

  it('fails on an addition announced 10 days before it takes effect', async () => {
    writeFileSync(
      path.join(project, 'content/subprocessors/example-mail.yaml'),
      'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n',
    );
    writeFileSync(
      path.join(project, 'content/subprocessor-changes/2026-12-01-example-mail.mdx'),
      '---\ntype: added\nsubprocessor: example-mail\nannounced: 2026-12-01\neffective: 2026-12-11\n---\n\nEmail delivery moves to Example Mail.\n',
    );
    await expectFailure(
      "content/subprocessor-changes/2026-12-01-example-mail.mdx: effective: 2026-12-11 is 10 days after the announcement on 2026-12-01; an addition needs 30 days' notice (notice-period)",
    );
  }, 120_000);
});
