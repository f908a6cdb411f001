import { describe, expect, it } from 'vitest';
import type { LoadedContent, LoadedEntry } from '../../src/lib/content/read.ts';
import { checkCertificationDates } from '../../src/lib/rules/certifications.ts';
import { formatFinding, type Finding } from '../../src/lib/rules/finding.ts';
import { checkReferences } from '../../src/lib/rules/references.ts';
import { checkUniqueIds } from '../../src/lib/rules/unique-ids.ts';
import { checkNotEmpty, checkSectionNumbers, compareSectionNumbers } from '../../src/lib/rules/whitepaper.ts';
import type { Certification } from '../../src/schemas/certification.ts';
import type { WhitepaperSection } from '../../src/schemas/whitepaper.ts';

// Rules take "today" as a parameter; a fixed date keeps these tests true as the calendar moves.
const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const messages = (findings: Finding[]) => findings.map(formatFinding);

function certification(data: Partial<Certification>, file = 'content/certifications/iso-27001.yaml'): LoadedEntry<Certification> {
  return {
    id: 'iso-27001',
    file,
    data: { framework: 'ISO/IEC 27001:2022', kind: 'certification', status: 'in-progress', order: 1, statement: 'Started.', evidence: [], ...data },
  };
}

describe('certification dates (stale-certification, certification-target-soon, expired-certificate)', () => {
  it('accepts a target more than 30 days ahead', () => {
    expect(checkCertificationDates([certification({ target: date('2027-01-31') })], today)).toEqual([]);
  });

  it('fails a target that has passed while the status is still in progress', () => {
    expect(messages(checkCertificationDates([certification({ target: date('2026-11-26') })], today))).toEqual([
      'content/certifications/iso-27001.yaml: target: 2026-11-26 has passed while status is "in progress" (stale-certification)',
    ]);
  });

  it('warns, without failing, within 30 days of the target', () => {
    const findings = checkCertificationDates([certification({ target: date('2026-12-27') })], today);
    expect(messages(findings)).toEqual([
      'content/certifications/iso-27001.yaml: target: 2026-12-27 is 30 days away while status is "in progress" (certification-target-soon)',
    ]);
    expect(findings[0]?.severity).toBe('warning');
  });

  it('treats the target day itself as not yet passed', () => {
    expect(messages(checkCertificationDates([certification({ target: today })], today))).toEqual([
      'content/certifications/iso-27001.yaml: target: 2026-11-27 is 0 days away while status is "in progress" (certification-target-soon)',
    ]);
  });

  it('ignores a passed target once the work is done', () => {
    expect(checkCertificationDates([certification({ status: 'certified', target: date('2026-01-01') })], today)).toEqual([]);
  });

  it('accepts a certificate that is still valid', () => {
    expect(checkCertificationDates([certification({ status: 'certified', validUntil: date('2027-06-30') })], today)).toEqual([]);
  });

  it('fails a certificate past its valid-until date', () => {
    expect(messages(checkCertificationDates([certification({ status: 'certified', validUntil: date('2026-10-31') })], today))).toEqual([
      'content/certifications/iso-27001.yaml: validUntil: 2026-10-31 has passed while status is "certified"; renew it or set status to "expired" (expired-certificate)',
    ]);
  });

  it('accepts a lapsed certificate that says it is expired', () => {
    expect(checkCertificationDates([certification({ status: 'expired', validUntil: date('2026-10-31') })], today)).toEqual([]);
  });
});

function section(id: string, number: string, body = 'Text.', draft = false): LoadedEntry<WhitepaperSection> {
  return { id, file: `content/whitepaper/${id}.mdx`, data: { number, title: id, summary: 's', lastReviewed: today, keywords: [], draft }, body };
}

