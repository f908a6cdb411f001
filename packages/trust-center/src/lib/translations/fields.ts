import { createHash } from 'node:crypto';
import type { CollectionName } from '../content/collections.ts';

/**
 * The fields of each collection a translation may give, as dotted paths (`*` stands for a list
 * index). Everything else (dates, ids, statuses, orders, links, lists of ids) is single-source: a
 * translation cannot state it, so both languages show the same facts from the same entry. Bodies
 * (.md, .mdx) are translated whole, beside these.
 */
export const translatableFields: Record<CollectionName, readonly string[]> = {
  company: ['description', 'jurisdiction', 'securityReportingNote', 'supervisoryAuthority.name'],
  whitepaper: ['title', 'summary', 'keywords'],
  faq: ['question', 'category', 'keywords'],
  certifications: ['statement', 'targetLabel', 'scope', 'evidence.*.label'],
  controls: ['title', 'category', 'statement', 'keyFact.label', 'keyFact.value', 'keywords'],
  subprocessors: ['purpose', 'category', 'dataCategories', 'locationNote', 'retentionNote', 'keywords'],
  subprocessorChanges: [],
  updates: ['title', 'summary'],
  retention: ['summary', 'tiers.*.data', 'tiers.*.examples', 'tiers.*.rule', 'confirmation.statement'],
  documents: ['title', 'description'],
  questionnaire: ['question', 'answer'],
};

/**
 * Search words, not statements: a translation gives its own list of any length (the words a reader
 * of that language types), and a change to the source's list does not make the translation outdated.
 */
const FREE_LISTS = new Set(['keywords']);

/** Fields that only align a translation's list items with the source's (list files' `id`, retention tiers' `id`): they must equal the source's. */
const ALIGNING = new Set(['id', 'tiers.*.id']);

/**
 * Translatable fields that something is keyed on: a sub-processor's category names its filter page
 * (/subprocessors/category/<slug>/), which must be the same address in every language. Their
 * translation is shown (lib/translations/shown.ts) but never put into the entry's data.
 */
export const keyingFields: Partial<Record<CollectionName, readonly string[]>> = { subprocessors: ['category'] };

/** The field that records which version of the source a translation translates (sourceHash). */
export const TRANSLATES_FIELD = 'translates';

/** A translatable value: text, or a list of texts. */
export type TranslatableValue = string | readonly string[];

/** The pattern of a concrete path: list indices become `*`. */
export function fieldPattern(path: string): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? '*' : part))
    .join('.');
}

/** Whether a concrete path (`tiers.2.rule`) is one a translation of `collection` may give. */
export function isTranslatable(collection: CollectionName, path: string): boolean {
  return translatableFields[collection].includes(fieldPattern(path));
}

/** Whether a path only aligns list items (`id`, `tiers.0.id`). */
export function isAligning(path: string): boolean {
  return ALIGNING.has(fieldPattern(path));
}

/** Whether the path is a free list (keywords): any length, not part of the source version. */
export function isFreeList(path: string): boolean {
  return FREE_LISTS.has(fieldPattern(path));
}

/**
 * The translatable values of a source entry's data, by concrete path, in a stable order: texts and
 * lists of texts whose path matches the collection's table.
 */
export function translatableValues(collection: CollectionName, data: unknown): Map<string, TranslatableValue> {
  const values = new Map<string, TranslatableValue>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      if (path && isTranslatable(collection, path)) values.set(path, value as TranslatableValue);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index)));
    else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(data, '');
  return values;
}

/**
 * The version of a source entry a translation translates: a hash of its translatable values (free
 * lists left out) and its body. A translation records it in `translates`; when the source's text
 * changes, the hash changes and the translation is outdated until it is updated and re-recorded.
 * A change to a single-source field (a date, a status) changes no hash: both languages show it anyway.
 */
export function sourceHash(collection: CollectionName, data: unknown, body?: string): string {
  const stated = [...translatableValues(collection, data)].filter(([path]) => !isFreeList(path));
  const text = JSON.stringify({ fields: stated, body: (body ?? '').replace(/\r\n/g, '\n').trim() });
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/**
 * The source's data with the translation's values put in place; paths the translation does not
 * give keep the source's text. The source is never changed.
 */
export function mergeTranslation<T>(data: T, values: ReadonlyMap<string, TranslatableValue>): T {
  const copy = structuredClone(data) as unknown;
  for (const [path, value] of values) {
    const parts = path.split('.');
    const last = parts.pop();
    // The rules only let through paths the source has (or top-level free lists), so the walk finds each parent.
    const target = parts.reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), copy);
    if (last !== undefined && typeof target === 'object' && target !== null) (target as Record<string, unknown>)[last] = Array.isArray(value) ? [...value] : value;
  }
  return copy as T;
}
