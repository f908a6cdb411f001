import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_STORE, forgetRenamedEntries, proseFileNames, renamedEntries } from '../../src/lib/content/renamed-files.ts';

describe('renamedEntries', () => {
  it('finds an entry whose file changed extension, and nothing else', () => {
    const before = { 'faq/where': 'faq/where.mdx', 'faq/who': 'faq/who.mdx', 'updates/gone': 'updates/gone.mdx' };
    const now = { 'faq/where': 'faq/where.md', 'faq/who': 'faq/who.mdx', 'updates/new': 'updates/new.md' };
    expect(renamedEntries(before, now)).toEqual([{ entry: 'faq/where', from: 'faq/where.mdx', to: 'faq/where.md' }]);
  });

  it('finds nothing when the names are the same', () => {
    expect(renamedEntries({ 'faq/where': 'faq/where.md' }, { 'faq/where': 'faq/where.md' })).toEqual([]);
  });
});

describe('forgetRenamedEntries', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function project() {
    const dir = mkdtempSync(path.join(tmpdir(), 'renamed-'));
    dirs.push(dir);
    const content = path.join(dir, 'content');
    for (const folder of ['faq', 'updates', 'subprocessors']) mkdirSync(path.join(content, folder), { recursive: true });
    writeFileSync(path.join(content, 'faq/where.mdx'), '---\nquestion: Where?\n---\nIn Frankfurt.\n');
    writeFileSync(path.join(content, 'updates/hello.md'), '---\ntitle: Hello\n---\nHello.\n');
    // Data files are not prose: their names are not noted.
    writeFileSync(path.join(content, 'subprocessors/cloud.yaml'), 'name: Cloud\n');
    const cache = path.join(dir, 'cache');
    mkdirSync(cache);
    const store = path.join(cache, DATA_STORE);
    writeFileSync(store, '{}');
    return { content, cache, store };
  }

  it('lists the prose files of every prose collection by entry', () => {
    expect(proseFileNames(project().content)).toEqual({ 'faq/where': 'faq/where.mdx', 'updates/hello': 'updates/hello.md' });
  });

  it('keeps the data store while no file is renamed, and drops it when one is', () => {
    const { content, cache, store } = project();
    // No note yet: a store written without one may hold a renamed file, so it goes once.
    expect(forgetRenamedEntries(content, cache)).toEqual([]);
    expect(existsSync(store)).toBe(false);
    writeFileSync(store, '{}');
    expect(forgetRenamedEntries(content, cache)).toEqual([]);
    expect(existsSync(store)).toBe(true);
    renameSync(path.join(content, 'faq/where.mdx'), path.join(content, 'faq/where.md'));
    expect(forgetRenamedEntries(content, cache)).toEqual([{ entry: 'faq/where', from: 'faq/where.mdx', to: 'faq/where.md' }]);
    expect(existsSync(store)).toBe(false);
    // The note now holds the new name: the next start keeps the store Astro writes again.
    writeFileSync(store, '{}');
    expect(forgetRenamedEntries(content, cache)).toEqual([]);
    expect(existsSync(store)).toBe(true);
  });
});
