import { isoDate } from '../dates.ts';
import { diffHtml, wordDiff, type DiffPart, type DiffWords } from './word-diff.ts';
import type { Revision, RevisedKind } from './revisions.ts';

/** What kind of statement changed: a revised item, a sub-processor event or a news item. */
export type StatedChangeKind = RevisedKind | 'subprocessor' | 'news';

/** One entry of the "what changed" page and feed. */
export interface StatedChange {
  /** Unique and stable across builds: the page's anchor and the feed item's id. */
  id: string;
  kind: StatedChangeKind;
  /** For revisions: added, edited or removed; events and news have none. */
  action?: Revision['action'];
  title: string;
  date: Date;
  /** The site path of the page that states it now (a removed item links to its page, not to an anchor that is gone). */
  path: string;
  /** For events and news: their one-line summary. */
  summary?: string;
  /** For revisions: the word-level diff as escaped HTML. */
  diff?: string;
  /** For revisions: the same diff as text parts, for outputs that are not HTML (the Markdown twin of /changes/). */
  parts?: DiffPart[];
}

/** Where each kind of item is stated, and its anchor there. */
const pages: Record<RevisedKind, { path: string; anchor: (id: string) => string }> = {
  whitepaper: { path: '/whitepaper/', anchor: (id) => id },
  faq: { path: '/faq/', anchor: (id) => id },
  control: { path: '/controls/', anchor: (id) => `control-${id}` },
  certification: { path: '/certifications/', anchor: (id) => id },
};

/**
 * A revision as an entry: linked to its anchor when the item is still published (`published`
 * holds `kind/id` keys), else to the page; its id names the commit, so two edits of one item differ.
 */
export function revisionChange(revision: Revision, published: ReadonlySet<string>, words: DiffWords): StatedChange {
  const page = pages[revision.kind];
  const anchored = published.has(`${revision.kind}/${revision.id}`);
  const parts = wordDiff(revision.before, revision.after);
  return {
    id: `${revision.kind}-${revision.id}-${revision.commit.slice(0, 12)}`,
    kind: revision.kind,
    action: revision.action,
    title: revision.title,
    date: revision.date,
    path: anchored ? `${page.path}#${page.anchor(revision.id)}` : page.path,
    diff: diffHtml(parts, words),
    parts,
  };
}

/** Newest first; on one day, by id, so the order never depends on the order of reading. */
export function newestChangesFirst(changes: readonly StatedChange[]): StatedChange[] {
  return [...changes].sort((a, b) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
}

/** The month an entry is grouped under, as its anchor: `2026-11`. */
export function monthKey(date: Date): string {
  return isoDate(date).slice(0, 7);
}

/** Consecutive entries of a newest-first list grouped by month. */
export function groupByMonth(changes: readonly StatedChange[]): { month: string; changes: StatedChange[] }[] {
  const groups: { month: string; changes: StatedChange[] }[] = [];
  for (const change of changes) {
    const month = monthKey(change.date);
    const last = groups.at(-1);
    if (last?.month === month) last.changes.push(change);
    else groups.push({ month, changes: [change] });
  }
  return groups;
}

/** Each month of a newest-first list and the 1-based page of `size` entries its first entry is on. */
export function monthPages(changes: readonly StatedChange[], size: number): { month: string; page: number }[] {
  // Every page of /changes/ lists every month: worked out once per list, not once per page (which
  // made the pages cost the square of the history: 250 pages × 5,000 entries at +5,000 news items).
  const known = monthPagesMade.get(changes)?.get(size);
  if (known) return known;
  const months: { month: string; page: number }[] = [];
  changes.forEach((change, index) => {
    const month = monthKey(change.date);
    if (months.at(-1)?.month !== month) months.push({ month, page: Math.floor(index / size) + 1 });
  });
  monthPagesMade.set(changes, (monthPagesMade.get(changes) ?? new Map()).set(size, months));
  return months;
}

/** monthPages' answers by list and page size; a list that is no longer used is forgotten with it. */
const monthPagesMade = new WeakMap<readonly StatedChange[], Map<number, { month: string; page: number }[]>>();
