import { resolveLocale, useTranslations } from '../../i18n/index.ts';
import { transferMechanisms, type Subprocessor } from '../../schemas/subprocessor.ts';
import { capitalize, countryName } from '../format.ts';
import { shownText } from '../translations/shown.ts';

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

// Looked up on each use, not once at load: a translation's pages word the fields in their language.
const words = () => t.subprocessors;

/** Which of the UI words labels each field. */
const labelWords: Record<SubprocessorField, keyof ReturnType<typeof words>> = {
  name: 'name',
  legalEntity: 'legalEntity',
  headquarters: 'headquarters',
  purpose: 'purpose',
  category: 'category',
  dataCategories: 'dataCategories',
  locations: 'locations',
  locationNote: 'locationNote',
  transferMechanism: 'transfer',
  zeroDataRetention: 'zeroRetention',
  retentionNote: 'retention',
  website: 'website',
  keywords: 'keywords',
};

/** The label of each field, the same words the pages use for it, in the language being rendered. */
export const fieldLabels = new Proxy(labelWords, { get: (keys, field) => words()[keys[field as SubprocessorField]] }) as unknown as Record<SubprocessorField, string>;

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
export function fieldValue(field: string, value: FieldValue, language: string = resolveLocale()): string {
  const list = Array.isArray(value) ? value : [String(value)];
  if (typeof value === 'boolean') return value ? words().yes : words().no;
  if (list.length === 0 || (list.length === 1 && list[0] === '')) return words().none;
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
  if (s.zeroDataRetention) return s.retentionNote ? words().zeroRetentionWith(s.retentionNote) : words().zeroRetention;
  return s.retentionNote ?? words().notStated;
}

/** The locations as the pages state them: countries by name, with the company's note after them. */
export function locationsText(s: Pick<Subprocessor, 'locations' | 'locationNote'>, language: string = resolveLocale()): string {
  return countries(s.locations, language) + (s.locationNote ? ` (${s.locationNote})` : '');
}

/** The facts a subscriber needs about one sub-processor, label and value, in reading order. */
export function subprocessorFacts(s: Subprocessor, language: string = resolveLocale()): { label: string; value: string }[] {
  return [
    { label: words().name, value: s.name },
    ...(s.legalEntity ? [{ label: words().legalEntity, value: s.legalEntity }] : []),
    ...(s.headquarters ? [{ label: words().headquarters, value: countryName(s.headquarters, language) }] : []),
    { label: words().purpose, value: s.purpose },
    { label: words().category, value: fieldValue('category', shownText(s, 'category', s.category)) },
    { label: words().dataCategories, value: s.dataCategories.length > 0 ? fieldValue('dataCategories', s.dataCategories) : words().notStated },
    { label: words().locations, value: locationsText(s, language) },
    { label: words().transfer, value: fieldValue('transferMechanism', s.transferMechanism) },
    { label: words().retention, value: retentionText(s) },
  ];
}
