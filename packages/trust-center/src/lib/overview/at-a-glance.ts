import type { Certification, CertificationStatus } from '../../schemas/certification.ts';
import type { Company } from '../../schemas/company.ts';
import type { Control } from '../../schemas/control.ts';
import { fieldsByStatus } from '../certifications/facts.ts';
import { inEffectOrder, isUpcoming, type ChangeEvent } from '../subprocessors/changes.ts';

/**
 * The facts of the overview's "at a glance" band, each derived from content and nothing else: a
 * trust center's every claim must be provable from its files. A fact the content does not state is
 * left out (undefined or an empty list), never filled in.
 */
export interface AtAGlance {
  /** Every certification in the company's order, with the one date that matters for its status. */
  certifications: { id: string; framework: string; status: CertificationStatus; date?: GlanceDate }[];
  /** company.yaml `hostingRegion`: where customer data is hosted. */
  hosting: Company['hostingRegion'];
  /** The countries the sub-processors on today's list process data in (their `locations`), most sub-processors first, ties by code. */
  processingCountries: string[];
  /** Key facts of controls mapped to a cryptography requirement (ISO 27001 8.24, CCM CEK-*), with the whitepaper section that states them. */
  encryption: { label: string; value: string; section: string }[];
  /** The sub-processor change that takes effect next, after today. */
  nextChange?: ChangeEvent;
  /** The latest content change (the document version's date, lib/document-version.ts), not after today. */
  lastUpdated: Date;
}

/** A certification's date for the band: which field it is (the card's label) and its value. */
export type GlanceDate = { field: 'target'; value: Date | string } | { field: 'since' | 'validUntil'; value: Date };

/**
 * The date a reader asks about first, among those the status allows (lib/certifications/facts.ts):
 * when it is due (target, or its label such as "Q3 2027"), else until when it holds, else since when.
 */
export function glanceDate(c: Certification): GlanceDate | undefined {
  const allowed = fieldsByStatus[c.status];
  if (allowed.includes('target')) {
    const target = c.targetLabel ?? c.target;
    if (target !== undefined) return { field: 'target', value: target };
  }
  if (allowed.includes('validUntil') && c.validUntil) return { field: 'validUntil', value: c.validUntil };
  if (allowed.includes('since') && c.since) return { field: 'since', value: c.since };
  return undefined;
}

/** ISO/IEC 27001:2022 Annex A 8.24 "Use of cryptography" and the CSA CCM domain CEK (cryptography, encryption and key management). */
export function isCryptographyControl(control: Pick<Control, 'frameworks'>): boolean {
  return Boolean(control.frameworks?.iso27001?.includes('8.24') || control.frameworks?.ccm?.some((id) => id.startsWith('CEK-')));
}

export interface AtAGlanceInput {
  company: Pick<Company, 'hostingRegion'>;
  certifications: { id: string; data: Certification }[];
  /** Controls in the order the overview lists key facts. */
  controls: { data: Pick<Control, 'frameworks' | 'keyFact' | 'section'> }[];
  /** The sub-processors on the list today, with their locations. */
  current: { data: { locations: string[] } }[];
  /** The whole change log. */
  changes: ChangeEvent[];
  /** The latest content change (the document version's date). */
  lastUpdated: Date;
  today: Date;
}

export function atAGlance(input: AtAGlanceInput): AtAGlance {
  const counts = new Map<string, number>();
  for (const entry of input.current) for (const code of new Set(entry.data.locations)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const processingCountries = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).map(([code]) => code);
  const nextChange = inEffectOrder(input.changes.filter((event) => isUpcoming(event, input.today)))[0];
  return {
    certifications: input.certifications.map(({ id, data }) => {
      const date = glanceDate(data);
      return { id, framework: data.framework, status: data.status, ...(date ? { date } : {}) };
    }),
    hosting: input.company.hostingRegion,
    processingCountries,
    encryption: input.controls.flatMap(({ data }) => (data.keyFact && isCryptographyControl(data) ? [{ ...data.keyFact, section: data.section }] : [])),
    ...(nextChange ? { nextChange } : {}),
    lastUpdated: input.lastUpdated,
  };
}
