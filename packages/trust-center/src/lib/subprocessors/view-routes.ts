import type { CollectionEntry } from 'astro:content';
import { getSubprocessorList } from '../site-data.ts';
import { facets, facetValues, listPages, type Facet, type FacetValue } from './views.ts';

/**
 * The static paths of `/subprocessors/` and of each facet's routes (`/subprocessors/<facet>/…`),
 * from the current list (lib/subprocessors/views.ts). Pages receive only numbers and slugs and
 * look their rows up again with `listView`, so no route serialises the list into its props.
 */

/** The current list with each facet's values, derived once per list (the list itself is once per build). */
const derived = new WeakMap<object, Promise<ListViews>>();

type Entry = CollectionEntry<'subprocessors'>;
export interface ListViews {
  /** The current list, in name order. */
  current: Entry[];
  /** Each facet's values on it. */
  values: Record<Facet, FacetValue<Entry>[]>;
}

async function deriveViews(): Promise<ListViews> {
  const { current } = await getSubprocessorList();
  const values = Object.fromEntries(facets.map((facet) => [facet, facetValues(current, facet)])) as Record<Facet, FacetValue<Entry>[]>;
  return { current, values };
}

export async function listViews(): Promise<ListViews> {
  const list = await getSubprocessorList();
  let views = derived.get(list);
  if (!views) derived.set(list, (views = deriveViews()));
  return views;
}

/** `/subprocessors/`, `/subprocessors/2/`, …: `page` is undefined on page 1. */
export async function listStaticPaths() {
  const { current } = await listViews();
  return listPages(current).map(({ page }) => ({ params: { page: page === 1 ? undefined : String(page) }, props: { page } }));
}

/** `/subprocessors/<facet>/` (every value), `/subprocessors/<facet>/<slug>/`, `/subprocessors/<facet>/<slug>/<n>/`. */
export async function facetStaticPaths(facet: Facet) {
  const { current, values } = await listViews();
  return [
    { params: { path: undefined }, props: { facet, slug: undefined, page: 1 } },
    ...values[facet].flatMap((value) =>
      listPages(current, value).map(({ page }) => ({ params: { path: page === 1 ? value.slug : `${value.slug}/${page}` }, props: { facet, slug: value.slug, page } })),
    ),
  ];
}
