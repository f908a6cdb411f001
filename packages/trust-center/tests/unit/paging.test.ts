import { extractFromXml } from '@extractus/feed-extractor';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildFeed, renderFeed, type FeedFormat, type FeedItem } from '../../src/lib/feeds/feed.ts';
import { ARCHIVE_PAGE_SIZE, FEED_PAGE_SIZE, feedPageFile, feedPageLinks, inSearchArchive, isPageNumberId, pageCount, pageItems, RECENT_IN_SEARCH, searchArchiveCount } from '../../src/lib/paging.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { checkUpdateIds } from '../../src/lib/rules/update-ids.ts';

const base = 'https://trust.example.com/updates/';

/** A news feed of `items`, as page `page` of a paged feed when given. */
function newsFeed(items: FeedItem[], page?: { number: number; last: number }) {
  return buildFeed({
    title: 'News',
    description: 'News',
    pageUrl: base,
    feedBase: base,
    language: 'en',
    author: { name: 'Example', email: 'hello@example.com', link: 'https://trust.example.com/' },
    copyright: 'Example',
    items,
    ...(page ? { page } : {}),
  });
}

describe('pages of a newest-first list', () => {
  it('counts pages, with one page for an empty list', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(5000, FEED_PAGE_SIZE)).toBe(100);
  });

  it('puts every item on exactly one page, in order', () => {
    for (const total of [0, 1, 19, 20, 21, 49, 50, 51, 137]) {
      const items = Array.from({ length: total }, (_, i) => i);
      for (const size of [ARCHIVE_PAGE_SIZE, FEED_PAGE_SIZE]) {
        const pages = Array.from({ length: pageCount(total, size) }, (_, i) => pageItems(items, i + 1, size));
        expect(pages.flat()).toEqual(items);
        expect(pages.every((page) => page.length <= size)).toBe(true);
        expect(pages.slice(0, -1).every((page) => page.length === size)).toBe(true);
      }
    }
  });

  it('tells page numbers from news ids', () => {
    expect(isPageNumberId('2')).toBe(true);
    expect(isPageNumberId('2026-01-01-soc-2')).toBe(false);
    expect(checkUpdateIds([{ id: '12', file: 'content/updates/12.mdx' }, { id: '2026-01-01-soc-2', file: 'content/updates/2026-01-01-soc-2.mdx' }]).map(formatFinding)).toEqual([
      'content/updates/12.mdx: (file name): "12" would clash with the news archive\'s page numbers; start it with a date and a word (reserved-id)',
    ]);
  });
});

