/**
 * Search: the pure parts, shared by the pages (what they tell Pagefind) and the search page's
 * script (how it asks and what it shows). Nothing here touches the DOM or the network.
 */

/** Kinds of content the reader can narrow a search to; each indexed page names at most one. */
export const searchTypes = ['whitepaper', 'faq', 'questionnaire', 'subprocessor', 'certification', 'control', 'news'] as const;
export type SearchType = (typeof searchTypes)[number];

/** What a page's date means: when it was last reviewed, the day the site was built, or a publication day. */
export const dateKinds = ['reviewed', 'as-of', 'published'] as const;
export type DateKind = (typeof dateKinds)[number];

/** How a page is indexed: its content type (if any) and its date. Pages without it are not indexed. */
export interface SearchPageInfo {
  type?: SearchType;
  date: Date;
  dated: DateKind;
  /** An older news item or change (lib/paging.ts inSearchArchive): indexed in the archive bundle, searched on request. */
  archived?: boolean;
}

/** Where the index of older news items and changes is written and fetched from, when there are any. */
export const ARCHIVE_BUNDLE_PATH = '/pagefind-archive/';

export const SEARCH_PATH = '/search/';

/**
 * Pages whose data the search page loads at once, one request each. Six: the overview's controls
 * are search records of their own (lib/search-records.ts), a few hundred bytes each, so six pages
 * cost less than four did when one of them was the whole overview (4.5 KB); with six, every reviewer
 * question of the repository's own site (its e2e/search.spec.ts) has its answer among the first three
 * answers, and the largest six fragments together keep a first search under 90 KB (docs/search.md).
 */
export const PAGES_PER_BATCH = 6;

/**
 * Hidden keywords (see SearchKeywords.astro) start with this word: they count when ranking, and
 * the excerpt shown to the reader stops where they start. A mark costs two bytes per item, where
 * an id would cost a few hundred on a page listing many items, against a 14.6 KB page budget.
 */
export const KEYWORDS_MARK = '¶';

export function isSearchType(value: unknown): value is SearchType {
  return typeof value === 'string' && (searchTypes as readonly string[]).includes(value);
}

/** The link to a search: `/search/?q=…&type=…`, so a result list can be shared and bookmarked. */
export function searchHref(query: string, type?: SearchType): string {
  const params = new URLSearchParams();
  const trimmed = query.trim();
  if (trimmed !== '') params.set('q', trimmed);
  if (type) params.set('type', type);
  const encoded = params.toString();
  return encoded === '' ? SEARCH_PATH : `${SEARCH_PATH}?${encoded}`;
}

/** Reads `?q=` and `?type=` back; an unknown type is ignored rather than showing nothing. */
export function readSearchParams(search: string): { query: string; type: SearchType | undefined } {
  const params = new URLSearchParams(search);
  const type = params.get('type');
  return { query: params.get('q') ?? '', type: isSearchType(type) ? type : undefined };
}

/**
 * The words worth looking up in a question typed as a reader would ask it: lower case, without
 * punctuation, without the language's stop words ("who", "are", "your"…) unless nothing else is
 * left, and each word once.
 */
