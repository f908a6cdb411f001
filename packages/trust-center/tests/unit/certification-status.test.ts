import { describe, expect, it } from 'vitest';
import type { LoadedEntry } from '../../src/lib/content/read.ts';
import { fieldsByStatus } from '../../src/lib/certifications/facts.ts';
import { certificationFields, checkCertificationStatus } from '../../src/lib/rules/certification-status.ts';
import { formatFinding, type Finding } from '../../src/lib/rules/finding.ts';
import { certificationStatuses, type Certification } from '../../src/schemas/certification.ts';

const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const messages = (findings: Finding[]) => findings.map(formatFinding);
const file = 'content/certifications/iso.yaml';

function certification(data: Partial<Certification>): LoadedEntry<Certification> {
  return {
    id: 'iso',
    file,
    data: { framework: 'ISO/IEC 27001:2022', kind: 'certification', status: 'in-progress', order: 1, statement: 'Started.', evidence: [], ...data },
  };
}
const check = (data: Partial<Certification>) => messages(checkCertificationStatus([certification(data)], today));

describe('certification fields agree with the status (certification-status)', () => {
  it('accepts each status with the fields it may carry', () => {
    expect(check({ status: 'certified', since: date('2026-01-10'), validUntil: date('2029-01-09'), auditor: 'Example Certification Body', scope: 'All' })).toEqual([]);
    expect(check({ status: 'expired', since: date('2023-01-10'), validUntil: date('2026-01-09') })).toEqual([]);
    expect(check({ status: 'compliant', since: date('2018-05-25') })).toEqual([]);
    expect(check({ status: 'compliant', since: date('2026-01-10'), validUntil: date('2027-01-09') })).toEqual([]);
    expect(check({ status: 'aligned' })).toEqual([]);
    expect(check({ status: 'in-progress', target: date('2027-06-30'), targetLabel: 'H1 2027', auditor: 'Example Certification Body' })).toEqual([]);
    expect(check({ status: 'under-evaluation', targetLabel: 'Timeline to be confirmed' })).toEqual([]);
    expect(check({ status: 'planned', target: date('2027-12-31') })).toEqual([]);
  });

  it('fails an old target left on a certificate', () => {
    expect(check({ status: 'certified', validUntil: date('2029-01-09'), target: date('2026-12-31'), targetLabel: 'H2 2026' })).toEqual([
      `${file}: target: is set while status is "certified"; a target belongs to work not yet done, remove it (certification-status)`,
      `${file}: targetLabel: is set while status is "certified"; a target belongs to work not yet done, remove it (certification-status)`,
    ]);
    expect(check({ status: 'compliant', target: date('2026-12-31') })).toEqual([
      `${file}: target: is set while status is "compliant"; a target belongs to work not yet done, remove it (certification-status)`,
    ]);
  });

  it('fails certificate dates on work not done', () => {
    expect(check({ status: 'planned', since: date('2026-01-01'), validUntil: date('2029-01-01') })).toEqual([
      `${file}: since: is set while status is "planned"; nothing has been reached yet, remove it (certification-status)`,
      `${file}: validUntil: is set while status is "planned"; only a framework that is "certified", "expired" or "compliant" has a valid-until date, remove it (certification-status)`,
    ]);
    expect(check({ status: 'in-progress', validUntil: date('2029-01-01') })).toEqual([
      `${file}: validUntil: is set while status is "in progress"; only a framework that is "certified", "expired" or "compliant" has a valid-until date, remove it (certification-status)`,
    ]);
    expect(check({ status: 'aligned', validUntil: date('2029-01-01') })).toEqual([
      `${file}: validUntil: is set while status is "aligned"; only a framework that is "certified", "expired" or "compliant" has a valid-until date, remove it (certification-status)`,
    ]);
  });

  it('fails a certificate without a valid-until date', () => {
    expect(check({ status: 'certified', since: date('2026-01-10') })).toEqual([
      `${file}: validUntil: is required while status is "certified": a certificate or report states until when it is valid (certification-status)`,
    ]);
    expect(check({ status: 'expired' })).toEqual([
      `${file}: validUntil: is required while status is "expired": a certificate or report states until when it is valid (certification-status)`,
    ]);
  });

  it('fails "expired" while the certificate is still valid, today included', () => {
    expect(check({ status: 'expired', validUntil: today })).toEqual([
      `${file}: validUntil: 2026-11-27 has not passed, so status cannot be "expired" (certification-status)`,
    ]);
    expect(check({ status: 'expired', validUntil: date('2026-11-26') })).toEqual([]);
  });
});

describe('what the check accepts is what the cards show', () => {
  it.each(certificationStatuses)('%s: the same dated fields', (status) => {
    const fields = certificationFields[status];
    const accepted = (['target', 'since', 'validUntil'] as const).filter((field) => fields[field] !== 'not allowed');
    expect([...accepted].sort()).toEqual([...fieldsByStatus[status]].sort());
  });
});
