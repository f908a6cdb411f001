import { describe, expect, it } from 'vitest';
import { en, searchText as enSearch } from '../../src/i18n/en.ts';
import { nb, searchText as nbSearch } from '../../src/i18n/nb.ts';
import { dateLocales, languageNames, translations } from '../../src/i18n/index.ts';
import { formatDate, formatMonth } from '../../src/lib/format.ts';

type Leaf = { path: string; value: unknown };

/** Every leaf (string, function, array) of a words module, by dotted path. */
function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string' || typeof value === 'function' || Array.isArray(value)) return [{ path, value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  return [{ path, value }];
}

/** Every object's key set, by dotted path, so a key missing or added at any depth shows by name. */
function keySets(value: unknown, path = ''): Record<string, string[]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const own = { [path || '(root)']: Object.keys(value).sort() };
  return Object.entries(value).reduce((all, [key, child]) => ({ ...all, ...keySets(child, path ? `${path}.${key}` : key) }), own);
}

/**
 * Words that are the same in Norwegian: names of formats, standards and frameworks that are written
 * as they are in any language (the glossary of #13 keeps the EU-U.S. Data Privacy Framework and
 * GDPR as names), "Status" (the Norwegian word is spelt the same), "URL", "PDF", and the ellipsis
 * that marks unchanged text. Anything else equal to the English is an untranslated word.
 */
const sameInNorwegian = new Set(['Status', 'URL', 'PDF', 'GDPR', 'RSS 2.0', 'Atom 1.0', 'JSON Feed 1.1', 'EU-US Data Privacy Framework', '…']);

/**
 * Sample arguments by parameter name; every value is tried, so count-dependent wording is run for
 * zero, one, several and a thousand. A new parameter name fails the test until it has samples.
 */
const samples: Record<string, unknown[]> = {
  company: ['Acme', 'Acme Systems'],
  name: ['Acme Cloud'],
  query: ['hvor lagres dataene?'],
  type: ['added', 'removed', 'updated', 'baseline'],
  facet: ['category', 'location', 'transfer'],
  provider: ['AWS'],
  region: ['eu-central-1'],
  country: ['Tyskland'],
  countries: ['Tyskland og Irland'],
  date: ['27. november 2026'],
  current: ['På den gjeldende listen'],
  note: ['kun metadata'],
  label: ['Infrastruktur'],
  heading: ['3 underdatabehandlere i kategorien Infrastruktur'],
  title: ['Sikkerhetshvitbok'],
  address: ['security@example.com'],
  size: ['412 kB'],
  version: ['1.4'],
  page: [1, 2],
  total: ['<span class="totalPages"></span>'],
  framework: ['ISO/IEC 27001:2022'],
  status: ['Sertifisert'],
  ...Object.fromEntries(['count', 'days', 'n', 'pages', 'more', 'answered', 'notStated', 'addressed', 'controls'].map((key) => [key, [0, 1, 2, 1000]])),
};

/** A function's parameter names, as written in its source. */
function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const list = source.startsWith('(') ? source.slice(1, source.indexOf(')')) : source.slice(0, source.indexOf('=>'));
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function argumentLists(names: string[], path: string): unknown[][] {
  return names.reduce<unknown[][]>(
    (lists, name) => {
      // `pdf.pageOf` gets Chromium's placeholders, which are strings.
      const values = path === 'pdf.pageOf' && name === 'page' ? ['<span class="pageNumber"></span>'] : samples[name];
      if (!values) throw new Error(`${path}: no sample arguments for parameter "${name}"`);
      return lists.flatMap((list) => values.map((value) => [...list, value]));
    },
    [[]],
  );
}

