import { resolveLocale, useTranslations } from '../../i18n/index.ts';
import { shownText } from '../translations/shown.ts';
import { transferMechanisms, type Subprocessor } from '../../schemas/subprocessor.ts';
import { capitalize, countryName } from '../format.ts';
import { pageCount, pageItems } from '../paging.ts';

const t = useTranslations();

/**
 * The filtered views of the sub-processor list (docs/content.md, "Filtered views"): one
 * pre-rendered, linkable page per value of each facet, so the list filters without JavaScript.
 * Pure functions of the current list, in name order, so they are tested without a build.
 */

/** The facets a reader filters by; each is also the first path segment under `/subprocessors/`. */
export const facets = ['category', 'location', 'transfer'] as const;
export type Facet = (typeof facets)[number];

/**
 * Rows on one page of the list and of every view. With 25 of the awkward fixture's rows (long
 * German names and purposes) `/subprocessors/` weighs 10.8 KB and a full view 9.6 KB (gzip, with
 * the CSS): under the 14,600 B first-view budget with room for rows that compress worse than these
 * similar ones (about 80 B each there) and for the filter bar, whose size FACET_LINKS_MAX bounds.
 * Its 38 current entries reach page 2, so the paging is tested on every fixture build.
 */
export const SUBPROCESSOR_PAGE_SIZE = 25;

/**
 * Values one facet lists in the filter bar. More (a long tail of categories or countries on a
 * list of hundreds) would not fit the page budget: the bar then shows the most common ones and
 * links the facet's own page (`/subprocessors/<facet>/`), which lists them all.
 */
export const FACET_LINKS_MAX = 24;

/** Path segments directly under `/subprocessors/` that a sub-processor id must not take. */
export const RESERVED_VIEW_SEGMENTS: readonly string[] = ['changes', ...facets];

/** The entry fields the views read; the pages pass content entries. */
export interface ViewEntry {
  id: string;
  data: Pick<Subprocessor, 'name' | 'category' | 'locations' | 'transferMechanism'>;
}

/** One value of a facet: its address, its words and the entries that have it, in list order. */
export interface FacetValue<E extends ViewEntry = ViewEntry> {
  facet: Facet;
  /** The value's path segment: `/subprocessors/<facet>/<slug>/`. */
  slug: string;
  /** The value as readers see it: the category capitalised, the country or mechanism by name. */
  label: string;
  entries: E[];
}

/**
 * A URL-safe segment for free text: accents dropped ("Übersetzung" → "ubersetzung"), anything
 * but ASCII letters and digits collapsed to "-", at most 60 characters. Text with no such
 * characters at all (Japanese, Arabic, emoji) gives "", which `facetValues` replaces.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a short suffix that depends only on the text, so it does not move when other values come or go. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) {
    hash ^= unit;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Categories are free text: "Support", "support " and "SUPPORT" are one category. */
function categoryKey(category: string): string {
  return category.normalize('NFC').trim().toLocaleLowerCase('en');
}

/** The keys of one entry under a facet: an entry with several locations is under each. */
function keysOf(entry: ViewEntry, facet: Facet): string[] {
  switch (facet) {
    case 'category':
      return [categoryKey(entry.data.category)];
    case 'location':
      return [...new Set(entry.data.locations.map((code) => code.toUpperCase()))];
    case 'transfer':
      return [entry.data.transferMechanism];
  }
}

/**
 * Every value of `facet` on the list with its entries (in the order given: the list's name
 * order), categories and countries in alphabetical order of their words, mechanisms in the
 * schema's order. Slugs are unique within the facet: a category whose slug is taken or empty
 * gets the hash of its text, so "Übersetzung" and "Ubersetzung" keep two addresses.
 */
