import type { LoadedContent, LoadedEntry } from '../content/read.ts';
import { collectionSources, type CollectionName } from '../content/collections.ts';
import { error, warning, type Finding } from '../rules/finding.ts';
import { compareFacts, factDifferenceMessage, FACT_RULE, pairFactDifferences } from './facts.ts';
import { isAligning, isFreeList, isTranslatable, sourceHash, translatableValues, TRANSLATES_FIELD, type TranslatableValue } from './fields.ts';
import type { TranslationFile } from './read.ts';

/** The source entries of a collection, as a list (single-file collections hold one). */
export function sourceEntries(content: LoadedContent, collection: CollectionName): LoadedEntry<unknown>[] {
  const value = content[collection] as LoadedEntry<unknown> | LoadedEntry<unknown>[];
  return Array.isArray(value) ? value : [value];
}

/**
 * The names a translation keeps as written (rule translation-facts): the company's, its hosting
 * provider's, every sub-processor's and legal entity's, and every certification framework's.
 */
export function keptNames(content: LoadedContent): string[] {
  const company = content.company.data;
  const names = [
    company.name,
    company.hostingRegion?.provider,
    ...content.subprocessors.flatMap((entry) => [entry.data.name, entry.data.legalEntity]),
    ...content.certifications.map((entry) => entry.data.framework),
  ];
  return [...new Set(names.filter((name): name is string => typeof name === 'string' && name.length > 0))];
}

/** Every translatable text path and value a translation file gives, flattened like translatableValues. */
function givenValues(fields: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    } else if (Array.isArray(value) && !value.every((item) => typeof item === 'string')) {
      value.forEach((item, index) => walk(item, `${path}.${index}`));
    } else values.set(path, value);
  };
  walk(fields, '');
  return values;
}

/** The outcome of checking one language's translations. */
export interface TranslationCheck {
  findings: Finding[];
  /** Per collection and id: the values to show in the language, and whether they are current. */
  translated: Map<string, { values: Map<string, TranslatableValue>; current: boolean; file: string }>;
}

/**
 * Checks one language's translation files against their sources: each translates an entry that
 * exists, gives only translatable fields of the source's shape, records the source version it
 * translates (current, or a warning: outdated), and states the same facts (numbers, dates, durations,
 * addresses, names) as its source, field by field and in the body. Sources without a translation are
 * reported once per file as a warning: their pages show the source text with a notice.
 */