describe('i18n: the Norwegian Bokmål words (nb.ts)', () => {
  it('has exactly the keys of en at every depth, searchText too', () => {
    expect(keySets(nb)).toEqual(keySets(en));
    expect(keySets(nbSearch)).toEqual(keySets(enSearch));
    expect(nb.search).toBe(nbSearch);
  });

  it('has a leaf of the same kind wherever en has one, and every function takes the same parameters', () => {
    const nbLeaves = new Map(leaves(nb).map((leaf) => [leaf.path, leaf.value]));
    for (const { path, value } of leaves(en)) {
      const other = nbLeaves.get(path);
      if (typeof value === 'function') {
        expect(typeof other, path).toBe('function');
        expect((other as (...args: never[]) => unknown).length, path).toBe(value.length);
      } else if (Array.isArray(value)) {
        expect(Array.isArray(other), path).toBe(true);
        for (const word of other as unknown[]) expect(typeof word === 'string' && word.trim() !== '', `${path}: ${String(word)}`).toBe(true);
      } else expect(typeof other, path).toBe(typeof value);
    }
  });

  it('translates every word, except names that are the same in Norwegian', () => {
    const nbLeaves = new Map(leaves(nb).map((leaf) => [leaf.path, leaf.value]));
    const untranslated: string[] = [];
    for (const { path, value } of leaves(en)) {
      // Stop words are lists of their own language's small words; "i" is one in both.
      if (path === 'search.stopWords') continue;
      const other = nbLeaves.get(path);
      if (typeof value === 'string' && value === other && !sameInNorwegian.has(value)) untranslated.push(`${path}: ${value}`);
      if (Array.isArray(value) && Array.isArray(other)) {
        for (const word of other) if (value.includes(word) && !sameInNorwegian.has(word)) untranslated.push(`${path}: ${word}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('writes a whole sentence from every function, whatever the arguments', () => {
    const functions = leaves(nb).filter((leaf): leaf is { path: string; value: (...args: unknown[]) => unknown } => typeof leaf.value === 'function');
    expect(functions.length).toBeGreaterThan(80);
    for (const { path, value } of functions) {
      for (const args of argumentLists(parameterNames(value), path)) {
        const text = value(...args);
        const label = `${path}(${args.map(String).join(', ')})`;
        expect(typeof text, label).toBe('string');
        expect((text as string).trim(), label).not.toBe('');
        expect(text, label).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('puts Norwegian plurals and genitives on counts and names', () => {
    expect(nb.contentComponents.days(1)).toBe('1 dag');
    expect(nb.contentComponents.days(2)).toBe('2 dager');
    expect(nb.contentComponents.days(0)).toBe('0 dager');
    expect(nb.subprocessors.intro(1, 'Acme')).toBe('1 underdatabehandler behandler kundedata på vegne av Acme.');
    expect(nb.subprocessors.intro(2, 'Acme')).toBe('2 underdatabehandlere behandler kundedata på vegne av Acme.');
    expect(nb.subprocessors.notice(30)).toBe('Kundene varsles 30 dager før en ny underdatabehandler tas i bruk.');
    expect(nb.changes.baselineCount(1)).toBe('1 underdatabehandler');
    expect(nb.subprocessors.filter.heading(1, 'category', 'Infrastruktur')).toBe('1 underdatabehandler i kategorien Infrastruktur');
    expect(nb.subprocessors.filter.heading(3, 'location', 'Tyskland')).toBe('3 underdatabehandlere som behandler data i Tyskland');
    expect(nb.frameworks.summary(12, 93, 1)).toBe('12 av 93 krav dekket av 1 kontroll');
    expect(nb.frameworks.summary(12, 93, 4)).toBe('12 av 93 krav dekket av 4 kontroller');
    expect(nb.pdf.facts(1, '412 kB')).toBe(' · 1 side · 412 kB');
    expect(nb.pdf.facts(14, '412 kB')).toBe(' · 14 sider · 412 kB');
    expect(nb.retention.days(30)).toBe('innen 30 dager');
    expect(nb.overview.glanceProcessedIn('Tyskland', 1)).toBe('Underdatabehandlere behandler data i Tyskland og 1 annet land');
    expect(nb.overview.glanceProcessedIn('Tyskland', 3)).toBe('Underdatabehandlere behandler data i Tyskland og 3 andre land');
    expect(nb.search.searchArchive(1)).toBe('Søk også i 1 eldre nyhet eller endring');
    expect(nb.search.count(0, 'kryptering')).toBe('Ingen treff for «kryptering».');
    expect(nb.overview.heading('Acme')).toBe('Acmes tillitssenter');
    expect(nb.overview.heading('Acme Systems')).toBe("Acme Systems' tillitssenter");
  });

  it('keeps the structure en gives its formats: calendar events, placeholders filled in the browser', () => {
    expect(nb.changes.calendarEvent('Lagt til: Acme Cloud')).toBe('Trer i kraft: Lagt til: Acme Cloud');
    expect(nb.revisions.sinceStatusOne).toContain('{date}');
    expect(nb.revisions.sinceStatusMany).toContain('{date}');
    expect(nb.revisions.sinceStatusMany).toContain('{count}');
    expect(nb.pdf.pageOf('<p>', '<t>')).toBe('Side <p> av <t>');
    expect(nb.translation.outdated('27. november 2026')).toContain('27. november 2026');
  });

  it('drops Norwegian question and function words from a search, in lower case, each once', () => {
    const words = nbSearch.stopWords;
    expect(words.length).toBeGreaterThanOrEqual(90);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word, word).toBe(word.toLowerCase());
    for (const word of ['hva', 'hvor', 'hvordan', 'hvilke', 'er', 'og', 'i', 'på', 'av', 'for', 'med', 'til', 'om', 'det', 'den', 'de', 'vi', 'dere', 'deres', 'vår', 'våre', 'har', 'kan', 'blir'])
      expect(words, word).toContain(word);
    // The words a question is about must survive.
    for (const word of ['data', 'kryptering', 'underdatabehandlere', 'sikkerhet', 'sletting']) expect(words, word).not.toContain(word);
  });

  it('is registered beside en, with its name in itself and its date locale', () => {
    expect(translations.nb).toBe(nb);
    expect(Object.keys(languageNames).sort()).toEqual(Object.keys(translations).sort());
    expect(Object.keys(dateLocales).sort()).toEqual(Object.keys(translations).sort());
    expect(languageNames.nb).toBe('Norsk bokmål');
    expect(formatDate(new Date('2026-11-27T00:00:00Z'), dateLocales.nb)).toBe('27. november 2026');
    expect(formatDate(new Date('2026-11-27T00:00:00Z'), dateLocales.en)).toBe('27 November 2026');
    expect(formatMonth('2026-11', 'nb')).toBe('november 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });
});
