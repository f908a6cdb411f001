import type { Certification, CertificationStatus } from '../../schemas/certification';
import type { LoadedEntry } from '../content/read';
import { daysBetween, isoDate } from '../dates';
import { error, type Finding } from './finding';

/** Statuses where the goal has been reached: nothing is targeted any more. */
const REACHED: ReadonlySet<CertificationStatus> = new Set(['certified', 'compliant', 'aligned', 'expired']);
/** Statuses backed by a certificate or report, which is valid until a date. */
const CERTIFICATE: ReadonlySet<CertificationStatus> = new Set(['certified', 'expired']);

const spoken = (status: string) => status.replace(/-/g, ' ');

/**
 * A certification's fields must agree with its status, so a card never shows an old target next to
 * "Certified" or a certificate date on a plan:
 *
 * | status                                  | `since`  | `validUntil`               | `target`, `targetLabel` |
 * | --------------------------------------- | -------- | -------------------------- | ----------------------- |
 * | certified                               | optional | required                   | not allowed             |
 * | expired                                 | optional | required, before today     | not allowed             |
 * | compliant, aligned                      | optional | not allowed                | not allowed             |
 * | in-progress, under-evaluation, planned  | not allowed | not allowed             | optional                |
 *
 * `scope`, `auditor` and `evidence` are allowed in every status: an engaged auditor or an intended
 * scope is true before the work is done. Renewing an expired certificate is "in-progress" with a target.
 */
export function checkCertificationStatus(entries: LoadedEntry<Certification>[], today: Date): Finding[] {
  const findings: Finding[] = [];
  for (const { file, data } of entries) {
    const status = `status is "${spoken(data.status)}"`;
    const fail = (field: string, message: string) => findings.push(error(file, field, message, 'certification-status'));
    if (REACHED.has(data.status)) {
      if (data.target) fail('target', `is set while ${status}; a target belongs to work not yet done, remove it`);
      if (data.targetLabel) fail('targetLabel', `is set while ${status}; a target belongs to work not yet done, remove it`);
    } else if (data.since) {
      fail('since', `is set while ${status}; nothing has been reached yet, remove it`);
    }
    if (CERTIFICATE.has(data.status)) {
      if (!data.validUntil) fail('validUntil', `is required while ${status}: a certificate or report states until when it is valid`);
      else if (data.status === 'expired' && daysBetween(today, data.validUntil) >= 0) {
        fail('validUntil', `${isoDate(data.validUntil)} has not passed, so status cannot be "expired"`);
      }
    } else if (data.validUntil) {
      fail('validUntil', `is set while ${status}; only a certificate ("certified" or "expired") has a valid-until date, remove it`);
    }
  }
  return findings;
}
