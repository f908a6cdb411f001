import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discardInBackground, OLD_PREFIX, recoverLeftovers, replaceDist, tempDir, TEMP_PREFIX, TRASH_PREFIX } from '../../scripts/lib/atomic-output.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(folders: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'atomic-output-'));
  roots.push(root);
  for (const [folder, text] of Object.entries(folders)) {
    mkdirSync(path.join(root, folder));
    writeFileSync(path.join(root, folder, 'index.html'), text);
  }
  return root;
}
const read = (root: string, folder: string) => readFileSync(path.join(root, folder, 'index.html'), 'utf8');

describe('replaceDist', () => {
  it('puts the new build in place of dist/ and hands back the previous one', () => {
    const root = project({ dist: 'old', [`${TEMP_PREFIX}7`]: 'new' });
    const old = replaceDist(tempDir(path.join(root, 'dist'), 7), path.join(root, 'dist'), 7);
    expect(read(root, 'dist')).toBe('new');
    expect(old).toBe(path.join(root, `${OLD_PREFIX}7`));
    expect(read(root, `${OLD_PREFIX}7`)).toBe('old');
    expect(readdirSync(root).sort()).toEqual([`${OLD_PREFIX}7`, 'dist']);
  });

  it('works when there was no dist/ yet', () => {
    const root = project({ [`${TEMP_PREFIX}7`]: 'new' });
    expect(replaceDist(tempDir(path.join(root, 'dist'), 7), path.join(root, 'dist'), 7)).toBeUndefined();
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('puts the previous dist/ back when the new one cannot be moved in', () => {
    const root = project({ dist: 'old' });
    expect(() => replaceDist(tempDir(path.join(root, 'dist'), 7), path.join(root, 'dist'), 7)).toThrow();
    expect(read(root, 'dist')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });
});

describe('discardInBackground', () => {
  it('renames the previous dist/ after the process that removes it, which then does, after this one has moved on', async () => {
    const root = project({ dist: 'new', [`${OLD_PREFIX}7`]: 'old' });
    for (let i = 0; i < 200; i++) writeFileSync(path.join(root, `${OLD_PREFIX}7`, `page-${i}.html`), 'old');
    const trash = await discardInBackground(path.join(root, `${OLD_PREFIX}7`), path.join(root, 'dist'));
    expect(path.basename(trash)).toMatch(new RegExp(`^${TRASH_PREFIX.replace('.', '\\.')}\\d+$`));
    expect(existsSync(path.join(root, `${OLD_PREFIX}7`))).toBe(false);
    await vi.waitFor(() => expect(readdirSync(root)).toEqual(['dist']), { timeout: 10_000, interval: 50 });
    expect(read(root, 'dist')).toBe('new');
  });

  it('leaves the folder of a removal still running to it (the process is looked up for real)', () => {
    // This test's own process stands for a remover that is still at work.
    const root = project({ dist: 'x', [`${TRASH_PREFIX}${process.pid}`]: 'being removed' });
    expect(recoverLeftovers(path.join(root, 'dist'))).toEqual([]);
    expect(readdirSync(root).sort()).toEqual([`${TRASH_PREFIX}${process.pid}`, 'dist']);
  });

  it('removes the folder itself when it cannot be renamed', async () => {
    // dist/'s folder does not exist, so the rename beside it fails; the old folder is still removed.
    const root = project({ [`${OLD_PREFIX}7`]: 'old' });
    const old = path.join(root, `${OLD_PREFIX}7`);
    expect(await discardInBackground(old, path.join(root, 'nowhere', 'dist'))).toBe(old);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('recoverLeftovers', () => {
  const stopped = () => false;

  it('removes the temporary folder of a build that stopped, and keeps one still running', () => {
    const root = project({ dist: 'old', [`${TEMP_PREFIX}11`]: 'half', [`${TEMP_PREFIX}12`]: 'running' });
    const done = recoverLeftovers(path.join(root, 'dist'), (pid) => pid === 12);
    expect(done).toEqual([`removed ${TEMP_PREFIX}11/, left by a build that stopped`]);
    expect(readdirSync(root).sort()).toEqual([`${TEMP_PREFIX}12`, 'dist']);
  });

  it('restores dist/ from a build that stopped between the two renames', () => {
    const root = project({ [`${OLD_PREFIX}11`]: 'old', [`${TEMP_PREFIX}11`]: 'new' });
    recoverLeftovers(path.join(root, 'dist'), stopped);
    expect(read(root, 'dist')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('removes a previous dist/ that a finished swap did not get to delete', () => {
    const root = project({ dist: 'new', [`${OLD_PREFIX}11`]: 'old' });
    recoverLeftovers(path.join(root, 'dist'), stopped);
    expect(read(root, 'dist')).toBe('new');
    expect(existsSync(path.join(root, `${OLD_PREFIX}11`))).toBe(false);
  });

  it('removes a previous dist/ whose background removal was stopped', () => {
    const root = project({ dist: 'new', [`${TRASH_PREFIX}11`]: 'old' });
    expect(recoverLeftovers(path.join(root, 'dist'), stopped)).toEqual([`removed ${TRASH_PREFIX}11/, a replaced dist/ whose removal stopped`]);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('leaves other folders alone', () => {
    const root = project({ dist: 'x', '.dist-tmp-notapid': 'x', 'dist-tmp-1': 'x' });
    expect(recoverLeftovers(path.join(root, 'dist'), stopped)).toEqual([]);
    expect(readdirSync(root).sort()).toEqual(['.dist-tmp-notapid', 'dist', 'dist-tmp-1']);
  });
});