describe('RFC 5005 paged feeds', () => {
  it('names page 1 as the subscription file and later pages after it', () => {
    expect(feedPageFile('rss', 1)).toBe('feed.xml');
    expect(feedPageFile('atom', 1)).toBe('atom.xml');
    expect(feedPageFile('json', 1)).toBe('feed.json');
    expect(feedPageFile('rss', 2)).toBe('feed-2.xml');
    expect(feedPageFile('atom', 3)).toBe('atom-3.xml');
    expect(feedPageFile('json', 12)).toBe('feed-12.json');
  });

  it('links first, last, previous (newer) and next (older)', () => {
    expect(feedPageLinks(base, 'atom', 1, 1)).toEqual({ self: `${base}atom.xml`, first: `${base}atom.xml`, last: `${base}atom.xml` });
    expect(feedPageLinks(base, 'rss', 1, 3)).toEqual({ self: `${base}feed.xml`, first: `${base}feed.xml`, last: `${base}feed-3.xml`, next: `${base}feed-2.xml` });
    expect(feedPageLinks(base, 'json', 2, 3)).toEqual({
      self: `${base}feed-2.json`,
      first: `${base}feed.json`,
      last: `${base}feed-3.json`,
      previous: `${base}feed.json`,
      next: `${base}feed-3.json`,
    });
    expect(feedPageLinks(base, 'rss', 3, 3)).toEqual({ self: `${base}feed-3.xml`, first: `${base}feed.xml`, last: `${base}feed-3.xml`, previous: `${base}feed-2.xml` });
  });

  // 120 items newest first, split the way lib/feeds/sources.ts splits them.
  const all: FeedItem[] = Array.from({ length: 120 }, (_, i) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Item ${i}`,
    link: `${base}2026-01-01-item-${i}/`,
    published: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000),
    summary: `Summary ${i}`,
    html: `<p>Item ${i}</p>`,
  }));
  const last = pageCount(all.length, FEED_PAGE_SIZE);
  const documents = new Map<string, string>();
  for (const format of ['rss', 'atom', 'json'] as FeedFormat[]) {
    for (let page = 1; page <= last; page++) {
      const spec = newsFeed(pageItems(all, page, FEED_PAGE_SIZE), { number: page, last });
      documents.set(new URL(feedPageFile(format, page), base).href, renderFeed(spec, format, 'en'));
    }
  }

  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  /** The paging links of an RSS or Atom document, by rel, read with an XML parser. */
  function xmlLinks(text: string, format: 'rss' | 'atom'): Record<string, string> {
    const doc = parser.parse(text) as Record<string, Record<string, unknown>>;
    const holder = format === 'rss' ? (doc.rss!.channel as Record<string, unknown>) : doc.feed!;
    const raw = holder[format === 'rss' ? 'atom:link' : 'link'];
    const links = (Array.isArray(raw) ? raw : [raw]) as { '@rel'?: string; '@href': string }[];
    return Object.fromEntries(links.map((link) => [link['@rel'] ?? 'alternate', link['@href']]));
  }

  for (const format of ['rss', 'atom'] as const) {
    it(`${format}: following "next" from the subscription document reaches every item exactly once, newest first`, () => {
      const seen: string[] = [];
      const visited: string[] = [];
      let url: string | undefined = new URL(feedPageFile(format, 1), base).href;
      while (url) {
        const text = documents.get(url);
        expect(text, url).toBeDefined();
        expect(XMLValidator.validate(text!)).toBe(true);
        const links = xmlLinks(text!, format);
        expect(links.self).toBe(url);
        expect(links.first).toBe(new URL(feedPageFile(format, 1), base).href);
        expect(links.last).toBe(new URL(feedPageFile(format, last), base).href);
        if (visited.length > 0) expect(links.previous).toBe(visited.at(-1));
        else expect(links.previous).toBeUndefined();
        visited.push(url);
        seen.push(...(extractFromXml(text!).entries ?? []).map((entry) => entry.link!));
        url = links.next;
      }
      expect(visited).toHaveLength(last);
      expect(seen).toEqual(all.map((item) => item.link));
    });
  }

  it('json: next_url chains the pages, and the last page has none', () => {
    const seen: string[] = [];
    let url: string | undefined = `${base}feed.json`;
    let pages = 0;
    while (url) {
      const json = JSON.parse(documents.get(url)!) as { feed_url: string; next_url?: string; items: { url: string }[] };
      expect(json.feed_url).toBe(url);
      seen.push(...json.items.map((item) => item.url));
      url = json.next_url;
      pages += 1;
    }
    expect(pages).toBe(last);
    expect(seen).toEqual(all.map((item) => item.link));
  });

  it('a feed given no page is one document without paging links', () => {
    const spec = newsFeed(all.slice(0, 3));
    expect(Object.keys(xmlLinks(renderFeed(spec, 'atom', 'en'), 'atom')).sort()).toEqual(['alternate', 'self']);
    expect(renderFeed(spec, 'json', 'en')).not.toContain('next_url');
  });
});

describe('inSearchArchive and searchArchiveCount', () => {
  it('keeps the newest RECENT_IN_SEARCH items in the main index and counts the rest', () => {
    expect(RECENT_IN_SEARCH).toBe(FEED_PAGE_SIZE);
    expect(inSearchArchive(0)).toBe(false);
    expect(inSearchArchive(RECENT_IN_SEARCH - 1)).toBe(false);
    expect(inSearchArchive(RECENT_IN_SEARCH)).toBe(true);
    expect(searchArchiveCount(0)).toBe(0);
    expect(searchArchiveCount(RECENT_IN_SEARCH)).toBe(0);
    expect(searchArchiveCount(RECENT_IN_SEARCH + 6)).toBe(6);
  });
});
