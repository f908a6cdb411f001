import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

// The done-when of issue 12 item 3: a content folder in a git repository of its own, with two
// revisions of a whitepaper section and one of a control committed on known dates after the
// baseline, builds a /changes/ page and feed holding exactly those revisions, newest first, with
// their word-level diffs, next to the change log's event and the news item (which are content).
const project = copyProject();
const repo = path.join(project, 'history');
// Not the repository's top: the history reader must find the content folder inside it.
const contentDir = path.join(repo, 'content');
const section = (body: string) => validFixture['whitepaper/encryption.mdx']!.replace('Data is encrypted.', body);
const control = (statement: string) => validFixture['controls.yaml']!.replace('statement: Data is encrypted.', `statement: ${statement}`);

function commit(date: string, message: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  execFileSync('git', ['add', '-A'], { cwd: repo, env, stdio: 'pipe' });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo, env, stdio: 'pipe' });
}

let output = '';
beforeAll(async () => {
  mkdirSync(contentDir, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: repo, stdio: 'pipe' });
  writeFixture({}, contentDir);
  writeFileSync(path.join(repo, 'README.md'), 'Not content: never a change.\n');
  commit('2026-03-02T09:00:00Z', 'baseline');
  writeFileSync(path.join(contentDir, 'whitepaper/encryption.mdx'), section('Data is encrypted at rest with AES-256.'));
  writeFileSync(path.join(contentDir, 'controls.yaml'), control('"Data is encrypted with TLS 1.3 & <HSTS> in transit."'));
  commit('2026-05-15T09:00:00Z', 'stronger encryption');
  writeFileSync(path.join(contentDir, 'whitepaper/encryption.mdx'), section('Data is encrypted at rest with AES-256 & keys are rotated yearly.'));
  writeFileSync(path.join(repo, 'README.md'), 'Still not content.\n');
  commit('2026-09-20T09:00:00Z', 'key rotation');
  const result = await buildProject(project, { CONTENT_DIR: contentDir, BUILD_DATE: '2026-10-01' });
  output = result.output;
  if (result.failed) throw new Error(result.output);
}, 300_000);
afterAll(() => removeProject(project));

const dist = (file: string) => readFileSync(path.join(project, 'dist', file), 'utf8');
/** The words of each `<ins>` (or `<del>`) of a diff, after its hidden "added:" (or "removed:"). */
const marked = (html: string, tag: 'ins' | 'del') => [...html.matchAll(new RegExp(`<${tag}><span class="sr-only">[^<]*</span>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!.trim());
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('what changed, from a content folder with a history', () => {
  it('lists every change newest first, grouped by month, with its kind, date and link', () => {
    const html = dist('changes/index.html');
    const entries = [...html.matchAll(/<li id="([^"]+)" data-change-date="([^"]+)"[^>]*>\s*<h3[^>]*><a href="([^"]+)"/g)].map((m) => [m[1]!.replace(/-[0-9a-f]{12}$/, ''), m[2], m[3]]);
    expect(entries).toEqual([
      ['whitepaper-encryption', '2026-09-20', '/whitepaper/#encryption'],
      ['control-tls', '2026-05-15', '/controls/#control-tls'],
      ['whitepaper-encryption', '2026-05-15', '/whitepaper/#encryption'],
      ['news-2026-01-01-hello', '2026-01-01', '/updates/2026-01-01-hello/'],
      ['subprocessor-2026-01-01-first-list', '2026-01-01', '/subprocessors/changes/2026-01-01-first-list/'],
    ]);
    expect([...html.matchAll(/<h2 id="(month-\d{4}-\d{2})"/g)].map((m) => m[1])).toEqual(['month-2026-09', 'month-2026-05', 'month-2026-01']);
    expect([...html.matchAll(/<a href="\/changes\/(#month-[^"]+)"/g)].map((m) => m[1])).toEqual(['#month-2026-09', '#month-2026-05', '#month-2026-01']);
    expect(text(html)).toContain('known since 2 March 2026');
    // The baseline is not a change: the overview section and the FAQ answer were never revised.
    expect(html).not.toContain('whitepaper-overview-');
    expect(html).not.toContain('faq-where-');
  });

  it('shows each revision as a word-level diff of escaped text', () => {
    const html = dist('changes/index.html');
    const latest = html.slice(html.indexOf('<li id="whitepaper-encryption-'), html.indexOf('<li id="control-tls-'));
    expect(marked(latest, 'ins')).toEqual(['&amp; keys are rotated yearly']);
    expect(marked(latest, 'del')).toEqual([]);
    expect(text(latest)).toContain('Data is encrypted at rest with AES-256 added: &amp; keys are rotated yearly .');
    const control = html.slice(html.indexOf('<li id="control-tls-'), html.indexOf('<li id="whitepaper-encryption-', html.indexOf('<li id="control-tls-')));
    expect(marked(control, 'ins')).toEqual(['with TLS 1.3 &amp; &lt;HSTS&gt; in transit']);
    const first = html.slice(html.indexOf('<li id="whitepaper-encryption-', html.indexOf('<li id="control-tls-')));
    expect(marked(first, 'ins')).toEqual(['at rest with AES-256']);
    expect(html).not.toContain('<HSTS>');
  });

  it('carries the same changes in the feeds, the diff as HTML content', async () => {
    const feed = await extractFromXml(dist('changes/feed.xml'), { getExtraEntryFields: (entry: Record<string, unknown>) => ({ content: String(entry['content:encoded'] ?? entry.description ?? '') }) });
    expect(feed.entries?.map((entry) => [entry.title, entry.published?.slice(0, 10)])).toEqual([
      ['Whitepaper, edited: Encryption', '2026-09-20'],
      ['Control, edited: Encryption in transit', '2026-05-15'],
      ['Whitepaper, edited: Encryption', '2026-05-15'],
      ['News: Trust center published', '2026-01-01'],
      [expect.stringMatching(/^Sub-processor: /), '2026-01-01'],
    ]);
    const json = JSON.parse(dist('changes/feed.json')) as { items: { url: string; content_html: string }[] };
    expect(json.items[0]!.url).toBe('https://trust.example.com/whitepaper/#encryption');
    expect(marked(json.items[0]!.content_html, 'ins')).toEqual(['&amp; keys are rotated yearly']);
    expect(marked(json.items[1]!.content_html, 'ins')).toEqual(['with TLS 1.3 &amp; &lt;HSTS&gt; in transit']);
    expect(dist('changes/atom.xml')).toContain('&lt;ins&gt;');
  });

  it('says on each whitepaper section when it last changed', () => {
    const html = dist('whitepaper/index.html');
    const encryption = html.slice(html.indexOf('id="encryption"'));
    expect(text(encryption.slice(0, 600))).toContain('Last changed: 20 September 2026');
    const overview = html.slice(html.indexOf('id="overview"'), html.indexOf('id="encryption"'));
    expect(overview).not.toContain('Last changed');
    // A complete history: the build does not warn about it.
    expect(output).not.toContain('git history');
  });
});
