import { feedFiles, type FeedFormat } from './feeds/feed.ts';

/**
 * How long lists and feeds are cut into bounded pages. The HTML archives (`/updates/`,
 * `/subprocessors/changes/`) hold every item, a page at a time; each feed format is an RFC 5005
 * section 3 paged feed: the subscription document is page 1 (the newest items) and links the
 * older pages, so a reader can walk back through the whole history.
 */

/** Items on one page of an HTML archive (`/updates/`, `/subprocessors/changes/`). */
export const ARCHIVE_PAGE_SIZE = 20;

/**
 * Items in one feed document. 50 covers far more than a week of news or sub-processor changes on
 * a normal site, so a subscriber who polls weekly never needs page 2.
 */
export const FEED_PAGE_SIZE = 50;

/**
 * News items and sub-processor changes searched by default: the most recent of each, as many as a
 * feed document carries. Older ones are indexed apart (`/pagefind-archive/`, lib/search.ts
 * ARCHIVE_BUNDLE_PATH) and searched when the reader asks, so what a first search fetches does not
 * grow with the length of the history.
 */
export const RECENT_IN_SEARCH = FEED_PAGE_SIZE;

/** Whether the item at `position` (0-based) of a newest-first list is searched only on request. */
export function inSearchArchive(position: number): boolean {
  return position >= RECENT_IN_SEARCH;
}

/** How many items of a newest-first list of `total` are searched only on request. */
export function searchArchiveCount(total: number): number {
  return Math.max(0, total - RECENT_IN_SEARCH);
}

/** How many pages `total` items fill; an empty list still has its page 1. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items on 1-based page `page` of a newest-first list. */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** An id made only of digits would share its address with an archive page (`/updates/2/`). */
export function isPageNumberId(id: string): boolean {
  return /^\d+$/.test(id);
}

/** The file of feed page `page` in its folder: `feed.xml` for page 1, then `feed-2.xml`, `atom-2.xml`, `feed-2.json`. */
export function feedPageFile(format: FeedFormat, page: number): string {
  const file = feedFiles[format];
  if (page === 1) return file;
  const dot = file.lastIndexOf('.');
  return `${file.slice(0, dot)}-${page}${file.slice(dot)}`;
}

/** The RFC 5005 paging links of one feed page, as absolute URLs under `feedBase`. */
export interface FeedPageLinks {
  /** This document. */
  self: string;
  /** Page 1, the subscription document. */
  first: string;
  /** The page with the oldest items. */
  last: string;
  /** The next newer page, absent on page 1. */
  previous?: string;
  /** The next older page, absent on the last page. */
  next?: string;
}

export function feedPageLinks(feedBase: string, format: FeedFormat, page: number, last: number): FeedPageLinks {
  const url = (n: number) => new URL(feedPageFile(format, n), feedBase).href;
  return {
    self: url(page),
    first: url(1),
    last: url(last),
    ...(page > 1 ? { previous: url(page - 1) } : {}),
    ...(page < last ? { next: url(page + 1) } : {}),
  };
}
