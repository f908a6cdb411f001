import type { Certification, CertificationStatus } from '../../schemas/certification.ts';
import type { LoadedEntry } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { error, type Finding } from './finding.ts';

type Presence = 'required' | 'optional' | 'not allowed';

/**
 * Which dated fields each status may carry. The certification cards show the same fields
 * (`fieldsByStatus` in lib/certifications/facts.ts; a unit test keeps the two in step), so what
 * the check accepts is exactly what the site states.
 *
 * | status                                 | `since`     | `validUntil`           | `target`, `targetLabel` |
 * | -------------------------------------- | ----------- | ---------------------- | ----------------------- |
 * | certified                              | optional    | required               | not allowed             |
 * | expired                                | optional    | required, before today | not allowed             |
 * | compliant                              | optional    | optional               | not allowed             |
 * | aligned                                | optional    | not allowed            | not allowed             |
 * | in-progress, under-evaluation, planned | not allowed | not allowed            | optional                |
 *
 * `scope`, `auditor` and `evidence` are allowed in every status: an engaged auditor or an intended
 * scope is true before the work is done. Renewing an expired certificate is "in-progress" with a target.
 */
export const certificationFields: Record<CertificationStatus, { since: Presence; validUntil: Presence; target: Presence }> = {
  certified: { since: 'optional', validUntil: 'required', target: 'not allowed' },
  expired: { since: 'optional', validUntil: 'required', target: 'not allowed' },
  compliant: { since: 'optional', validUntil: 'optional', target: 'not allowed' },
  aligned: { since: 'optional', validUntil: 'not allowed', target: 'not allowed' },
  'in-progress': { since: 'not allowed', validUntil: 'not allowed', target: 'optional' },
  'under-evaluation': { since: 'not allowed', validUntil: 'not allowed', target: 'optional' },
  planned: { since: 'not allowed', validUntil: 'not allowed', target: 'optional' },
};

const spoken = (status: string) => status.replace(/-/g, ' ');

/** The statuses that may carry a valid-until date, as a message lists them. */
const withValidity = (Object.keys(certificationFields) as CertificationStatus[])
  .filter((status) => certificationFields[status].validUntil !== 'not allowed')
  .map((status) => `"${spoken(status)}"`)
  .join(', ')
  .replace(/, ([^,]+)$/, ' or $1');

/** A certification's fields must agree with its status (see {@link certificationFields}). */
export function checkCertificationStatus(entries: LoadedEntry<Certification>[], today: Date): Finding[] {
  const findings: Finding[] = [];
  for (const { file, data } of entries) {
    const allowed = certificationFields[data.status];
    const status = `status is "${spoken(data.status)}"`;
    const fail = (field: string, message: string) => findings.push(error(file, field, message, 'certification-status'));
    if (allowed.target === 'not allowed') {
      if (data.target) fail('target', `is set while ${status}; a target belongs to work not yet done, remove it`);
      if (data.targetLabel) fail('targetLabel', `is set while ${status}; a target belongs to work not yet done, remove it`);
    }
    if (allowed.since === 'not allowed' && data.since) fail('since', `is set while ${status}; nothing has been reached yet, remove it`);
    if (allowed.validUntil === 'not allowed' && data.validUntil) {
      fail('validUntil', `is set while ${status}; only a framework that is ${withValidity} has a valid-until date, remove it`);
    } else if (allowed.validUntil === 'required' && !data.validUntil) {
      fail('validUntil', `is required while ${status}: a certificate or report states until when it is valid`);
    } else if (data.status === 'expired' && data.validUntil && daysBetween(today, data.validUntil) >= 0) {
      fail('validUntil', `${isoDate(data.validUntil)} has not passed, so status cannot be "expired"`);
    }
  }
  return findings;
}
