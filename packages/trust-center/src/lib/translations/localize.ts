import { getCollection, getEntry, render, type CollectionEntry, type DataEntryMap } from 'astro:content';
import { collectionSources, type CollectionName } from '../content/collections.ts';
import { resolveContentDir } from '../content/paths.ts';
import { isTranslation, sourceLanguage } from '../../i18n/editions.ts';
import { contentLang } from '../../i18n/index.ts';
import { keyingFields, mergeTranslation, sourceHash, translatableValues, type TranslatableValue } from './fields.ts';
import { setShownValues } from './shown.ts';
import { readTranslations } from './read.ts';

/** How an entry's text reads in a page's language. */
export interface Localization {
  /** The language the entry's text is in: the page's, or the source's where it is not translated. */
  language: string;
  /** `source`: the page is in the source language; `current`: translated from the source as it is; `outdated`: translated from an earlier version; `missing`: not translated, shown in the source language. */
  status: 'source' | 'current' | 'outdated' | 'missing';
}

type Name = keyof DataEntryMap & CollectionName;

// Which localization each localized entry has, and the translated body to render in its place.
const localizations = new WeakMap<object, Localization & { body?: CollectionEntry<'translations'> }>();

/** An entry's localization; entries of the source edition have none (they are the source). */
export function localizationOf(entry: object): Localization {
  return localizations.get(entry) ?? { language: sourceLanguage(), status: 'source' };
}

/** Renders an entry's body in its localization's language: the translation's body where there is one. */
export async function renderLocalized<E extends CollectionEntry<Name>>(entry: E) {
  const body = localizations.get(entry)?.body;
  return render((body ?? entry) as CollectionEntry<Name>);
}

// One language's translation files, read once per build (the content rules have checked them).
const translationFiles = new Map<string, Map<string, { values: Map<string, TranslatableValue>; translates: unknown; folder?: string }>>();
function translationsOf(language: string) {
  let byKey = translationFiles.get(language);
  if (byKey && !import.meta.env.DEV) return byKey;
  byKey = new Map();
  for (const file of readTranslations(resolveContentDir(), language).files) {
    const values = new Map<string, TranslatableValue>();
    for (const [path, value] of translatableValues(file.collection, file.fields)) values.set(path, value);
    const source = collectionSources[file.collection];
    byKey.set(`${file.collection}/${file.id}`, { values, translates: file.translates, ...(source.kind === 'folder' && file.body !== undefined ? { folder: source.path } : {}) });
  }
  translationFiles.set(language, byKey);
  return byKey;
}

/**
 * The entries in a language: for a translation language, each entry with its translated fields put
 * over the source's (dates, ids and statuses stay the source's) and its translated body to render;
 * an entry without a translation stays as it is, marked `missing`. The source language's entries are
 * returned as they are.
 */
export async function localizeEntries<N extends Name>(name: N, entries: CollectionEntry<N>[], language: string): Promise<CollectionEntry<N>[]> {
  if (!isTranslation(language)) return entries;
  const translations = translationsOf(language);
  return Promise.all(
    entries.map(async (entry) => {
      const translation = translations.get(`${name}/${entry.id}`);
      if (!translation) {
        const copy = { ...entry };
        localizations.set(copy, { language: sourceLanguage(), status: 'missing' });
        return copy;
      }
      // Keying fields keep the source's value in the data and are shown in the translation's words.
      const keying: readonly string[] = keyingFields[name] ?? [];
      const merged = new Map([...translation.values].filter(([path]) => !keying.includes(path)));
      const data = mergeTranslation(entry.data, merged);
      setShownValues(data as object, new Map([...translation.values].filter(([path]) => keying.includes(path))));
      const current = translation.translates === sourceHash(name, entry.data, (entry as { body?: string }).body);
      const body = translation.folder ? await getEntry('translations', `${language}/${translation.folder}/${entry.id}`) : undefined;
      const copy = { ...entry, data } as CollectionEntry<N>;
      localizations.set(copy, { language, status: current ? 'current' : 'outdated', ...(body ? { body } : {}) });
      return copy;
    }),
  );
}

/** A collection in a language (see localizeEntries), optionally filtered on the source's data. */
export async function getLocalizedCollection<N extends Name>(name: N, language: string, filter?: (entry: CollectionEntry<N>) => boolean): Promise<CollectionEntry<N>[]> {
  const entries = filter ? await getCollection(name, filter as (entry: CollectionEntry<N>) => entry is CollectionEntry<N>) : await getCollection(name);
  return localizeEntries(name, entries, language);
}

/**
 * The `lang` a block of the company's text carries on a page in `page`'s language: on a translation's
 * page, the source's language where the entry is shown untranslated, else nothing (it is in the page's
 * language); on the source's pages, the content's own language where it differs from the UI words'.
 */
export function textLang(entry: object | undefined, page: string, companyLanguage: string | undefined): string | undefined {
  if (isTranslation(page)) {
    const localization = entry ? localizations.get(entry) : undefined;
    return localization?.status === 'missing' ? localization.language : undefined;
  }
  return contentLang(companyLanguage, page);
}
