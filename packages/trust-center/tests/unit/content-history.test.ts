import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mayLoadScripts } from '../../scripts/lib/budget.ts';
import { readContentLog } from '../../src/lib/history/git-history.ts';
import { itemsOfFile, replayHistory, type ContentCommit } from '../../src/lib/history/revisions.ts';
import { fillStatus, shownSince, sinceFromQuery } from '../../src/lib/history/since.ts';
import { groupByMonth, monthPages, revisionChange, type StatedChange } from '../../src/lib/history/stated-changes.ts';
import { CONTEXT_WORDS, diffHtml, textChanged, wordDiff } from '../../src/lib/history/word-diff.ts';

const words = { status: (s: string) => s.toUpperCase(), statusLabel: 'Status', since: 'Since', validUntil: 'Valid until' };
const diffWords = { removed: 'removed:', added: 'added:', unchanged: '…' };
const section = (title: string, body: string, extra = '') => `---\nnumber: "2"\ntitle: ${title}\nsummary: S.\nlastReviewed: 2026-01-01\n${extra}---\n\n${body}\n`;
const commit = (id: string, date: string, files: Record<string, string | null>): ContentCommit => ({ commit: id.padEnd(40, '0'), date: new Date(date), files: new Map(Object.entries(files)) });

describe('revisions replayed from commits', () => {
  it('takes the first commit as the baseline and reports each later edit, addition and removal per item', () => {
    const controls = (statement: string) => `- id: enc\n  title: Encryption\n  category: Data\n  statement: ${statement}\n  section: s\n- id: mfa\n  title: MFA\n  category: Access\n  statement: Always on.\n  section: s\n`;
    const history = replayHistory(
      [
        commit('a', '2026-01-01T10:00:00Z', { 'whitepaper/hosting.md': section('Hosting', 'We host in Frankfurt.'), 'controls.yaml': controls('AES-128 at rest.'), 'company.yaml': 'x' }),
        commit('b', '2026-02-01T10:00:00Z', { 'whitepaper/hosting.md': section('Hosting', 'We host in Frankfurt and Berlin.') }),
        commit('c', '2026-03-01T10:00:00Z', { 'controls.yaml': controls('AES-256 at rest.'), 'faq/new.md': '---\nquestion: New?\ncategory: A\norder: 1\n---\n\nYes.\n' }),
        commit('d', '2026-04-01T10:00:00Z', { 'faq/new.md': null }),
      ],
      'complete',
      words,
      textChanged,
    );
    expect(history.since).toEqual(new Date('2026-01-01T10:00:00Z'));
    expect(history.revisions.map((r) => [r.kind, r.id, r.action, r.date.toISOString().slice(0, 10)])).toEqual([
      ['faq', 'new', 'removed', '2026-04-01'],
      ['control', 'enc', 'edited', '2026-03-01'],
      ['faq', 'new', 'added', '2026-03-01'],
      ['whitepaper', 'hosting', 'edited', '2026-02-01'],
    ]);
    // Only the control whose statement changed: the other entry of the same file is not a revision.
    expect(history.revisions.find((r) => r.id === 'enc')).toMatchObject({ before: 'Encryption\n\nAES-128 at rest.', after: 'Encryption\n\nAES-256 at rest.' });
    expect(history.lastChanged.get('whitepaper/hosting')).toEqual(new Date('2026-02-01T10:00:00Z'));
    expect(history.lastChanged.has('control/mfa')).toBe(false);
  });

  it('treats a .md renamed to .mdx in one commit as the same unchanged section, and a draft as not stated', () => {
    const history = replayHistory(
      [
        commit('a', '2026-01-01T00:00:00Z', { 'whitepaper/hosting.md': section('Hosting', 'Text.') }),
        commit('b', '2026-02-01T00:00:00Z', { 'whitepaper/hosting.md': null, 'whitepaper/hosting.mdx': section('Hosting', 'Text.') }),
        commit('c', '2026-03-01T00:00:00Z', { 'whitepaper/next.md': section('Next', 'Soon.', 'draft: true\n') }),
        commit('d', '2026-04-01T00:00:00Z', { 'whitepaper/next.md': section('Next', 'Now.') }),
      ],
      'complete',
      words,
      textChanged,
    );
    expect(history.revisions.map((r) => [r.id, r.action, r.before, r.after])).toEqual([['next', 'added', '', '2 Next\n\nNow.']]);
  });

  it('reads a certification status change, and ignores an old version that does not parse', () => {
    const cert = (status: string, since = '') => `framework: ISO 27001\nkind: certification\nstatus: ${status}\norder: 1\nstatement: We are ${status}.\n${since}`;
    const history = replayHistory(
      [
        commit('a', '2026-01-01T00:00:00Z', { 'certifications/iso.yaml': cert('in-progress') }),
        commit('b', '2026-02-01T00:00:00Z', { 'certifications/iso.yaml': 'framework: [unclosed' }),
        commit('c', '2026-03-01T00:00:00Z', { 'certifications/iso.yaml': cert('certified', 'since: 2026-02-27\n') }),
      ],
      'shallow',
      words,
      textChanged,
    );
    expect(history.status).toBe('shallow');
    // The broken version stated nothing: it reads as a removal, the fixed one as an addition.
    expect(history.revisions.map((r) => r.action)).toEqual(['added', 'removed']);
    expect(history.revisions[0]!.after).toBe('Status: CERTIFIED\nSince: 2026-02-27\nWe are certified.');
    expect(itemsOfFile('certifications/iso.yaml', cert('planned'), words)[0]!.text).toBe('Status: PLANNED\nWe are planned.');
  });

  it('has no history without commits', () => {
    expect(replayHistory([], 'complete', words, textChanged)).toMatchObject({ status: 'none', revisions: [] });
  });
});

