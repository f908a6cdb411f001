import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';
import { packageRoot } from '../helpers/project-copy.ts';

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * `trust-center check` (the site's `npm run check:content`) over the valid fixture with `changes`,
 * run from the folder that holds it, as a site runs it from its root. No browser is given
 * (CHROMIUM_PATH points nowhere), so a check that needed one would fail.
 */
async function check(changes: Record<string, string | null>): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const dir = writeFixture(changes);
  folders.push(dir);
  const options = {
    cwd: path.dirname(dir),
    env: { ...process.env, CONTENT_DIR: path.basename(dir), BUILD_DATE: '2026-11-27', CHROMIUM_PATH: '/nowhere/chromium', NO_COLOR: '1' },
  };
  return run(process.execPath, [path.join(packageRoot, 'scripts/cli.ts'), 'check'], options).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr, dir }),
    (failure: { code: number; stdout: string; stderr: string }) => ({ code: failure.code, stdout: failure.stdout, stderr: failure.stderr, dir }),
  );
}

describe('trust-center check: every schema and rule, no build', () => {
  it('passes the valid fixture with a summary line, writing nothing', async () => {
    const { code, stdout, stderr, dir } = await check({});
    const folder = path.basename(dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^check: ${folder}/ is valid as of 2026-11-27: 0 errors, 0 warning\\(s\\) \\(\\d+ ms\\)\\.\\n$`));
    // Nothing of a build: no output folder, no Astro or Vite cache.
    for (const leftover of ['dist', '.astro', 'node_modules/.vite']) expect(existsSync(path.join(path.dirname(dir), leftover)), leftover).toBe(false);
  }, 60_000);

  it('fails a cross-file rule with its one line, the hint under it, and a count; exit 1', async () => {
    const { code, stdout, stderr, dir } = await check({
      'subprocessor-changes/2026-11-20-mail.mdx': '---\ntype: added\nsubprocessor: mail\nannounced: 2026-11-20\neffective: 2026-11-30\n---\n\nEmail delivery.\n',
      'subprocessors/mail.yaml': 'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n',
      'faq/where.mdx': validFixture['faq/where.mdx']!.replace('sections: [overview]', 'sections: [overveiw]'),
    });
    const folder = path.basename(dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      `${folder}/faq/where.mdx: sections.0: "overveiw" is not a whitepaper section; did you mean "overview"? (unknown-reference)`,
      '    valid whitepaper sections, closest first: overview, encryption',
      `${folder}/subprocessor-changes/2026-11-20-mail.mdx: effective: 2026-11-30 is 10 days after the announcement on 2026-11-20; an addition needs 30 days' notice (notice-period)`,
      expect.stringMatching(new RegExp(`^check: ${folder}/ has 2 error\\(s\\) and 0 warning\\(s\\) as of 2026-11-27 \\(\\d+ ms\\)\\.$`)),
      '',
    ]);
  }, 60_000);

  it('shows warnings and still passes', async () => {
    const { code, stdout, stderr, dir } = await check({
      'subprocessors/mail.yaml': 'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n',
      'subprocessor-changes/2026-02-01-mail.mdx': '---\ntype: added\nsubprocessor: mail\nannounced: 2026-02-01\neffective: 2026-03-05\n---\n\nEmail delivery moves to Example Mail.\n',
      'subprocessor-changes/2026-05-01-mail.mdx': '---\ntype: removed\nsubprocessor: mail\nannounced: 2026-05-01\neffective: 2026-06-01\n---\n\nEmail delivery moves in-house.\n',
      'whitepaper/overview.mdx': validFixture['whitepaper/overview.mdx']!.replace('Example makes software.', 'Example makes software. Example Mail delivers its e-mail.'),
    });
    const folder = path.basename(dir);
    expect(code).toBe(0);
    expect(stderr).toBe(`warning: ${folder}/whitepaper/overview.mdx: (body): names Example Mail, which was removed from the sub-processor list on 2026-06-01 (not-current-subprocessor)\n`);
    expect(stdout).toMatch(/: 0 errors, 1 warning\(s\) \(\d+ ms\)\.\n$/);
  }, 60_000);
});
