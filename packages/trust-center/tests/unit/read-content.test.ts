import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/content/read.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';

/** Reads a fixture and returns its findings as the one-line messages the build prints. */
function lines(changes: Record<string, string | null>): string[] {
  const dir = writeFixture(changes);
  return readContent(dir, path.dirname(dir)).findings.map(formatFinding).map((line) => line.replace(/^trust-content-\w+\//, ''));
}

describe('readContent', () => {
  it('reads a valid content folder with every collection', () => {
    const dir = writeFixture();
    const { content, findings } = readContent(dir, dir);
    expect(findings).toEqual([]);
    expect(content?.company.data.name).toBe('Example');
    expect(content?.whitepaper.map((s) => s.id)).toEqual(['encryption', 'overview']);
    expect(content?.faq[0]?.body?.trim()).toBe('In Frankfurt.');
    expect(content?.controls[0]?.id).toBe('tls');
    expect(content?.certifications[0]?.data.target).toEqual(new Date('2026-12-31T00:00:00Z'));
  });

  it('names a missing required field', () => {
    const company = validFixture['company.yaml']!.replace(/^organisationNumber: .*\n/m, '');
    expect(lines({ 'company.yaml': company })).toEqual(['company.yaml: organisationNumber: is required but missing (schema)']);
  });

  it('names an unknown key, so a typo never passes silently', () => {
    const sub = `${validFixture['subprocessors/cloud.yaml']}websit: https://typo.example.com\n`;
    expect(lines({ 'subprocessors/cloud.yaml': sub })).toEqual([
      'subprocessors/cloud.yaml: websit: is not a field of this schema (check its spelling) (schema)',
    ]);
  });

  it('names a wrong enum value and a wrong date', () => {
    const cert = validFixture['certifications/iso.yaml']!.replace('status: in-progress', 'status: done').replace('2026-12-31', 'soon');
    expect(lines({ 'certifications/iso.yaml': cert })).toEqual([
      'certifications/iso.yaml: status: Invalid option: expected one of "compliant"|"aligned"|"certified"|"in-progress"|"under-evaluation"|"planned"|"expired" (schema)',
      'certifications/iso.yaml: target: expected a date written as YYYY-MM-DD (schema)',
    ]);
  });

  it('names the line of malformed YAML', () => {
    expect(lines({ 'retention.yaml': 'summary: [unclosed\n' })).toEqual([
      'retention.yaml: line 2: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (yaml-syntax)',
    ]);
  });

  it('rejects an MDX file without front matter', () => {
    expect(lines({ 'faq/where.mdx': 'Just an answer.\n' })).toEqual([
      'faq/where.mdx: (front matter): the file must start with front matter between two "---" lines (front-matter)',
    ]);
  });

  it('rejects a file name that cannot be a URL', () => {
    expect(lines({ 'subprocessors/Big Cloud.yaml': validFixture['subprocessors/cloud.yaml']! })).toEqual([
      'subprocessors/Big Cloud.yaml: (file name): "Big Cloud.yaml" must be lowercase letters, digits and hyphens, as it becomes the URL and anchor (file-name)',
    ]);
  });

  it('names a list entry by its id', () => {
    const controls = validFixture['controls.yaml']!.replace('  section: encryption\n', '');
    expect(lines({ 'controls.yaml': controls })).toEqual(['controls.yaml: tls.section: is required but missing (schema)']);
  });

  it('reports a missing file', () => {
    expect(lines({ 'retention.yaml': null })).toEqual(['retention.yaml: (file): the retention file is missing (missing-file)']);
  });
});

describe('readContent on MDX bodies', () => {
  it('accepts Markdown, links and emphasis', () => {
    expect(lines({ 'faq/where.mdx': validFixture['faq/where.mdx']!.replace('In Frankfurt.', 'In **Frankfurt**, see [the page](https://example.com).') })).toEqual([]);
  });

  it('reads a .md body as Markdown: braces are text, raw HTML is refused with its file line', () => {
    const md = (text: string) => ({ 'faq/where.mdx': null, 'faq/where.md': validFixture['faq/where.mdx']!.replace('In Frankfurt.', text) });
    expect(lines(md('In {Frankfurt}, see [the page](https://example.com).'))).toEqual([]);
    expect(lines(md('In Frankfurt.\n\n<script>alert(1)</script>'))).toEqual(['faq/where.md: line 11: <script> is not allowed: content cannot run scripts (mdx-raw-html)']);
    expect(lines(md('In <span onclick="alert(1)">Frankfurt</span>.'))).toEqual([
      'faq/where.md: line 9: the event-handler attribute onclick on <span> is not allowed: content cannot run scripts (mdx-event-handler)',
    ]);
  });

  it('names the line of an MDX syntax error', () => {
    const broken = validFixture['faq/where.mdx']!.replace('In Frankfurt.', 'In Frankfurt.\n\nSee <div the table.');
    expect(lines({ 'faq/where.mdx': broken })).toEqual([
      'faq/where.mdx: line 11: invalid MDX: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`) (mdx-syntax)',
    ]);
  });
});
