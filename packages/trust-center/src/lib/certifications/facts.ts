import { resolveLocale, useTranslations } from '../../i18n/index.ts';
import type { Certification, CertificationStatus } from '../../schemas/certification.ts';
import { formatDate } from '../format.ts';

const t = useTranslations();

/** The dated fields a card can show. */
type DatedField = 'target' | 'since' | 'validUntil';

/**
 * Which dated fields are true of each status. A certified framework has no target any more, a
 * planned one has no certificate dates: a field left over from an earlier status is not shown,
 * whatever the file still says (the content check is where a contradiction is refused).
 */
export const fieldsByStatus: Record<CertificationStatus, readonly DatedField[]> = {
  compliant: ['since', 'validUntil'],
  certified: ['since', 'validUntil'],
  aligned: ['since'],
  'in-progress': ['target'],
  'under-evaluation': ['target'],
  planned: ['target'],
  expired: ['since', 'validUntil'],
};

/** The facts a certification's card states, label and value, in reading order, only those its status allows. */
export function certificationFacts(c: Certification, detailed: boolean, language: string = resolveLocale()): { label: string; value: string }[] {
  const l = t.certifications;
  const shows = (field: DatedField) => fieldsByStatus[c.status].includes(field);
  const date = (d: Date) => formatDate(d, language);
  const target = c.targetLabel ?? (c.target ? date(c.target) : undefined);
  const facts: ({ label: string; value: string } | false | undefined)[] = [
    { label: l.kind, value: t.kinds[c.kind] },
    shows('target') && target !== undefined && { label: l.target, value: target },
    shows('since') && c.since && { label: l.since, value: date(c.since) },
    shows('validUntil') && c.validUntil && { label: c.status === 'expired' ? l.expiredOn : l.validUntil, value: date(c.validUntil) },
    detailed && c.scope !== undefined && { label: l.scope, value: c.scope },
    detailed && c.auditor !== undefined && { label: l.auditor, value: c.auditor },
  ];
  return facts.filter((fact): fact is { label: string; value: string } => Boolean(fact));
}
