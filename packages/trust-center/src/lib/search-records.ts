import { escapeHtml } from './html.ts';
import { isoDate } from './dates.ts';
import { KEYWORDS_MARK, type SearchType } from './search.ts';

/** A page Pagefind indexes that is not a file in `dist/`: a place on a page, at its own URL. */
export interface SearchRecord {
  /** Where a result lands, e.g. `/#control-mfa`. */
  url: string;
  /** A small HTML document in the markup the site's pages give Pagefind (BaseLayout, SearchKeywords). */
  content: string;
}

/** One item of a list page that search should treat as a page of its own. */
export interface SearchRecordItem {
  /** Where the item is shown: the page's path and the item's anchor. */
  url: string;
  /** The item's name: the result's title. */
  title: string;
  /** The words a result's excerpt is taken from. */
  text: string;
  /** Words a reader may search for that the text does not use; ranked like a minor heading, never shown. */
  keywords: readonly string[];
}

/**
 * Records for items shown together on one long page (the overview's controls). Indexed as part of
 * that page, every search matching any of them loaded the whole page's data (4.5 KB of a first
 * search's 100 KB budget); as records of their own, a search loads only the items that match, and
 * each item is ranked on its own words. The markup follows the site's pages: the filter, title and
 * date Pagefind reads, the item's words weighted as they were on the page (its name is plain text,
 * not a heading), and hidden keywords after the KEYWORDS_MARK.
 */
export function searchRecords(items: readonly SearchRecordItem[], type: SearchType, date: Date, language: string): SearchRecord[] {
  return items.map((item) => {
    const keywords = item.keywords.length > 0 ? `<p hidden data-pagefind-weight="2">${escapeHtml(`${KEYWORDS_MARK} ${item.keywords.join(', ')}`)}</p>` : '';
    const content =
      `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${escapeHtml(item.title)}</title></head>` +
      `<body><main data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type">${type}</span>` +
      `<span data-pagefind-meta="title">${escapeHtml(item.title)}</span><span data-pagefind-filter="date">${isoDate(date)}</span>` +
      `<span data-pagefind-filter="dated">as-of</span></div><p>${escapeHtml(item.title)}</p><p>${escapeHtml(item.text)}</p>${keywords}</main></body></html>`;
    return { url: item.url, content };
  });
}

/** The anchor of a control on the overview (ControlGroups), where its search results land. */
export function controlAnchor(id: string): string {
  return `control-${id}`;
}

/** The overview's controls as search records: each one's name, statement and keywords. */
export function controlSearchRecords(
  controls: readonly { id: string; data: { title: string; statement: string; keywords?: readonly string[] } }[],
  date: Date,
  language: string,
): SearchRecord[] {
  const items = controls.map(({ id, data }) => ({ url: `/#${controlAnchor(id)}`, title: data.title, text: data.statement, keywords: data.keywords ?? [] }));
  return searchRecords(items, 'control', date, language);
}
