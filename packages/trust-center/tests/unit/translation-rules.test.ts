import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, type LoadedContent } from '../../src/lib/content/read.ts';
import { mergeTranslation, sourceHash, translatableValues } from '../../src/lib/translations/fields.ts';
import type { TranslationFile } from '../../src/lib/translations/read.ts';
import { checkTranslations } from '../../src/lib/translations/rules.ts';
import { setShownValues, shownText } from '../../src/lib/translations/shown.ts';
import { facetValues } from '../../src/lib/subprocessors/views.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/awkward');
const read = readContent(fixture, fixture);
const content = read.content!;
// The fixture's company lists the translation's language, as a translated site's must.
const translated: LoadedContent = { ...content, company: { ...content.company, data: { ...content.company.data, languages: [...content.company.data.languages, 'nb'] } } };
const section = content.whitepaper.find((entry) => entry.id === 'chiffrement')!;
const processor = content.subprocessors.find((entry) => entry.id === 'al-amin-data')!;

/** A good translation of the fixture's encryption section: the same facts, the current source version. */
function sectionTranslation(overrides: Partial<TranslationFile> = {}): TranslationFile {
  return {
    collection: 'whitepaper',
    id: 'chiffrement',
    file: 'content/nb/whitepaper/chiffrement.mdx',
    fields: { title: 'Kryptering av data', summary: 'Hvordan dataene krypteres.', keywords: ['kryptering', 'nøkler'] },
    translates: sourceHash('whitepaper', section.data, section.body),
    body: section.body!.replace(/^Les données sont chiffrées au repos/m, 'Dataene krypteres ved lagring'),
    format: 'mdx',
    bodyLine: 9,
    ...overrides,
  };
}

const errors = (files: TranslationFile[], site = translated) => checkTranslations(site, files, 'nb', 'en').findings.filter((f) => f.severity === 'error');
const lines = (files: TranslationFile[], site = translated) => errors(files, site).map((f) => `${f.file}: ${f.field}: ${f.message} (${f.rule})`);

describe('translations checked against their sources (lib/translations/rules.ts)', () => {
  it('accepts a translation that states its source version and the same facts, and marks it current', () => {
    expect(lines([sectionTranslation()])).toEqual([]);
    const check = checkTranslations(translated, [sectionTranslation()], 'nb', 'en');
    expect(check.translated.get('whitepaper/chiffrement')?.current).toBe(true);
    // Everything else has no translation: one warning per source file, never silence.
    expect(check.findings.filter((f) => f.rule === 'translation-missing').map((f) => f.file)).toContain('tests/fixtures/awkward/controls.yaml'.replace('tests/fixtures/awkward/', ''));
  });

  it('warns, and marks the translation outdated, when its source changed after it', () => {
    const check = checkTranslations(translated, [sectionTranslation({ translates: '000000000000' })], 'nb', 'en');
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const outdated = check.findings.filter((f) => f.rule === 'translation-outdated');
    expect(outdated).toHaveLength(1);
    expect(outdated[0]!.message).toContain(`it translates version 000000000000, the source is now ${sourceHash('whitepaper', section.data, section.body)}`);
    expect(check.translated.get('whitepaper/chiffrement')?.current).toBe(false);
  });

  it('asks for the source version when none is recorded, and gives it', () => {
    const { translates: _omitted, ...withoutVersion } = sectionTranslation();
    expect(lines([withoutVersion])).toEqual([
      `content/nb/whitepaper/chiffrement.mdx: translates: is required: the version of ${section.file} this translates; once it says what the source says, set translates: ${sourceHash('whitepaper', section.data, section.body)} (translation-version)`,
    ]);
  });

  it('refuses a changed fact in the body or a field, naming both files', () => {
    expect(lines([sectionTranslation({ body: sectionTranslation().body!.replace('TLS 1.3', 'TLS 1.2') })])).toEqual([
      `content/nb/whitepaper/chiffrement.mdx: body: "TLS 1.2" where ${section.file} says "TLS 1.3" (translation-facts)`,
    ]);
  });

  it('refuses single-source fields, fields the source lacks, wrong shapes and lists of another length', () => {
    const found = lines([
      sectionTranslation({ fields: { title: 'Kryptering', summary: 'Hvordan.', lastReviewed: '2026-01-01', number: '9' } }),
      {
        collection: 'subprocessors',
        id: 'al-amin-data',
        file: 'content/nb/subprocessors/al-amin-data.yaml',
        fields: { purpose: ['liste'], dataCategories: ['Telefonnumre'], retentionNote: 'Slettes.' },
        translates: sourceHash('subprocessors', processor.data),
      },
    ]);
    expect(found.map((line) => line.replace(/^[^:]+: /, ''))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lastReviewed: is not translatable: it is stated once, in .*whitepaper\/chiffrement\.mdx, for every language \(translation-fields\)$/),
        expect.stringMatching(/^number: is not translatable/),
        expect.stringMatching(/^purpose: must be text, as in /),
        expect.stringMatching(/^dataCategories: has 1 items where .* has 2: translate each, in the same order \(translation-fields\)$/),
      ]),
    );
    if (!processor.data.retentionNote) expect(found.some((line) => line.includes('retentionNote: translates nothing'))).toBe(true);
  });

  it('refuses a translation of an entry that does not exist, and a language the company file does not list', () => {
    expect(lines([sectionTranslation({ id: 'gibt-es-nicht', file: 'content/nb/whitepaper/gibt-es-nicht.mdx' })])).toEqual([
      'content/nb/whitepaper/gibt-es-nicht.mdx: (file): translates no whitepaper "gibt-es-nicht", which does not exist in the source content (translation-source)',
    ]);
    expect(lines([sectionTranslation()], content)).toEqual([
      `${content.company.file}: languages: does not list nb, which the site is translated into: add it, so security.txt and the pages say so (translation-language)`,
    ]);
  });
});

