import type { Certification } from '../../schemas/certification.ts';
import type { LoadedEntry } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { error, warning, type Finding } from './finding.ts';

/** Days before a target date from which an unfinished certification warns. */
export const TARGET_WARNING_DAYS = 30;

const spoken = (status: string) => status.replace(/-/g, ' ');

/**
 * Certification dates must stay true as the calendar moves: a target that has passed while the
 * work is still in progress fails, one close to its target warns, and a certificate past its
 * valid-until date fails unless it is marked expired.
 */
export function checkCertificationDates(entries: LoadedEntry<Certification>[], today: Date): Finding[] {
  const findings: Finding[] = [];
  for (const { file, data } of entries) {
    if (data.target && data.status === 'in-progress') {
      const left = daysBetween(today, data.target);
      const target = isoDate(data.target);
      if (left < 0) {
        findings.push(error(file, 'target', `${target} has passed while status is "${spoken(data.status)}"`, 'stale-certification'));
      } else if (left <= TARGET_WARNING_DAYS) {
        findings.push(
          warning(file, 'target', `${target} is ${left} day${left === 1 ? '' : 's'} away while status is "${spoken(data.status)}"`, 'certification-target-soon'),
        );
      }
    }
    // Other statuses may not carry validUntil at all (certification-status reports those).
    if (data.validUntil && (data.status === 'certified' || data.status === 'compliant') && daysBetween(today, data.validUntil) < 0) {
      findings.push(
        error(file, 'validUntil', `${isoDate(data.validUntil)} has passed while status is "${spoken(data.status)}"; renew it or set status to "expired"`, 'expired-certificate'),
      );
    }
  }
  return findings;
}
