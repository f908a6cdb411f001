import type { TranslatableValue } from './fields.ts';

// The translated text of fields that stay the source's in an entry's data because something is keyed
// on them (a sub-processor's category names its filter page's address, the same in every language):
// shown in the translation's words, never used as a key. Keyed by the entry's data object.
const shown = new WeakMap<object, ReadonlyMap<string, TranslatableValue>>();

/** Records what a localized entry's keying fields read as in its language (lib/translations/localize.ts). */
export function setShownValues(data: object, values: ReadonlyMap<string, TranslatableValue>): void {
  if (values.size > 0) shown.set(data, values);
}

/** The text to show for a keying field: its translation where the entry has one, else the data's own value. */
export function shownText(data: object, path: string, value: string): string {
  const translated = shown.get(data)?.get(path);
  return typeof translated === 'string' ? translated : value;
}
