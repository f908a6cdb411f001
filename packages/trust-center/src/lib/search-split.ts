import type { SearchRecord } from './search-records.ts';

/**
 * The attribute that makes a part of a built page a search record of its own (a whitepaper
 * section, an FAQ answer): its value is the part's anchor. The part also carries
 * `data-pagefind-ignore`, so the page's own record leaves it out and nothing is indexed twice.
 *
 * Why: Pagefind loads a page's whole data (its fragment) when any word of it matches. The
 * whitepaper's was 3.5 KB and the FAQ's 1.3 KB of a first search's 90 KB budget, for one
 * section's answer; as records, a search loads only the sections that match, and each section is
 * ranked on its own words.
 */
export const RECORD_ATTRIBUTE = 'data-search-record';

const TAG = /<(\/?)([a-zA-Z][\w-]*)\b[^>]*>/g;
const RECORD_OPEN = new RegExp(`<([a-zA-Z][\\w-]*)\\b[^>]*\\s${RECORD_ATTRIBUTE}="([^"]*)"[^>]*>`, 'g');

/** A marked part of a page: its anchor and where its element starts and ends in the page's HTML. */
interface Span {
  anchor: string;
  start: number;
  /** Just after the element's end tag. */
  end: number;
  /** Just after the element's start tag, and where its end tag starts. */
  innerStart: number;
  innerEnd: number;
}

/**
 * Where each marked element ends: the end tag that closes it, counting elements of the same name
 * opened and closed inside it. The pages are the engine's own markup, and content cannot add raw
 * HTML (mdx-policy.ts), so a tag-name count is exact; an element left open is not a record.
 */
function spansOf(html: string): Span[] {
  const spans: Span[] = [];
  for (const open of html.matchAll(RECORD_OPEN)) {
    const name = open[1]!.toLowerCase();
    const innerStart = open.index + open[0].length;
    let depth = 1;
    TAG.lastIndex = innerStart;
    for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
      if (tag[2]!.toLowerCase() !== name) continue;
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) {
        spans.push({
          anchor: open[2]!,
          start: open.index,
          end: tag.index + tag[0].length,
          innerStart,
          innerEnd: tag.index,
        });
        break;
      }
    }
  }
  return spans;
}

/** The span's inner HTML without the records nested in it (a section's subsections are records of their own). */
function ownHtml(html: string, span: Span, spans: readonly Span[]): string {
  let text = '';
  let at = span.innerStart;
  for (const inner of spans) {
    if (inner.start < at || inner.end > span.innerEnd || inner === span) continue;
    text += html.slice(at, inner.start);
    at = inner.end;
  }
  return text + html.slice(at, span.innerEnd);
}

/**
 * Ids are dropped inside a record: Pagefind turns a heading with an id into a place to land on,
 * and the record's URL already is that place. Only attributes inside tags are touched.
 */
function withoutIds(html: string): string {
  return html.replace(/<[^>]*>/g, (tag) => tag.replace(/\sid="[^"]*"/g, ''));
}

/** The text of the first heading in the record: its result's title (entities kept, as it goes back into HTML). */
function titleOf(html: string): string | undefined {
  const heading = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(html);
  const text = heading?.[1]
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/**
 * The marked parts of a built page as search records at `<pageUrl>#<anchor>`, each a small
 * document with the page's language and its search data (type, date: BaseLayout's hidden block),
 * its title from its first heading, and its own words, weights and hidden keywords as the page
 * has them. A page with no marked part gives none.
 */
export function splitSearchRecords(pageUrl: string, html: string): SearchRecord[] {
  if (!html.includes(RECORD_ATTRIBUTE)) return [];
  const lang = /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? 'en';
  const main = /<main\b[^>]*\sdata-pagefind-body[^>]*>/i.exec(html);
  if (!main) return [];
  // BaseLayout's block of filters and meta comes first inside <main>.
  const searchData = /^<div hidden data-pagefind-ignore>[\s\S]*?<\/div>/.exec(html.slice(main.index + main[0].length))?.[0] ?? '';
  const spans = spansOf(html);
  return spans.flatMap((span) => {
    const body = withoutIds(ownHtml(html, span, spans));
    const title = titleOf(body);
    if (title === undefined) return [];
    const titleMeta = `<span data-pagefind-meta="title">${title}</span>`;
    const titled = searchData === '' ? `<div hidden data-pagefind-ignore>${titleMeta}</div>` : searchData.replace(/<\/div>$/, `${titleMeta}</div>`);
    const content = `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><main data-pagefind-body>${titled}${body}</main></body></html>`;
    return [{ url: `${pageUrl}#${span.anchor}`, content }];
  });
}

/** The attribute BaseLayout puts on <main> instead of data-pagefind-body for an archived page (lib/paging.ts inSearchArchive). */
const ARCHIVE_MARK = /(<main\b[^>]*?\s)data-search-archive(?=[\s>=])/;

/**
 * An archived page as the archive bundle indexes it, or undefined for a page that is not archived:
 * its `<html>` tag (Pagefind takes the language from it) and its `<main>`, with the archive mark
 * turned into Pagefind's own `data-pagefind-body`, and nothing else. Pagefind indexes only what is
 * inside that element, so the bundle is the same; the header, navigation and footer it no longer
 * parses were four fifths of every page sent to it. On the 9,906 archived pages of a build with
 * 5,000 extra news items the archive bundle came out byte-identical, in half the time.
 */
export function archivedPage(html: string): string | undefined {
  if (!ARCHIVE_MARK.test(html)) return undefined;
  const marked = html.replace(ARCHIVE_MARK, '$1data-pagefind-body');
  const htmlTag = /<html\b[^>]*>/i.exec(marked)?.[0] ?? '<html>';
  const main = /<main\b[\s\S]*<\/main>/.exec(marked)?.[0];
  return main === undefined ? marked : `<!DOCTYPE html>${htmlTag}<head><meta charset="utf-8"></head><body>${main}</body></html>`;
}
