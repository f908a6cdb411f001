import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import type { LoadedContent, LoadedEntry } from '../../src/lib/content/read.ts';
import { checkCurrentSubprocessors, nameVariants } from '../../src/lib/rules/current-subprocessors.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import type { Control } from '../../src/schemas/control.ts';
import type { Faq } from '../../src/schemas/faq.ts';
import type { Subprocessor } from '../../src/schemas/subprocessor.ts';
import type { SubprocessorChange } from '../../src/schemas/subprocessor-change.ts';
import type { WhitepaperSection } from '../../src/schemas/whitepaper.ts';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';

const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

const subprocessor = (id: string, name: string) => ({ id, file: `content/subprocessors/${id}.yaml`, data: { name } as Subprocessor });
const change = (id: string, data: Omit<Partial<SubprocessorChange>, 'announced' | 'effective'> & { announced: string; effective: string }) => ({
  id,
  file: `content/subprocessor-changes/${id}.mdx`,
  data: { type: 'added', ...data, announced: date(data.announced), effective: date(data.effective) } as SubprocessorChange,
  body: 'Why.',
});
const faq = (id: string, subprocessors: string[], body: string, draft = false): LoadedEntry<Faq> => ({
  id,
  file: `content/faq/${id}.mdx`,
  data: { question: 'Who processes my data?', category: 'Data', order: 1, sections: [], subprocessors, keywords: [], draft },
  body,
});
const section = (id: string, body: string, draft = false): LoadedEntry<WhitepaperSection> => ({
  id,
  file: `content/whitepaper/${id}.mdx`,
  data: { number: '1', title: 'Hosting', summary: 'Where data lives.', lastReviewed: today, keywords: [], draft },
  body,
});
const control = (statement: string): LoadedEntry<Control> => ({
  id: 'hosting',
  file: 'content/controls.yaml',
  data: { id: 'hosting', title: 'Hosting', category: 'Infrastructure', statement, section: 'hosting', keywords: [] },
});

// Example Cloud is listed; Example Mail was removed on 2026-06-01; Example Search joins on 2027-01-15.
const base = {
  subprocessors: [subprocessor('cloud', 'Example Cloud'), subprocessor('mail', 'Example Mail'), subprocessor('search', 'Example Search (ES)')],
  subprocessorChanges: [
    change('2026-01-01-list', { type: 'baseline', subprocessors: ['cloud', 'mail'], announced: '2026-01-01', effective: '2026-01-01' }),
    change('2026-05-01-mail', { type: 'removed', subprocessor: 'mail', announced: '2026-05-01', effective: '2026-06-01' }),
    change('2026-12-01-search', { subprocessor: 'search', announced: '2026-12-01', effective: '2027-01-15' }),
  ],
  faq: [faq('where', ['cloud'], 'Example Cloud hosts it in Frankfurt.')],
  whitepaper: [section('hosting', 'Data is hosted by Example Cloud.')],
  controls: [control('Example Cloud encrypts data at rest.')],
} as unknown as Pick<LoadedContent, 'subprocessors' | 'subprocessorChanges' | 'faq' | 'whitepaper' | 'controls'>;
const check = (changes: Partial<typeof base>) => checkCurrentSubprocessors({ ...base, ...changes }, today);

describe('only sub-processors on the list are named as current (not-current-subprocessor)', () => {
  it('accepts content naming only listed sub-processors', () => {
    expect(check({})).toEqual([]);
  });

  it('fails an answer that lists a removed or not yet added sub-processor', () => {
    const findings = check({ faq: [faq('where', ['cloud', 'mail', 'search'], 'In Frankfurt.')] });
    expect(findings.map(formatFinding)).toEqual([
      'content/faq/where.mdx: subprocessors.1: "mail" was removed from the sub-processor list on 2026-06-01; remove the reference (not-current-subprocessor)',
      'content/faq/where.mdx: subprocessors.2: "search" is not on the sub-processor list until 2027-01-15; remove the reference (not-current-subprocessor)',
    ]);
    expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
  });

  it('warns about prose that names one, in answers, sections and controls', () => {
    const findings = check({
      faq: [faq('where', ['cloud'], 'Mail goes through Example Mail.')],
      whitepaper: [section('hosting', 'Search runs on ES, which\nExample  Search provides.')],
      controls: [control('Example Mail signs every message.')],
    });
    expect(findings.map(formatFinding)).toEqual([
      'content/faq/where.mdx: (body): names Example Mail, which was removed from the sub-processor list on 2026-06-01 (not-current-subprocessor)',
      'content/whitepaper/hosting.mdx: (body): names Example Search (ES), which is not on the sub-processor list until 2027-01-15 (not-current-subprocessor)',
      'content/controls.yaml: hosting.statement: names Example Mail, which was removed from the sub-processor list on 2026-06-01 (not-current-subprocessor)',
    ]);
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  it('matches whole names only, with their capitals, and not inside a listed name', () => {
    const listed = [...base.subprocessors, subprocessor('mail-pro', 'Example Mail Pro')];
    const changes = [...base.subprocessorChanges, change('2026-02-01-pro', { subprocessor: 'mail-pro', announced: '2026-02-01', effective: '2026-03-15' })];
    expect(
      check({
        subprocessors: listed,
        subprocessorChanges: changes,
        faq: [faq('where', ['cloud'], 'Example Mailer, example mail and Example Mail Pro send messages; ESLint and THE ESSENTIALS are tools.')],
      }),
    ).toEqual([]);
  });

  it('skips drafts, which are not published', () => {
    expect(check({ faq: [faq('draft', ['mail'], 'Example Mail.', true)], whitepaper: [section('hosting', 'Example Mail.', true)] })).toEqual([]);
  });

  it('splits a name with a short form in brackets', () => {
    expect(nameVariants('Amazon Web Services (AWS)')).toEqual(['Amazon Web Services (AWS)', 'Amazon Web Services', 'AWS']);
    expect(nameVariants('Example Cloud')).toEqual(['Example Cloud']);
  });
});

describe('a content folder whose whitepaper still names a removed sub-processor', () => {
  it('builds, with one warning naming the file', () => {
    const dir = writeFixture({
      'subprocessors/mail.yaml': 'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n',
      'subprocessor-changes/2026-02-01-mail.mdx': '---\ntype: added\nsubprocessor: mail\nannounced: 2026-02-01\neffective: 2026-03-05\n---\n\nEmail delivery moves to Example Mail.\n',
      'subprocessor-changes/2026-05-01-mail.mdx': '---\ntype: removed\nsubprocessor: mail\nannounced: 2026-05-01\neffective: 2026-06-01\n---\n\nEmail delivery moves in-house.\n',
      'whitepaper/overview.mdx': validFixture['whitepaper/overview.mdx']!.replace('Example makes software.', 'Example makes software. Example Mail delivers its e-mail.'),
    });
    try {
      const checked = validateContent(dir, today, dir);
      expect(checked.errors).toEqual([]);
      expect(checked.warnings).toEqual([
        'whitepaper/overview.mdx: (body): names Example Mail, which was removed from the sub-processor list on 2026-06-01 (not-current-subprocessor)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