describe('source versions and merging (lib/translations/fields.ts)', () => {
  it('changes the version when a translatable text changes, not when a date or the search words do', () => {
    const hash = sourceHash('whitepaper', section.data, section.body);
    expect(sourceHash('whitepaper', { ...section.data, lastReviewed: new Date('2020-01-01') }, section.body)).toBe(hash);
    expect(sourceHash('whitepaper', { ...section.data, keywords: ['other'] }, section.body)).toBe(hash);
    expect(sourceHash('whitepaper', { ...section.data, title: 'Changed' }, section.body)).not.toBe(hash);
    expect(sourceHash('whitepaper', section.data, `${section.body} More.`)).not.toBe(hash);
  });

  it('puts translated values over the source data without changing the source', () => {
    const values = translatableValues('subprocessors', { purpose: 'Formål', dataCategories: ['A', 'B'] });
    const merged = mergeTranslation(processor.data, values);
    expect(merged.purpose).toBe('Formål');
    expect(merged.dataCategories).toEqual(['A', 'B']);
    expect(merged.locations).toEqual(processor.data.locations);
    expect(processor.data.purpose).not.toBe('Formål');
  });
});

describe('keying fields shown in the translation, keyed by the source (lib/translations/shown.ts)', () => {
  it("shows a sub-processor's translated category while its filter page keeps the source's address", () => {
    const english = { id: 'cloud', data: { name: 'Cloud', category: 'infrastructure', locations: ['DE'], transferMechanism: 'none' as const } };
    const norwegianData = { ...english.data };
    setShownValues(norwegianData, new Map([['category', 'infrastruktur']]));
    const [source] = facetValues([english], 'category', 'en');
    const [translated] = facetValues([{ ...english, data: norwegianData }], 'category', 'nb');
    expect(source).toMatchObject({ slug: 'infrastructure', label: 'Infrastructure' });
    expect(translated).toMatchObject({ slug: 'infrastructure', label: 'Infrastruktur' });
    expect(shownText(english.data, 'category', english.data.category)).toBe('infrastructure');
  });
});
