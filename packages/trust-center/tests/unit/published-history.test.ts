import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendPublishedHistory, HISTORY_LOCK, readPublishedHistory } from '../../src/lib/content/published-history.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { formatFinding, type Finding } from '../../src/lib/rules/finding.ts';
import { checkPublishedHistory, fingerprint, newlyPublished } from '../../src/lib/rules/published-history.ts';
import type { SubprocessorChange } from '../../src/schemas/subprocessor-change.ts';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';

const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const messages = (findings: Finding[]) => findings.map(formatFinding);
const folder = 'content/subprocessor-changes';

const event = (id: string, announced: string) => ({ id, file: `${folder}/${id}.mdx`, data: { announced: date(announced) } as SubprocessorChange });
const baseline = event('2026-01-01-first-list', '2026-01-01');
const addition = event('2026-12-01-mail', '2026-12-01');
const baselineSource = { frontMatter: { type: 'baseline', subprocessors: ['cloud', 'mail'], announced: '2026-01-01', effective: '2026-01-01' }, body: '\nThe first list.\n' };
const additionSource = { frontMatter: { type: 'added', subprocessor: 'mail', announced: '2026-12-01', effective: '2027-01-01' }, body: 'Why.' };
const fingerprints = (baselineNow = baselineSource) => new Map([[baseline.id, fingerprint(baselineNow)], [addition.id, fingerprint(additionSource)]]);
const locked = newlyPublished([baseline, addition], { events: {}, fingerprints: fingerprints() }, today);
const history = (baselineNow = baselineSource) => ({ events: locked, folder, fingerprints: fingerprints(baselineNow) });

describe('published history (published-history)', () => {
  it('locks the events announced on or before today, not those still to be announced', () => {
    expect(locked).toEqual({ '2026-01-01-first-list': { announced: '2026-01-01', sha256: fingerprint(baselineSource) } });
    expect(newlyPublished([baseline, addition], { events: locked, fingerprints: fingerprints() }, date('2026-12-01'))).toEqual({
      '2026-12-01-mail': { announced: '2026-12-01', sha256: fingerprint(additionSource) },
    });
  });

  it('accepts published events as they were, and upcoming ones edited freely', () => {
    const edited = { ...history(), fingerprints: new Map([...fingerprints(), [addition.id, fingerprint({ ...additionSource, body: 'A better reason.' })]]) };
    expect(checkPublishedHistory([baseline, addition], edited)).toEqual([]);
  });

  it('ignores line endings, trailing spaces and the order of front-matter keys', () => {
    const reordered = Object.fromEntries(Object.entries(baselineSource.frontMatter).reverse());
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(baselineSource.frontMatter)[0]);
    expect(fingerprint({ frontMatter: reordered, body: '\r\nThe first list.   \r\n\r\n' })).toBe(fingerprint(baselineSource));
  });

  it('fails an edited body or front matter of a published event', () => {
    const expected = [
      'content/subprocessor-changes/2026-01-01-first-list.mdx: (event): was published on 2026-01-01 and has since been edited; published history cannot change, add a new event instead (published-history)',
    ];
    expect(messages(checkPublishedHistory([baseline, addition], history({ ...baselineSource, body: 'The first list, reworded.' })))).toEqual(expected);
    const dropped = { ...baselineSource, frontMatter: { ...baselineSource.frontMatter, subprocessors: ['cloud'] } };
    expect(messages(checkPublishedHistory([baseline, addition], history(dropped)))).toEqual(expected);
  });

  it('keeps its fingerprint from one engine version to the next (a change would break every committed lock)', () => {
    // sha256 of '{"announced":"2026-01-01","effective":"2026-01-01","subprocessors":["cloud","mail"],"type":"baseline"}\n---\nThe first list.'
    expect(fingerprint(baselineSource)).toBe('2960e9414695a1f7bb06a58db7c3f58f80161fbce5afb90444c4ae51423cedf2');
  });

  it('fails a deleted published event, naming its file', () => {
    expect(messages(checkPublishedHistory([addition], history()))).toEqual([
      'content/subprocessor-changes/2026-01-01-first-list: (event): was published on 2026-01-01 and has since been deleted (no 2026-01-01-first-list.md or 2026-01-01-first-list.mdx); published history cannot change, restore it and add a new event instead (published-history)',
    ]);
  });
});