export function facetValues<E extends ViewEntry>(entries: readonly E[], facet: Facet, language: string = resolveLocale()): FacetValue<E>[] {
  const groups = new Map<string, { raw: string; entries: E[] }>();
  // A category reads in the page's language where a translation gives it; its key (and address) stays the source's.
  for (const entry of entries) {
    for (const key of keysOf(entry, facet)) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { raw: facet === 'category' ? shownText(entry.data, 'category', entry.data.category).trim() : key, entries: [] }));
      group.entries.push(entry);
    }
  }
  const label = (key: string, raw: string) =>
    facet === 'category' ? capitalize(raw) : facet === 'location' ? countryName(key, language) : t.transfers[key as (typeof transferMechanisms)[number]];
  const collator = new Intl.Collator(language);
  const values = [...groups].map(([key, group]) => ({ key, label: label(key, group.raw), entries: group.entries }));
  if (facet === 'transfer') values.sort((a, b) => transferMechanisms.indexOf(a.key as never) - transferMechanisms.indexOf(b.key as never));
  else values.sort((a, b) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const taken = new Set<string>();
  return values.map(({ key, label, entries }) => {
    let slug = facet === 'category' ? slugify(key) : key.toLowerCase();
    if (slug === '' || taken.has(slug)) slug = slug === '' ? `${facet}-${shortHash(key)}` : `${slug}-${shortHash(key)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    taken.add(slug);
    return { facet, slug, label, entries };
  });
}

/** The address of page `page` (1-based) of the whole list, or of a view when `value` is given. */
export function listPath(page = 1, value?: Pick<FacetValue, 'facet' | 'slug'>): string {
  const base = value ? `/subprocessors/${value.facet}/${value.slug}/` : '/subprocessors/';
  return page === 1 ? base : `${base}${page}/`;
}

/** A facet's own page, which lists all its values. */
export function facetPath(facet: Facet): string {
  return `/subprocessors/${facet}/`;
}

/** One page of the list or of a view: what it shows and where its neighbours are. */
export interface ListPage<E extends ViewEntry = ViewEntry> {
  /** The view, or undefined for the whole list. */
  value?: FacetValue<E>;
  /** 1-based. */
  page: number;
  lastPage: number;
  /** The rows on this page. */
  items: E[];
  /** How many entries the list or view holds on all its pages. */
  total: number;
}

/** The pages of the whole list (no value) or of one view: every entry on exactly one page, in list order. */
export function listPages<E extends ViewEntry>(entries: readonly E[], value?: FacetValue<E>, size = SUBPROCESSOR_PAGE_SIZE): ListPage<E>[] {
  const shown = value ? value.entries : entries;
  const last = pageCount(shown.length, size);
  return Array.from({ length: last }, (_, i) => ({ ...(value ? { value } : {}), page: i + 1, lastPage: last, items: pageItems(shown, i + 1, size), total: shown.length }));
}

/** Every page of every view of every facet. */
export function allViewPages<E extends ViewEntry>(entries: readonly E[], size = SUBPROCESSOR_PAGE_SIZE, language: string = resolveLocale()): ListPage<E>[] {
  return facets.flatMap((facet) => facetValues(entries, facet, language).flatMap((value) => listPages(entries, value, size)));
}

/** What one facet's part of the filter bar shows. */
export interface FacetLinks<E extends ViewEntry = ViewEntry> {
  facet: Facet;
  /** The values linked, in the facet's order; the current one is always among them. */
  shown: FacetValue<E>[];
  /** How many values the facet has in all; more than `shown` means the bar links the facet's page. */
  total: number;
}

/**
 * The filter bar's links for one facet: every value when they fit `max`, else the `max` with
 * the most entries (ties in the facet's order) and the current value, kept in the facet's order.
 */
export function facetLinks<E extends ViewEntry>(values: readonly FacetValue<E>[], current?: Pick<FacetValue, 'facet' | 'slug'>, max = FACET_LINKS_MAX): FacetLinks<E> {
  const facet = values[0]?.facet ?? current?.facet ?? 'category';
  if (values.length <= max) return { facet, shown: [...values], total: values.length };
  const order = new Map(values.map((value, index) => [value, index]));
  const top = new Set([...values].sort((a, b) => b.entries.length - a.entries.length || order.get(a)! - order.get(b)!).slice(0, max));
  const shown = values.filter((value) => top.has(value) || (current?.facet === value.facet && current.slug === value.slug));
  return { facet, shown, total: values.length };
}