describe('whitepaper structure (duplicate-section-number, orphan-subsection, empty-section)', () => {
  it('accepts sections with their subsections', () => {
    expect(checkSectionNumbers([section('a', '1'), section('b', '2'), section('c', '2.1')])).toEqual([]);
  });

  it('fails two sections with one number', () => {
    expect(messages(checkSectionNumbers([section('a', '2'), section('b', '2')]))).toEqual([
      'content/whitepaper/b.mdx: number: 2 is also the number of content/whitepaper/a.mdx (duplicate-section-number)',
    ]);
  });

  it('fails a subsection whose section does not exist', () => {
    expect(messages(checkSectionNumbers([section('a', '1'), section('b', '3.1')]))).toEqual([
      'content/whitepaper/b.mdx: number: 3.1 is a subsection of 3, which does not exist (orphan-subsection)',
    ]);
  });

  it('fails a published subsection of a draft section, and accepts drafts together', () => {
    expect(messages(checkSectionNumbers([section('a', '1', 'Text.', true), section('b', '1.1')]))).toEqual([
      'content/whitepaper/b.mdx: draft: 1.1 is published but its section 1 is a draft; make both drafts or publish both (draft-parent)',
    ]);
    expect(checkSectionNumbers([section('a', '1', 'Text.', true), section('b', '1.1', 'Text.', true)])).toEqual([]);
    expect(checkSectionNumbers([section('a', '1'), section('b', '1.1', 'Text.', true)])).toEqual([]);
  });

  it('accepts a section with text and fails one without', () => {
    expect(checkNotEmpty([section('a', '1')], 'section')).toEqual([]);
    expect(messages(checkNotEmpty([section('a', '1', '\n  \n')], 'section'))).toEqual([
      'content/whitepaper/a.mdx: (body): the section has no text (empty-section)',
    ]);
  });

  it('orders numbers as a reader expects', () => {
    expect(['10', '2.2', '1', '2', '2.1'].sort(compareSectionNumbers)).toEqual(['1', '2', '2.1', '2.2', '10']);
  });
});

describe('references (unknown-reference, draft-reference)', () => {
  const base = {
    whitepaper: [section('encryption', '1')],
    subprocessors: [{ id: 'aws', file: 'content/subprocessors/aws.yaml', data: {} }],
    faq: [
      {
        id: 'where',
        file: 'content/faq/where.mdx',
        data: { question: 'Where?', category: 'Data', order: 1, sections: ['encryption'], subprocessors: ['aws'], keywords: [], draft: false },
        body: 'There.',
      },
    ],
    controls: [
      { id: 'tls', file: 'content/controls.yaml', data: { id: 'tls', title: 'TLS', category: 'Encryption', statement: 'TLS.', section: 'encryption', keywords: [] } },
    ],
  } as unknown as Pick<LoadedContent, 'whitepaper' | 'faq' | 'controls' | 'subprocessors'>;

  it('accepts references that resolve', () => {
    expect(checkReferences(base)).toEqual([]);
  });

  it('fails a question citing a section or sub-processor that does not exist', () => {
    const faq = [{ ...base.faq[0]!, data: { ...base.faq[0]!.data, sections: ['encryption', 'encrypton'], subprocessors: ['azure'] } }];
    expect(messages(checkReferences({ ...base, faq }))).toEqual([
      'content/faq/where.mdx: sections.1: "encrypton" is not a whitepaper section; did you mean "encryption"? (unknown-reference)',
      'content/faq/where.mdx: subprocessors.0: "azure" is not a sub-processor (unknown-reference)',
    ]);
    // The hint under each line lists the ids that would be valid there.
    expect(checkReferences({ ...base, faq }).map((finding) => finding.hint)).toEqual(['valid whitepaper sections: encryption', 'valid sub-processors: aws']);
  });

  it('fails a control citing a section that does not exist', () => {
    const controls = [{ ...base.controls[0]!, data: { ...base.controls[0]!.data, section: 'crypto' } }];
    expect(messages(checkReferences({ ...base, controls }))).toEqual([
      'content/controls.yaml: tls.section: "crypto" is not a whitepaper section (unknown-reference)',
    ]);
  });

  it('fails a published question or control citing a draft section; a draft question may', () => {
    const whitepaper = [section('encryption', '1', 'Text.', true)];
    expect(messages(checkReferences({ ...base, whitepaper }))).toEqual([
      'content/faq/where.mdx: sections.0: "encryption" is a draft section; publish it or remove the reference (draft-reference)',
      'content/controls.yaml: tls.section: "encryption" is a draft section; publish it or remove the reference (draft-reference)',
    ]);
    const faq = [{ ...base.faq[0]!, data: { ...base.faq[0]!.data, draft: true } }];
    expect(messages(checkReferences({ ...base, whitepaper, faq, controls: [] }))).toEqual([]);
  });
});

describe('unique ids (duplicate-id)', () => {
  it('accepts distinct ids', () => {
    expect(checkUniqueIds([{ id: 'a', file: 'content/controls.yaml' }, { id: 'b', file: 'content/controls.yaml' }])).toEqual([]);
  });

  it('fails an id used twice', () => {
    expect(messages(checkUniqueIds([{ id: 'mfa', file: 'content/controls.yaml' }, { id: 'mfa', file: 'content/controls.yaml' }]))).toEqual([
      'content/controls.yaml: mfa.id: "mfa" is used by more than one entry (duplicate-id)',
    ]);
  });
});
