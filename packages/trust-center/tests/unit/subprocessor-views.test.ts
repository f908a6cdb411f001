import { describe, expect, it } from 'vitest';
import { transferMechanisms } from '../../src/schemas/subprocessor.ts';
import {
  allViewPages,
  FACET_LINKS_MAX,
  facetLinks,
  facetValues,
  facets,
  listPages,
  listPath,
  shortHash,
  slugify,
  SUBPROCESSOR_PAGE_SIZE,
  type ViewEntry,
} from '../../src/lib/subprocessors/views.ts';

function entry(id: string, category: string, locations: string[], transferMechanism: ViewEntry['data']['transferMechanism'] = 'none'): ViewEntry {
  return { id, data: { name: id, category, locations, transferMechanism } };
}

const ids = (entries: ViewEntry[]) => entries.map((e) => e.id);

describe('slugs of free-text categories', () => {
  it('keeps ASCII words and digits, drops accents, collapses the rest', () => {
    expect(slugify('Infrastructure')).toBe('infrastructure');
    expect(slugify('Übersetzung')).toBe('ubersetzung');
    expect(slugify('  AI processing / LLMs (beta) ')).toBe('ai-processing-llms-beta');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slugify('データ処理')).toBe('');
    expect(slugify('🚀')).toBe('');
    expect(slugify('x'.repeat(200))).toHaveLength(60);
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('hashes the same text to the same suffix', () => {
    expect(shortHash('Übersetzung')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('Übersetzung')).toBe(shortHash('Übersetzung'));
    expect(shortHash('Übersetzung')).not.toBe(shortHash('Ubersetzung'));
  });

  it('gives categories that slug alike, or not at all, distinct safe addresses', () => {
    const entries = [
      entry('a', 'Übersetzung', ['DE']),
      entry('b', 'Ubersetzung', ['DE']),
      entry('c', 'übersetzung ', ['DE']),
      entry('d', 'データ処理', ['JP']),
      entry('e', 'שירותים', ['IL']),
      entry('f', 'ubersetzung-2', ['DE']),
    ];
    const values = facetValues(entries, 'category');
    const slugs = values.map((v) => v.slug);
    expect(new Set(slugs).size).toBe(values.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // "Übersetzung" and "übersetzung " are one category, capitalised as first written.
    const ue = values.find((v) => v.label === 'Übersetzung')!;
    expect(ids(ue.entries)).toEqual(['a', 'c']);
    expect(values.find((v) => v.label === 'Ubersetzung')!.slug).toBe('ubersetzung');
    expect(ue.slug).toBe(`ubersetzung-${shortHash('übersetzung')}`);
    expect(values.find((v) => v.label === 'データ処理')!.slug).toBe(`category-${shortHash('データ処理')}`);
    expect(values.find((v) => v.label === 'Ubersetzung-2')!.slug).toBe('ubersetzung-2');
    // The address of a category does not depend on which other categories exist.
    expect(facetValues([entries[3]!], 'category')[0]!.slug).toBe(`category-${shortHash('データ処理')}`);
  });
});

describe('facet values', () => {
  const entries = [
    entry('alpha', 'infrastructure', ['DE', 'US'], 'eu-us-dpf'),
    entry('beta', 'Support', ['FR']),
    entry('gamma', 'infrastructure', ['DE']),
    entry('delta', 'support', ['US', 'US'], 'sccs'),
  ];

  it('groups by category, case-insensitively, keeping list order within a value', () => {
    expect(facetValues(entries, 'category').map((v) => [v.slug, v.label, ids(v.entries)])).toEqual([
      ['infrastructure', 'Infrastructure', ['alpha', 'gamma']],
      ['support', 'Support', ['beta', 'delta']],
    ]);
  });

  it('puts an entry under each of its countries once, countries by name', () => {
    expect(facetValues(entries, 'location').map((v) => [v.slug, v.label, ids(v.entries)])).toEqual([
      ['fr', 'France', ['beta']],
      ['de', 'Germany', ['alpha', 'gamma']],
      ['us', 'United States', ['alpha', 'delta']],
    ]);
  });

  it('lists transfer mechanisms in the schema order, only those used', () => {
    expect(facetValues(entries, 'transfer').map((v) => [v.slug, ids(v.entries)])).toEqual([
      ['none', ['beta', 'gamma']],
      ['eu-us-dpf', ['alpha']],
      ['sccs', ['delta']],
    ]);
    expect(facetValues(entries, 'transfer')[0]!.label).toBe('None needed (inside the EU/EEA)');
  });

  it('has no values for an empty list', () => {
    for (const facet of facets) expect(facetValues([], facet)).toEqual([]);
  });

  it('addresses pages of the list and of views', () => {
    expect(listPath()).toBe('/subprocessors/');
    expect(listPath(3)).toBe('/subprocessors/3/');
    expect(listPath(1, { facet: 'location', slug: 'de' })).toBe('/subprocessors/location/de/');
    expect(listPath(2, { facet: 'category', slug: 'support' })).toBe('/subprocessors/category/support/2/');
  });
});

describe('800 sub-processors', () => {
  // 800 entries: 300 categories (a long tail), 120 countries (two or three each), every mechanism.
  const countries = Array.from({ length: 120 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
  const many = Array.from({ length: 800 }, (_, i) =>
    entry(
      `vendor-${String(i).padStart(3, '0')}`,
      i % 2 === 0 ? 'Infrastructure' : `Category ${i % 300}`,
      [countries[i % 120]!, countries[(i * 7) % 120]!, ...(i % 3 === 0 ? [countries[(i * 11) % 120]!] : [])],
      transferMechanisms[i % transferMechanisms.length],
    ),
  );

  it('pages the whole list: every entry once, in order, no page over the page size', () => {
    const pages = listPages(many);
    expect(pages).toHaveLength(Math.ceil(800 / SUBPROCESSOR_PAGE_SIZE));
    expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(many));
    expect(pages.every((p) => p.items.length <= SUBPROCESSOR_PAGE_SIZE && p.total === 800 && p.lastPage === pages.length)).toBe(true);
    expect(pages.map((p) => listPath(p.page))).toContain(`/subprocessors/${pages.length}/`);
  });

  it('pages every view: exactly the entries with the value, each on one page, addresses unique', () => {
    const pages = allViewPages(many);
    expect(pages.every((p) => p.items.length <= SUBPROCESSOR_PAGE_SIZE && p.items.length > 0)).toBe(true);
    const paths = pages.map((p) => listPath(p.page, p.value));
    expect(new Set(paths).size).toBe(paths.length);
    for (const facet of facets) {
      for (const value of facetValues(many, facet)) {
        const shown = pages.filter((p) => p.value?.facet === facet && p.value.slug === value.slug).flatMap((p) => ids(p.items));
        const expected = ids(
          many.filter((e) =>
            facet === 'category'
              ? e.data.category.toLowerCase() === value.label.toLowerCase()
              : facet === 'location'
                ? e.data.locations.includes(value.slug.toUpperCase())
                : e.data.transferMechanism === value.slug,
          ),
        );
        expect(shown).toEqual(expected);
      }
    }
    const infrastructure = pages.filter((p) => p.value?.slug === 'infrastructure');
    expect(infrastructure).toHaveLength(Math.ceil(400 / SUBPROCESSOR_PAGE_SIZE));
  });

  it('keeps the filter bar bounded, the most common values and the current one in it', () => {
    const categories = facetValues(many, 'category');
    expect(categories.length).toBe(151);
    const bar = facetLinks(categories);
    expect(bar.total).toBe(151);
    expect(bar.shown).toHaveLength(FACET_LINKS_MAX);
    expect(bar.shown[0]!.label).toBe('Category 1');
    expect(bar.shown.some((v) => v.slug === 'infrastructure')).toBe(true);
    const rare = categories.find((v) => v.entries.length === Math.min(...categories.map((c) => c.entries.length)))!;
    const withCurrent = facetLinks(categories, rare);
    expect(withCurrent.shown).toHaveLength(FACET_LINKS_MAX + 1);
    expect(withCurrent.shown).toContain(rare);
    // Still in the facet's order.
    expect(withCurrent.shown.map((v) => categories.indexOf(v))).toEqual([...withCurrent.shown.map((v) => categories.indexOf(v))].sort((a, b) => a - b));
    const locations = facetLinks(facetValues(many, 'location'));
    expect(locations.total).toBe(120);
    expect(locations.shown).toHaveLength(FACET_LINKS_MAX);
    const few = facetValues(many.slice(0, 8), 'category');
    expect(facetLinks(few).shown).toEqual(few);
  });
});