export function checkTranslations(content: LoadedContent, files: readonly TranslationFile[], language: string, sourceLanguage: string): TranslationCheck {
  const findings: Finding[] = [];
  const translated: TranslationCheck['translated'] = new Map();
  const names = keptNames(content);
  // The company file lists the languages the trust center is in (security.txt's Preferred-Languages): the translation's too.
  if (!content.company.data.languages.includes(language)) {
    findings.push(error(content.company.file, 'languages', `does not list ${language}, which the site is translated into: add it, so security.txt and the pages say so`, 'translation-language'));
  }
  const seen = new Set<string>();
  for (const file of files) {
    const source = sourceEntries(content, file.collection).find((entry) => entry.id === file.id);
    if (!source) {
      const where = collectionSources[file.collection].kind === 'list' ? `the entry "${file.id}" of ${collectionSources[file.collection].path}` : `no ${collectionSources[file.collection].path.replace(/s$/, '')} "${file.id}"`;
      findings.push(error(file.file, fieldOf(file, '(file)'), `translates ${where}, which does not exist in the source content`, 'translation-source'));
      continue;
    }
    const key = `${file.collection}/${file.id}`;
    if (seen.has(key)) {
      findings.push(error(file.file, fieldOf(file, 'id'), `translates "${file.id}" a second time`, 'translation-source'));
      continue;
    }
    seen.add(key);
    const before = findings.length;
    const sourceValues = translatableValues(file.collection, source.data);
    const values = new Map<string, TranslatableValue>();
    for (const [path, value] of givenValues(file.fields)) {
      const field = fieldOf(file, path);
      if (isAligning(path)) {
        const expected = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], source.data);
        if (value !== expected) findings.push(error(file.file, field, `is "${String(value)}" but the source's item here is "${String(expected)}": keep the source's order`, 'translation-fields'));
        continue;
      }
      if (!isTranslatable(file.collection, path)) {
        findings.push(error(file.file, field, `is not translatable: it is stated once, in ${source.file}, for every language`, 'translation-fields'));
        continue;
      }
      const original = sourceValues.get(path);
      const isText = typeof value === 'string' && value.trim().length > 0;
      const isList = Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim().length > 0);
      if (original === undefined && !isFreeList(path)) {
        findings.push(error(file.file, field, `translates nothing: ${source.file} has no ${path}`, 'translation-fields'));
      } else if (!isText && !isList) {
        findings.push(error(file.file, field, 'must be text (or a list of texts, where the source has a list)', 'translation-fields'));
      } else if (original !== undefined && Array.isArray(original) !== Array.isArray(value)) {
        findings.push(error(file.file, field, `must be ${Array.isArray(original) ? 'a list of texts' : 'text'}, as in ${source.file}`, 'translation-fields'));
      } else if (Array.isArray(original) && Array.isArray(value) && !isFreeList(path) && original.length !== value.length) {
        findings.push(error(file.file, field, `has ${value.length} items where ${source.file} has ${original.length}: translate each, in the same order`, 'translation-fields'));
      } else {
        values.set(path, value as TranslatableValue);
      }
    }
    const hash = sourceHash(file.collection, source.data, source.body);
    if (file.translates === undefined) {
      findings.push(error(file.file, fieldOf(file, TRANSLATES_FIELD), `is required: the version of ${source.file} this translates; once it says what the source says, set ${TRANSLATES_FIELD}: ${hash}`, 'translation-version'));
    } else if (typeof file.translates !== 'string') {
      findings.push(error(file.file, fieldOf(file, TRANSLATES_FIELD), `must be text: the version of ${source.file} this translates (now ${hash})`, 'translation-version'));
    }
    // Facts: field by field (free lists are search words, not statements), then the body.
    for (const [path, value] of values) {
      if (isFreeList(path)) continue;
      const original = sourceValues.get(path);
      if (original === undefined) continue;
      findings.push(...factFindings(asText(original), asText(value), source.file, file, fieldOf(file, path), sourceLanguage, language, names));
    }
    if (source.body !== undefined && file.body !== undefined) {
      findings.push(...factFindings(source.body, file.body, source.file, file, 'body', sourceLanguage, language, names));
    }
    if (findings.length > before) continue;
    const current = file.translates === hash;
    if (!current) {
      findings.push(
        warning(
          file.file,
          fieldOf(file, TRANSLATES_FIELD),
          `${source.file} changed after this translation (it translates version ${String(file.translates)}, the source is now ${hash}): ${language} pages show a notice until the translation is updated and ${TRANSLATES_FIELD} is set to ${hash}`,
          'translation-outdated',
        ),
      );
    }
    translated.set(key, { values, current, file: file.file });
  }
  // Sources without a translation: one warning per source file, however many entries it holds.
  const untranslated = new Map<string, number>();
  for (const collection of Object.keys(collectionSources) as CollectionName[]) {
    for (const entry of sourceEntries(content, collection)) {
      if (!seen.has(`${collection}/${entry.id}`)) untranslated.set(entry.file, (untranslated.get(entry.file) ?? 0) + 1);
    }
  }
  for (const [file, count] of untranslated) {
    const what = count === 1 ? 'has' : `has ${count} entries with`;
    findings.push(warning(file, '(translation)', `${what} no ${language} translation: ${language} pages show the ${sourceLanguage} text with a notice`, 'translation-missing'));
  }
  return { findings, translated };
}

/** A list item's fields are named after its id, as the source's list findings are. */
function fieldOf(file: TranslationFile, path: string): string {
  return collectionSources[file.collection].kind === 'list' ? `${file.id}.${path}` : path;
}

function asText(value: TranslatableValue): string {
  return typeof value === 'string' ? value : value.join('\n');
}

/** One error per fact the translation changes, drops or adds, naming both files (lib/translations/facts.ts). */
function factFindings(
  source: string,
  translation: string,
  sourceFile: string,
  file: TranslationFile,
  field: string,
  sourceLanguage: string,
  language: string,
  names: readonly string[],
): Finding[] {
  const differences = pairFactDifferences(compareFacts(source, sourceLanguage, translation, language, names));
  return differences.map((difference) => error(file.file, field, factDifferenceMessage(sourceFile, difference), FACT_RULE));
}