export function searchTerms(text: string, stopWords: readonly string[]): string[] {
  const stop = new Set(stopWords);
  const words = text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((word) => word.replace(/^['-]+|['-]+$/g, '').replace(/'s$/, ''))
    .filter((word) => word !== '');
  const meaningful = words.filter((word) => !stop.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : words)];
}

/**
 * How much each word searched for counts: BM25's inverse document frequency, from the number of
 * pages containing the word and the number of pages in the index. A word on few pages (a product
 * or standard name) weighs far more than one on nearly every page ("data", "security"), so the
 * section holding a question's rare word outranks sections sharing only its common words. Always
 * above zero, so a word on every page still counts a little; a word on no page counts as rare.
 */
export function termWeights(pagesWithTerm: readonly number[], totalPages: number): number[] {
  return pagesWithTerm.map((pages) => {
    const containing = Math.min(Math.max(pages, 0), totalPages);
    return Math.log(1 + (totalPages - containing + 0.5) / (containing + 0.5));
  });
}

/**
 * How much a page or section counts when it matches only some of the words: the weighted share
 * of the words it holds (see termWeights), squared.
 */
function coverage(terms: Iterable<number>, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let matched = 0;
  for (const term of new Set(terms)) matched += weights[term] ?? 0;
  return total === 0 ? 0 : (matched / total) ** 2;
}

/** Equal weights, for callers that know nothing about how common each word is. */
function equalWeights(count: number): number[] {
  return Array.from({ length: count }, () => 1);
}

/** A page Pagefind found for one word, with Pagefind's score for it. */
export interface PageMatch {
  id: string;
  score: number;
}

/**
 * Pagefind returns only pages that contain every word searched for, so a whole question rarely
 * matches anything. The search page looks up each word on its own; this ranks the pages found, by
 * Pagefind's scores summed over the words, times the share of the words each page contains, each
 * word counted by its weight (termWeights; equal when not given), squared. The weights enter once,
 * through the share: weighting the scores as well overrates a word only because it is rare
 * ("report" in "Do you have a SOC 2 report?").
 */
export function rankPages(perTerm: readonly (readonly PageMatch[])[], weights: readonly number[] = equalWeights(perTerm.length)): string[] {
  const pages = new Map<string, { score: number; terms: number[] }>();
  perTerm.forEach((matches, term) => {
    for (const { id, score } of matches) {
      const page = pages.get(id) ?? { score: 0, terms: [] };
      page.score += score;
      page.terms.push(term);
      pages.set(id, page);
    }
  });
  return [...pages]
    .map(([id, page]) => ({ id, rank: page.score * coverage(page.terms, weights) }))
    .sort((a, b) => b.rank - a.rank)
    .map(({ id }) => id);
}

/** Pagefind's per-word score within a page: where the word is, and how much it counts there. */
export interface WeightedLocation {
  location: number;
  weight: number;
  balanced_score: number;
}

/** An element with an id on the page, at a word position in its content. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** Set with `data-pagefind-title`: makes any element with an id a place a result can land on. */
  title?: string;
  location: number;
}

