import { useTranslations } from '../../i18n/index.ts';
import { transferMechanisms, type Subprocessor } from '../../schemas/subprocessor.ts';
import { capitalize, countryName } from '../format.ts';

const t = useTranslations();

/**
 * How a sub-processor's fields read to a person: one label and one wording per field, used by the
 * table, its page, the change pages, the feeds, the CSV and the PDFs alike, so they cannot say
 * different things about the same entry (the table once said "Not stated" where the page stated
 * the retention terms).
 */

export type SubprocessorField = keyof Subprocessor;

/** A value as a change event may record it (see the change schema). */
export type FieldValue = string | number | boolean | string[];

const l = t.subprocessors;

/** The label of each field, the same words the pages use for it. */
export const fieldLabels: Record<SubprocessorField, string> = {
  name: l.name,
  legalEntity: l.legalEntity,
  headquarters: l.headquarters,
  purpose: l.purpose,
  category: l.category,
  dataCategories: l.dataCategories,
  locations: l.locations,
  locationNote: l.locationNote,
  transferMechanism: l.transfer,
  zeroDataRetention: l.zeroRetention,
  retentionNote: l.retention,
  website: l.website,
  keywords: l.keywords,
};

/** True when `field` names a sub-processor field (change events name fields by their key). */
export function isSubprocessorField(field: string): field is SubprocessorField {
  return Object.hasOwn(fieldLabels, field);
}

/** A field's label; an unknown key (which the content check refuses) is shown as written. */
export function fieldLabel(field: string): string {
  return isSubprocessorField(field) ? fieldLabels[field] : field;
}

const countries = (codes: string[], language: string) => codes.map((code) => countryName(code, language)).join(', ');
const isMechanism = (value: string): value is (typeof transferMechanisms)[number] => (transferMechanisms as readonly string[]).includes(value);

/**
 * A field's value as the pages word it: countries by name, the transfer mechanism by its name,
 * the category capitalised, yes/no in words, lists joined, an empty value as "None".
 */
export function fieldValue(field: string, value: FieldValue, language = 'en'): string {
  const list = Array.isArray(value) ? value : [String(value)];
  if (typeof value === 'boolean') return value ? l.yes : l.no;
  if (list.length === 0 || (list.length === 1 && list[0] === '')) return l.none;
  switch (field) {
    case 'locations':
    case 'headquarters':
      return countries(list, language);
    case 'transferMechanism':
      return list.map((mechanism) => (isMechanism(mechanism) ? t.transfers[mechanism] : mechanism)).join(', ');
    case 'category':
      return list.map(capitalize).join(', ');
    case 'dataCategories':
      return list.join('; ');
    default:
      return list.join(', ');
  }
}

/** The retention terms as every output states them: the note, with zero data retention said first where it applies. */
export function retentionText(s: Pick<Subprocessor, 'zeroDataRetention' | 'retentionNote'>): string {
  if (s.zeroDataRetention) return s.retentionNote ? l.zeroRetentionWith(s.retentionNote) : l.zeroRetention;
  return s.retentionNote ?? l.notStated;
}

/** The locations as the pages state them: countries by name, with the company's note after them. */
export function locationsText(s: Pick<Subprocessor, 'locations' | 'locationNote'>, language = 'en'): string {
  return countries(s.locations, language) + (s.locationNote ? ` (${s.locationNote})` : '');
}

/** The facts a subscriber needs about one sub-processor, label and value, in reading order. */
export function subprocessorFacts(s: Subprocessor, language = 'en'): { label: string; value: string }[] {
  return [
    { label: l.name, value: s.name },
    ...(s.legalEntity ? [{ label: l.legalEntity, value: s.legalEntity }] : []),
    ...(s.headquarters ? [{ label: l.headquarters, value: countryName(s.headquarters, language) }] : []),
    { label: l.purpose, value: s.purpose },
    { label: l.category, value: fieldValue('category', s.category) },
    { label: l.dataCategories, value: s.dataCategories.length > 0 ? fieldValue('dataCategories', s.dataCategories) : l.notStated },
    { label: l.locations, value: locationsText(s, language) },
    { label: l.transfer, value: fieldValue('transferMechanism', s.transferMechanism) },
    { label: l.retention, value: retentionText(s) },
  ];
}