describe('the published-history lock file', () => {
  const dirs: string[] = [];
  const fixture = (changes: Record<string, string | null> = {}) => {
    const dir = writeFixture(changes);
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is started by the first successful check, and then only verified', () => {
    const dir = fixture();
    const first = validateContent(dir, today, dir);
    expect(first.errors).toEqual([]);
    expect(existsSync(path.join(dir, HISTORY_LOCK))).toBe(false);
    expect(first.recordPublished?.(today)).toBe(`recorded 1 newly published change(s) in ${HISTORY_LOCK}: commit it`);
    const lock = JSON.parse(readFileSync(path.join(dir, HISTORY_LOCK), 'utf8')) as { events: Record<string, unknown> };
    expect(Object.keys(lock.events)).toEqual(['2026-01-01-first-list']);
    expect(validateContent(dir, today, dir).recordPublished?.(today)).toBeUndefined();
  });

  it('does not count a YAML reformat as an edit', () => {
    const dir = fixture();
    validateContent(dir, today, dir).recordPublished?.(today);
    const file = path.join(dir, 'subprocessor-changes/2026-01-01-first-list.mdx');
    writeFileSync(file, '---\r\nannounced: "2026-01-01"\r\neffective: 2026-01-01\r\ntype: "baseline"\r\nsubprocessors:\r\n  - cloud\r\n---\r\n\r\nThe first published list.  \r\n');
    expect(validateContent(dir, today, dir).errors).toEqual([]);
  });

  it('does not count a rename between .mdx and .md as an edit: the id and the fingerprint stay', () => {
    const dir = fixture();
    validateContent(dir, today, dir).recordPublished?.(today);
    const lock = readFileSync(path.join(dir, HISTORY_LOCK), 'utf8');
    const mdx = path.join(dir, 'subprocessor-changes/2026-01-01-first-list.mdx');
    writeFileSync(mdx.replace(/\.mdx$/, '.md'), readFileSync(mdx, 'utf8'));
    rmSync(mdx);
    const renamed = validateContent(dir, today, dir);
    expect(renamed.errors).toEqual([]);
    expect(renamed.recordPublished?.(today)).toBeUndefined();
    expect(readFileSync(path.join(dir, HISTORY_LOCK), 'utf8')).toBe(lock);
    // An edit of the renamed file is still an edit.
    writeFileSync(mdx.replace(/\.mdx$/, '.md'), validFixture['subprocessor-changes/2026-01-01-first-list.mdx']!.replace('The first', 'Our first'));
    expect(validateContent(dir, today, dir).errors).toEqual([
      'subprocessor-changes/2026-01-01-first-list.md: (event): was published on 2026-01-01 and has since been edited; published history cannot change, add a new event instead (published-history)',
    ]);
  });

  it('does not lock an event dated after the real date, even when the build is dated later', () => {
    const dir = fixture();
    expect(validateContent(dir, today, dir).recordPublished?.(date('2025-12-31'))).toBeUndefined();
  });

  it('stops the build when a locked event is edited, and records nothing', () => {
    const dir = fixture();
    validateContent(dir, today, dir).recordPublished?.(today);
    writeFileSync(path.join(dir, 'subprocessor-changes/2026-01-01-first-list.mdx'), validFixture['subprocessor-changes/2026-01-01-first-list.mdx']!.replace('The first', 'Our first'));
    const result = validateContent(dir, today, dir);
    expect(result.errors).toEqual([
      'subprocessor-changes/2026-01-01-first-list.mdx: (event): was published on 2026-01-01 and has since been edited; published history cannot change, add a new event instead (published-history)',
    ]);
    expect(result.recordPublished).toBeUndefined();
  });

  it('names a malformed lock', () => {
    const dir = fixture({ [HISTORY_LOCK]: '{"events": {"2026-01-01-first-list": {"announced": "2026-01-01"}}}' });
    expect(validateContent(dir, today, dir).errors).toEqual([`${HISTORY_LOCK}: events.2026-01-01-first-list.sha256: Invalid input: expected string, received undefined (published-history)`]);
  });

  it('reads every committed version of the lock, in a content folder deep in its repository', () => {
    // Four commits: the lock, a second event, the lock deleted, the lock rewritten with a third only.
    const repo = mkdtempSync(path.join(tmpdir(), 'trust-lock-history-'));
    dirs.push(repo);
    const content = path.join(repo, 'site', 'content');
    mkdirSync(content, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: content, stdio: 'ignore' });
    const commit = (message: string) => git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qam', message);
    const event = (digit: string) => ({ announced: '2026-01-01', sha256: digit.repeat(64) });
    const writeLock = (events: Record<string, unknown>) => writeFileSync(path.join(content, HISTORY_LOCK), `${JSON.stringify({ events }, null, 2)}\n`);
    git('init', '-q');
    writeLock({ 'first-event': event('a') });
    git('add', '.');
    commit('first');
    writeLock({ 'first-event': event('a'), 'second-event': event('b') });
    commit('second');
    rmSync(path.join(content, HISTORY_LOCK));
    commit('deleted');
    writeLock({ 'third-event': event('c') });
    git('add', '.');
    commit('rewritten');
    const lock = readPublishedHistory(content, [], repo);
    expect(lock.findings).toEqual([]);
    expect(lock.events).toEqual({ 'first-event': event('a'), 'second-event': event('b'), 'third-event': event('c') });
  });

  it('keeps every entry ever committed to git, even when the lock file is deleted or rewritten', () => {
    const dir = fixture();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    validateContent(dir, today, dir).recordPublished?.(today);
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'lock');
    const committed = readFileSync(path.join(dir, HISTORY_LOCK), 'utf8');

    rmSync(path.join(dir, HISTORY_LOCK));
    rmSync(path.join(dir, 'subprocessor-changes/2026-01-01-first-list.mdx'));
    writeFileSync(path.join(dir, 'subprocessor-changes/2026-01-01-new-list.mdx'), validFixture['subprocessor-changes/2026-01-01-first-list.mdx']!);
    expect(validateContent(dir, today, dir).errors).toEqual([
      'subprocessor-changes/2026-01-01-first-list: (event): was published on 2026-01-01 and has since been deleted (no 2026-01-01-first-list.md or 2026-01-01-first-list.mdx); published history cannot change, restore it and add a new event instead (published-history)',
    ]);

    rmSync(path.join(dir, 'subprocessor-changes/2026-01-01-new-list.mdx'));
    git('checkout', '-q', '--', 'subprocessor-changes');
    writeFileSync(path.join(dir, HISTORY_LOCK), committed.replace(/"sha256": "[0-9a-f]{8}/, '"sha256": "00000000'));
    expect(validateContent(dir, today, dir).errors).toEqual([
      `${HISTORY_LOCK}: events.2026-01-01-first-list: differs from the committed one; the lock only grows, restore the entry (published-history)`,
    ]);

    // A deleted lock is written back from git by the next build.
    rmSync(path.join(dir, HISTORY_LOCK));
    const lock = readPublishedHistory(dir, ['2026-01-01-first-list'], dir);
    expect(lock.findings).toEqual([]);
    expect(appendPublishedHistory(dir, lock, {}, dir)).toBe(`recorded 1 newly published change(s) in ${HISTORY_LOCK}: commit it`);
    expect(readFileSync(path.join(dir, HISTORY_LOCK), 'utf8')).toBe(committed);
  });
});