describe('word-level diff as HTML', () => {
  it('marks removed and added words, with hidden words for screen readers, and escapes every text', () => {
    const html = diffHtml(wordDiff('Keys in <HSM> & vault.', 'Keys in "KMS" & vault.'), diffWords);
    expect(html).toBe('Keys in <del><span class="sr-only">removed: </span>&lt;HSM&gt;</del><ins><span class="sr-only">added: </span>&quot;KMS&quot;</ins> &amp; vault.');
  });

  it('cuts long unchanged stretches to the words beside each change', () => {
    const filler = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const html = diffHtml(wordDiff(`${filler(40, 'a')} old ${filler(40, 'b')} old ${filler(40, 'c')}`, `${filler(40, 'a')} new ${filler(40, 'b')} new ${filler(40, 'c')}`), diffWords);
    expect(html).not.toContain('a0 ');
    expect(html).toContain(`a${40 - CONTEXT_WORDS}`);
    expect(html).not.toContain(`a${39 - CONTEXT_WORDS} `);
    expect(html).toContain(`b${CONTEXT_WORDS - 1}`);
    expect(html).toContain(`b${40 - CONTEXT_WORDS}`);
    expect(html).not.toContain(' b20 ');
    expect(html).toContain(`c${CONTEXT_WORDS - 1}`);
    expect(html).not.toContain(`c${CONTEXT_WORDS} `);
    expect(html.match(/…/g)).toHaveLength(3);
  });

  it('compares whole words, punctuation attached, and keeps paragraphs', () => {
    expect(wordDiff('TLS 1.2 only.\n\nKeys rotate.', 'TLS 1.3 only.\n\nKeys  rotate daily.')).toEqual([
      { kind: 'same', text: 'TLS ' },
      { kind: 'removed', text: '1.2' },
      { kind: 'added', text: '1.3' },
      { kind: 'same', text: ' only.\n\nKeys  rotate' },
      { kind: 'added', text: ' daily' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('ignores changes of whitespace alone', () => {
    expect(textChanged('a  b\n', 'a b')).toBe(false);
    expect(textChanged('a b', 'a c')).toBe(true);
  });
});

describe('the page around the entries', () => {
  const entry = (id: string, date: string): StatedChange => ({ id, kind: 'news', title: id, date: new Date(`${date}T00:00:00Z`), path: '/' });
  it('groups by month and finds the page of each month', () => {
    const list = [entry('a', '2026-11-02'), entry('b', '2026-11-01'), entry('c', '2026-10-30'), entry('d', '2026-08-01')];
    expect(groupByMonth(list).map((g) => [g.month, g.changes.length])).toEqual([['2026-11', 2], ['2026-10', 1], ['2026-08', 1]]);
    expect(monthPages(list, 2)).toEqual([{ month: '2026-11', page: 1 }, { month: '2026-10', page: 2 }, { month: '2026-08', page: 2 }]);
    // Worked out once per list and page size (every page of /changes/ asks), the same answer each time.
    expect(monthPages(list, 2)).toBe(monthPages(list, 2));
    expect(monthPages(list, 1)).toEqual([{ month: '2026-11', page: 1 }, { month: '2026-10', page: 3 }, { month: '2026-08', page: 4 }]);
    expect(monthPages([...list], 2)).toEqual(monthPages(list, 2));
  });

  it('links a revision to its anchor while the item is published, else to its page', () => {
    const revision = { kind: 'control' as const, id: 'enc', title: 'Enc', action: 'edited' as const, date: new Date(0), commit: 'abcdef0123456789', before: 'a', after: 'b' };
    expect(revisionChange(revision, new Set(['control/enc']), diffWords)).toMatchObject({ id: 'control-enc-abcdef012345', path: '/controls/#control-enc' });
    expect(revisionChange(revision, new Set(), diffWords).path).toBe('/controls/');
  });

  it('reads ?since= as a real calendar date only', () => {
    expect(sinceFromQuery('?since=2026-01-31')).toBe('2026-01-31');
    expect(sinceFromQuery('?since=2026-02-30')).toBe('invalid');
    expect(sinceFromQuery('?since=<script>')).toBe('invalid');
    expect(sinceFromQuery('?q=x')).toBeUndefined();
    expect(shownSince('2026-01-31', '2026-01-31')).toBe(true);
    expect(shownSince('2026-01-30', '2026-01-31')).toBe(false);
    expect(fillStatus('{count} changes since {date}.', 3, '1 May 2026')).toBe('3 changes since 1 May 2026.');
  });

  it('lets only search and the change pages load JavaScript', () => {
    expect(['/search/', '/changes/', '/changes/2/', '/changes/feed.xml', '/changes/x/', '/updates/'].map((page) => mayLoadScripts(page))).toEqual([true, true, true, false, false, false]);
  });
});

describe('reading the history with git', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const git = (cwd: string, date: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' }, stdio: 'pipe' });
  function repo(): { root: string; content: string } {
    const root = mkdtempSync(path.join(tmpdir(), 'content-history-'));
    dirs.push(root);
    const content = path.join(root, 'site', 'content');
    mkdirSync(path.join(content, 'whitepaper'), { recursive: true });
    git(root, '2026-01-01T00:00:00Z', 'init', '-q');
    writeFileSync(path.join(root, 'README.md'), 'outside the content folder');
    writeFileSync(path.join(content, 'whitepaper', 'hosting.md'), section('Hosting', 'One.'));
    writeFileSync(path.join(content, 'whitepaper', 'gone.md'), section('Gone', 'Bye.'));
    git(root, '2026-01-01T00:00:00Z', 'add', '.');
    git(root, '2026-01-01T00:00:00Z', 'commit', '-q', '-m', 'one');
    writeFileSync(path.join(content, 'whitepaper', 'hosting.md'), section('Hosting', 'Two.'));
    unlinkSync(path.join(content, 'whitepaper', 'gone.md'));
    writeFileSync(path.join(root, 'README.md'), 'changed, outside');
    git(root, '2026-02-01T12:00:00Z', 'commit', '-q', '-am', 'two');
    return { root, content };
  }

  it('lists the commits of the content folder with each changed file as it was then, or null when deleted', () => {
    const { content } = repo();
    const log = readContentLog(content);
    expect(log.status).toBe('complete');
    expect(log.commits.map((c) => [c.date.toISOString(), [...c.files.entries()]])).toEqual([
      ['2026-01-01T00:00:00.000Z', [['whitepaper/gone.md', section('Gone', 'Bye.')], ['whitepaper/hosting.md', section('Hosting', 'One.')]]],
      ['2026-02-01T12:00:00.000Z', [['whitepaper/gone.md', null], ['whitepaper/hosting.md', section('Hosting', 'Two.')]]],
    ]);
  });

  it('says when the clone is shallow, and when there is no repository', () => {
    const { root } = repo();
    const clone = mkdtempSync(path.join(tmpdir(), 'content-history-clone-'));
    dirs.push(clone);
    git(clone, '2026-03-01T00:00:00Z', 'clone', '-q', '--depth', '1', `file://${root}`, 'c');
    const log = readContentLog(path.join(clone, 'c', 'site', 'content'));
    expect(log.status).toBe('shallow');
    expect(log.commits).toHaveLength(1);
    const bare = mkdtempSync(path.join(tmpdir(), 'content-history-none-'));
    dirs.push(bare);
    expect(readContentLog(bare)).toEqual({ status: 'none', commits: [] });
  });
});
