/**
 * A framework whose requirement ids controls may name (`frameworks` in content/controls.yaml).
 * Only ids and our own short group names are shipped: the requirements' text belongs to each
 * framework's publisher, and a reader follows `source.url` for it.
 */
export interface Framework {
  /** The key of the field in a control's `frameworks` object, for example `iso27001`. */
  key: FrameworkKey;
  /** The URL segment of its page under /controls/, for example `iso-27001`. */
  slug: string;
  /** The framework's name as its publisher writes it, with the edition. */
  name: string;
  /** A short name for labels beside ids, for example "ISO/IEC 27001". */
  shortName: string;
  /** What one id names, with its article, for messages: `"5.99" is not <noun>`. */
  noun: string;
  /** The edition the ids are taken from. */
  version: string;
  /** Written before an id when it is shown (ISO's "A." for Annex A); content never writes it. */
  displayPrefix: string;
  /** Where the ids come from: the publisher and the official document's page. */
  source: { publisher: string; title: string; url: string };
  /** The requirements in the framework's own order, in groups (themes, criteria series, domains). */
  groups: readonly FrameworkGroup[];
}

export interface FrameworkGroup {
  /** A short neutral name of the group, in our words. */
  label: string;
  /** Every valid id of the group, in order. */
  ids: readonly string[];
}

/** The frameworks a control can reference, by the key of its field. */
export type FrameworkKey = 'iso27001' | 'soc2' | 'ccm';

/** `prefix` followed by 1..count, each number padded to `width` digits: ("5.", 3) → 5.1, 5.2, 5.3. */
export function numbered(prefix: string, count: number, width = 1): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(width, '0')}`);
}