/** The data Pagefind loads for a page that matched a word (the parts used here). */
export interface PagefindPageData {
  url: string;
  /** The indexed text of the page; split on whitespace, word positions index into it. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: PagefindAnchor[];
  weighted_locations: WeightedLocation[];
}

/** One page with what each word searched for matched on it. */
export interface PageWithHits {
  data: PagefindPageData;
  /** Per word searched for (by its position in the query), the places it matched; empty when it did not. */
  hits: readonly (readonly WeightedLocation[])[];
}

/** A run of excerpt text, marked when it is a matched word. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** One answer shown to the reader: the part of a page that matched, and where it comes from. */
export interface Answer {
  /** The section's heading (or `data-pagefind-title`), or the page's title when the match is before the first one. */
  title: string;
  /** Where the answer is: the page URL, with the section's anchor when it has one. */
  url: string;
  /** The page's title, shown as context when the answer is a section of it. */
  pageTitle: string;
  type: SearchType | undefined;
  /** The page's date (YYYY-MM-DD) and what it means. */
  date: string | undefined;
  dated: DateKind | undefined;
  /** A few words around the best match, with the matched words marked. */
  excerpt: ExcerptPart[];
  /** How strongly the section matched (see answersFrom). */
  score: number;
}

interface Section {
  title: string;
  url: string;
  /** First word position of the section, and of its text after the heading. */
  start: number;
  textStart: number;
  /** Where its text ends: at the next section or at its hidden keywords. */
  textEnd: number;
  hits: { location: number; score: number; term: number }[];
}

/**
 * Turns matching pages into answers, one per matching section, best first. Sections start at
 * headings with an id and at elements with `data-pagefind-title`, as in Pagefind's own sub-results;
 * a match before the first one belongs to the page itself. A section's score is the sum of
 * Pagefind's scores for the matched words in it (headings weigh more), times the share of the
 * words searched for that it contains, each word counted by its weight (termWeights; equal when
 * not given), squared: the section that answers the whole question, or holds its rare word, comes
 * before one that only shares a common word with it. Equal scores keep the pages' order.
 */
export function answersFrom(pages: readonly PageWithHits[], weights?: readonly number[], excerptWords = 30): Answer[] {
  const ranked: { answer: Answer; order: number }[] = [];
  for (const { data, hits } of pages) {
    const weightOf = weights ?? equalWeights(hits.length);
    const words = data.content.split(/\s+/);
    const pageTitle = data.meta.title ?? data.url;
    const sections = sectionsOf(data, pageTitle);
    hits.forEach((locations, term) => {
      for (const { location, balanced_score } of locations) {
        const section = sectionAt(sections, location);
        section.hits.push({ location, score: balanced_score, term });
      }
    });
    const type = data.filters.type?.find(isSearchType);
    // Filters, not metadata (BaseLayout): Pagefind would index metadata words.
    const dated = data.filters.dated?.find((kind): kind is DateKind => (dateKinds as readonly string[]).includes(kind));
    sections.forEach((section, index) => {
      const end = sections[index + 1]?.start ?? words.length;
      const mark = words.indexOf(KEYWORDS_MARK, section.textStart);
      section.textEnd = mark !== -1 && mark < end ? mark : end;
      // A heading with nothing under it before the next one (a group's name) is not an answer.
      if (section.hits.length === 0 || section.textStart >= end) return;
      const score =
        section.hits.reduce((sum, hit) => sum + hit.score, 0) *
        coverage(section.hits.map((hit) => hit.term), weightOf);
      ranked.push({
        answer: {
          title: section.title,
          url: section.url,
          pageTitle,
          type,
          date: data.filters.date?.[0],
          dated,
          excerpt: excerpt(words, section, excerptWords),
          score,
        },
        order: ranked.length,
      });
    });
  }
  return ranked.sort((a, b) => b.answer.score - a.answer.score || a.order - b.order).map(({ answer }) => answer);
}

function sectionsOf(data: PagefindPageData, pageTitle: string): Section[] {
  const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const anchored = data.anchors
    .filter((a) => (a.title !== undefined && /\S/.test(a.title)) || (/^h\d$/i.test(a.element) && a.text !== undefined && /\S/.test(a.text)))
    .sort((a, b) => a.location - b.location)
    .map((a) => ({
      title: (a.title ?? a.text ?? '').trim(),
      url: `${data.url}#${a.id}`,
      start: a.location,
      // A heading's own words are the answer's title; the excerpt starts after them.
      textStart: /^h\d$/i.test(a.element) ? a.location + wordsIn(a.text ?? '') : a.location,
      textEnd: Infinity,
      hits: [],
    }));
  // A record (lib/search-split.ts, search-records.ts) starts with its own title; its excerpt starts after it.
  const titleWords = pageTitle.split(/\s+/).filter(Boolean).map(bare);
  const words = data.content.split(/\s+/).slice(0, titleWords.length).map(bare);
  const textStart = titleWords.length > 0 && titleWords.every((word, index) => words[index] === word) ? titleWords.length : 0;
  return [{ title: pageTitle, url: data.url, start: 0, textStart, textEnd: Infinity, hits: [] }, ...anchored];
}

/** A word without the punctuation around it: Pagefind ends a heading's text with a full stop. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function sectionAt(sections: Section[], location: number): Section {
  let found = sections[0]!;
  for (const section of sections) {
    if (section.start <= location) found = section;
    else break;
  }
  return found;
}

/**
 * The window of `length` words in the section's text (not its heading, not its hidden keywords)
 * that holds the most of the words searched for, then the most matches; matched words are marked.
 */
function excerpt(words: string[], section: Section, length: number): ExcerptPart[] {
  const end = section.textEnd;
  const from = Math.min(section.textStart, end);
  const shown = section.hits.filter((hit) => hit.location >= from && hit.location < end);
  const marked = new Set(shown.map((hit) => hit.location));
  let start = from;
  let best = -1;
  for (const candidate of [from, ...shown.map((hit) => hit.location - 5)]) {
    const windowStart = Math.max(from, Math.min(candidate, end - length));
    const inside = shown.filter((hit) => hit.location < windowStart + length && hit.location >= windowStart);
    const value = new Set(inside.map((hit) => hit.term)).size * 1000 + inside.length;
    if (value > best) {
      best = value;
      start = windowStart;
    }
  }
  const stop = Math.min(end, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, isMarked: boolean) => {
    const last = parts.at(-1);
    if (last && last.marked === isMarked) last.text += text;
    else parts.push({ text, marked: isMarked });
  };
  if (start > from) push('… ', false);
  for (let location = start; location < stop; location++) {
    if (location > start) push(' ', false);
    const word = words[location] ?? '';
    if (marked.has(location)) {
      // Keep punctuation next to a marked word outside the mark: "<mark>encrypted</mark>."
      const [, lead = '', core = word, trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
      if (lead) push(lead, false);
      push(core, true);
      if (trail) push(trail, false);
    } else {
      push(word, false);
    }
  }
  if (stop < end) push(' …', false);
  return parts;
}
