import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readContent } from '../../src/lib/content/read.ts';
import { contentDirSettingProblem } from '../../src/lib/content/paths.ts';
import { buildDate, isoDate, parseCalendarDate } from '../../src/lib/dates.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { calendarDate } from '../../src/schemas/common.ts';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';

/** Reads a fixture (after `setup`) and returns its findings as the lines the build prints, folder name removed. */
function lines(changes: Record<string, string | null>, setup?: (dir: string) => void): string[] {
  const dir = writeFixture(changes);
  setup?.(dir);
  return readContent(dir, path.dirname(dir)).findings.map(formatFinding).map((line) => line.replace(/(?<=^|\s)trust-content-\w+\//g, ''));
}

const cert = (target: string) => validFixture['certifications/iso.yaml']!.replace('2026-12-31', target);

describe('calendar dates', () => {
  it('reads a real day, leap days included, as 00:00 UTC', () => {
    expect(parseCalendarDate('2028-02-29')).toEqual({ ok: true, date: new Date('2028-02-29T00:00:00Z') });
    expect(parseCalendarDate('2026-12-31')).toEqual({ ok: true, date: new Date('2026-12-31T00:00:00Z') });
    // Date.UTC would read year 0099 as 1999.
    const early = parseCalendarDate('0099-01-01');
    expect(early.ok && early.date.getUTCFullYear()).toBe(99);
  });

  it('refuses a day that does not exist instead of rolling it over', () => {
    expect(parseCalendarDate('2026-02-30')).toEqual({ ok: false, reason: 'February 2026 has 28 days' });
    expect(parseCalendarDate('2027-02-29')).toEqual({ ok: false, reason: 'February 2027 has 28 days' });
    expect(parseCalendarDate('2026-04-31')).toEqual({ ok: false, reason: 'April 2026 has 30 days' });
    expect(parseCalendarDate('2026-01-00')).toEqual({ ok: false, reason: 'days start at 01' });
    expect(parseCalendarDate('2026-31-12')).toEqual({ ok: false, reason: 'there is no month 31; months run from 01 to 12' });
    expect(parseCalendarDate('2026-00-10')).toEqual({ ok: false, reason: 'there is no month 00; months run from 01 to 12' });
  });

  it('refuses other ways of writing a date', () => {
    for (const text of ['2026-2-3', '31/12/2026', '2026-12-31T10:00:00Z', ' 2026-12-31', '2026-12-31 ', 'soon', '']) {
      expect(parseCalendarDate(text)).toEqual({ ok: false });
    }
  });

  it('names the field, the value and the reason in one line', () => {
    expect(lines({ 'certifications/iso.yaml': cert('2026-02-30') })).toEqual([
      'certifications/iso.yaml: target: 2026-02-30 is not a calendar date (February 2026 has 28 days) (schema)',
    ]);
    expect(lines({ 'certifications/iso.yaml': cert('"2026-02-30"') })).toEqual([
      'certifications/iso.yaml: target: 2026-02-30 is not a calendar date (February 2026 has 28 days) (schema)',
    ]);
    expect(lines({ 'certifications/iso.yaml': cert('20261231') })).toEqual([
      'certifications/iso.yaml: target: expected a date written as YYYY-MM-DD (schema)',
    ]);
    expect(lines({ 'updates/2026-01-01-hello.mdx': validFixture['updates/2026-01-01-hello.mdx']!.replace('date: 2026-01-01', 'date: 2026-06-31') })).toEqual([
      'updates/2026-01-01-hello.mdx: date: 2026-06-31 is not a calendar date (June 2026 has 30 days) (schema)',
    ]);
    expect(lines({ 'updates/2026-01-01-hello.mdx': validFixture['updates/2026-01-01-hello.mdx']!.replace(/^date: .*\n/m, '') })).toEqual([
      'updates/2026-01-01-hello.mdx: date: is required but missing (schema)',
    ]);
  });

  it("accepts the whole-day Date js-yaml gives Astro's loaders for a valid date, and refuses one with a time", () => {
    // Astro parses front matter (and YAML files) with js-yaml, after the check has passed: a
    // valid date arrives as a Date, and a rolled-over one too, which is why the check reads text.
    const fromAstro = (text: string) => (parseFrontmatter(`---\ndate: ${text}\n---\n`).frontmatter as { date: unknown }).date;
    expect(calendarDate.parse(fromAstro('2026-12-31'))).toEqual(new Date('2026-12-31T00:00:00Z'));
    expect(fromAstro('2026-02-30')).toEqual(new Date('2026-03-02T00:00:00Z'));
    const withTime = z.object({ d: calendarDate }).safeParse({ d: new Date('2026-12-31T10:00:00Z') });
    expect(withTime.success ? 'accepted' : withTime.error.issues[0]?.message).toBe('expected a date written as YYYY-MM-DD, without a time');
  });

  it('reads BUILD_DATE the same strict way', () => {
    expect(isoDate(buildDate({ BUILD_DATE: '2028-02-29' }))).toBe('2028-02-29');
    expect(() => buildDate({ BUILD_DATE: '2026-02-30' })).toThrow('BUILD_DATE must be a date written YYYY-MM-DD, got "2026-02-30": February 2026 has 28 days');
  });
});

describe('files in the content folder', () => {
  it('names each file a collection folder would skip, with the name it should have', () => {
    const where = validFixture['faq/where.mdx']!;
    expect(
      lines({
        'subprocessors/mail.yml': validFixture['subprocessors/cloud.yaml']!,
        'faq/how.markdown': where,
        'faq/who.MD': where,
        'faq/why.MDX': where,
        'faq/notes.txt': 'to do',
        'faq/README': 'to do',
        'subprocessors/notes.md': 'to do',
        'whitepaper/old/intro.mdx': validFixture['whitepaper/overview.mdx']!,
      }),
    ).toEqual([
      'whitepaper/old: (folder): the whitepaper folder holds only .md or .mdx files, not folders: files in a subfolder would be ignored; move them up into whitepaper/ (subfolder)',
      'faq/README: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; move it out of the content folder (file-extension)',
      'faq/how.markdown: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; rename it to how.md (file-extension)',
      'faq/notes.txt: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; move it out of the content folder (file-extension)',
      'faq/who.MD: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; rename it to who.md (file-extension)',
      'faq/why.MDX: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; rename it to why.mdx (file-extension)',
      'subprocessors/mail.yml: (file name): the subprocessors folder holds only .yaml files, so this one would be ignored; rename it to mail.yaml (file-extension)',
      'subprocessors/notes.md: (file name): the subprocessors folder holds only .yaml files, so this one would be ignored; move it out of the content folder (file-extension)',
    ]);
  });

  it('takes .md beside .mdx in every prose collection, with the same id', () => {
    const dir = writeFixture({
      'faq/where.mdx': null,
      'faq/where.md': validFixture['faq/where.mdx']!,
      'updates/2026-01-01-hello.mdx': null,
      'updates/2026-01-01-hello.md': validFixture['updates/2026-01-01-hello.mdx']!,
    });
    const { content, findings } = readContent(dir, path.dirname(dir));
    expect(findings).toEqual([]);
    expect(content?.faq.map((entry) => [entry.id, entry.file.replace(/^trust-content-\w+\//, ''), entry.format])).toEqual([['where', 'faq/where.md', 'md']]);
    expect(content?.updates.map((entry) => [entry.id, entry.format])).toEqual([['2026-01-01-hello', 'md']]);
    expect(content?.whitepaper.map((entry) => entry.format)).toEqual(['mdx', 'mdx']);
  });

  it('refuses two files for one id, whatever their extensions, in one line', () => {
    expect(lines({ 'faq/where.md': validFixture['faq/where.mdx']!, 'subprocessor-changes/2026-01-01-first-list.md': validFixture['subprocessor-changes/2026-01-01-first-list.mdx']! })).toEqual([
      'faq/where.mdx: (file name): "where" is also faq/where.md: one entry is one file, whatever its extension; keep one of the two (duplicate-id)',
      'subprocessor-changes/2026-01-01-first-list.mdx: (file name): "2026-01-01-first-list" is also subprocessor-changes/2026-01-01-first-list.md: one entry is one file, whatever its extension; keep one of the two (duplicate-id)',
    ]);
  });

  it('ignores hidden files, as Astro does', () => {
    expect(lines({ 'faq/.DS_Store': 'binary', 'subprocessors/.gitkeep': '', '.git/config': '[core]' })).toEqual([]);
  });

  it('refuses symbolic links, to files or folders, inside or outside the content folder, without reading them', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'trust-outside-'));
    writeFileSync(path.join(outside, 'secret.yaml'), 'name: [not even valid YAML');
    mkdirSync(path.join(outside, 'faq'));
    try {
      expect(
        lines({ 'company.yaml': null }, (dir) => {
          symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'subprocessors/secret.yaml'));
          symlinkSync(path.join(dir, 'subprocessors/cloud.yaml'), path.join(dir, 'subprocessors/cloud-copy.yaml'));
          symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'company.yaml'));
          rmSync(path.join(dir, 'faq'), { recursive: true });
          symlinkSync(path.join(outside, 'faq'), path.join(dir, 'faq'));
        }),
      ).toEqual([
        'company.yaml: (file): is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in) (symlink)',
        'faq: (folder): is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in) (symlink)',
        'subprocessors/cloud-copy.yaml: (file): is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in) (symlink)',
        'subprocessors/secret.yaml: (file): is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in) (symlink)',
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('suggests the right name for a single file written with another extension', () => {
    expect(lines({ 'company.yaml': null, 'company.yml': validFixture['company.yaml']! })).toEqual([
      'company.yaml: (file): the company file is missing (found company.yml: rename it to company.yaml) (missing-file)',
    ]);
  });

  it('says so in one line when a file stands where a folder should, or the reverse', () => {
    expect(lines({ 'faq/where.mdx': null }, (dir) => writeFileSync(path.join(dir, 'faq'), 'x'))).toEqual([
      'faq: (file): the faq folder is a file (missing-file)',
    ]);
    expect(lines({ 'retention.yaml': null, 'retention.yaml/x': 'x' })).toEqual(['retention.yaml: (file): the retention file is a folder (missing-file)']);
  });
});

describe('the content folder itself', () => {
  const read = (dir: string) => readContent(dir, path.dirname(dir)).findings.map(formatFinding);
  const base = () => mkdtempSync(path.join(tmpdir(), 'trust-root-'));

  it('says in one line that it does not exist', () => {
    const root = base();
    expect(read(path.join(root, 'missing'))).toEqual([
      'missing: (folder): the content folder does not exist (set CONTENT_DIR to the folder that holds company.yaml) (content-dir)',
    ]);
  });

  it('says in one line that it is a file', () => {
    const root = base();
    writeFileSync(path.join(root, 'content'), 'x');
    expect(read(path.join(root, 'content'))).toEqual([
      'content: (folder): the content folder is a file, not a folder (set CONTENT_DIR to the folder that holds company.yaml) (content-dir)',
    ]);
  });

  it('says in one line that it is empty (hidden files do not count)', () => {
    const root = base();
    mkdirSync(path.join(root, 'content'));
    writeFileSync(path.join(root, 'content/.DS_Store'), 'x');
    expect(read(path.join(root, 'content'))).toEqual([
      'content: (folder): the content folder is empty (it needs company.yaml and the collection folders the README lists) (content-dir)',
    ]);
  });

  it('refuses CONTENT_DIR set to an empty string, which would otherwise mean the project root', () => {
    expect(contentDirSettingProblem({ CONTENT_DIR: '' })).toMatchObject({
      file: 'CONTENT_DIR',
      message: 'is set but empty; unset it to build content/, or set it to the content folder',
      rule: 'content-dir',
    });
    expect(contentDirSettingProblem({})).toBeUndefined();
    expect(contentDirSettingProblem({ CONTENT_DIR: 'other' })).toBeUndefined();
  });
});
