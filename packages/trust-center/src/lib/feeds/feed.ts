import { Feed } from 'feed';
import { feedPageLinks, type FeedPageLinks } from '../paging.ts';
import { atomTextTypes, contentMark, finishXml, hideAngles, withContents, xmlChars } from './xml-text.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Where each format of one feed lives, relative to the site. */
export const feedFiles: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedItem {
  /** A stable id that does not depend on the site's address (see stable-id.ts). */
  id: string;
  title: string;
  /** Absolute permalink. */
  link: string;
  /** The publication date (for sub-processor changes: the announcement). */
  published: Date;
  /** One or two sentences. */
  summary: string;
  /** The full item as HTML. */
  html: string;
  categories?: string[];
}

export interface FeedSpec {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  /** Absolute URL of the folder holding feed.xml, atom.xml and feed.json. */
  feedBase: string;
  language: string;
  author: { name: string; email: string; link: string };
  copyright: string;
  /** This document's items, newest first: for a paged feed, only this page's. */
  items: FeedItem[];
  /** Which page of an RFC 5005 paged feed this document is (1 = the subscription document); absent: the whole feed in one document. */
  page?: { number: number; last: number };
}

/**
 * One feed, three formats. The spec is kept as given (characters XML cannot carry removed) and
 * handed to the `feed` library when a format is written, with its text prepared for that format.
 */
export function buildFeed(spec: FeedSpec): FeedSpec {
  const x = xmlChars;
  return {
    ...spec,
    title: x(spec.title),
    description: x(spec.description),
    copyright: x(spec.copyright),
    author: { ...spec.author, name: x(spec.author.name) },
    items: spec.items.map((item) => ({
      ...item,
      title: x(item.title),
      summary: x(item.summary),
      html: x(item.html),
      ...(item.categories ? { categories: item.categories.map(x) } : {}),
    })),
  };
}

/** The paging links of a document in `format`, or none when the feed is one document. */
function pageLinks(spec: FeedSpec, format: FeedFormat): FeedPageLinks | undefined {
  return spec.page && feedPageLinks(spec.feedBase, format, spec.page.number, spec.page.last);
}

/**
 * RFC 5005 section 3 links as Atom link elements (`atom:link` in RSS, where the library already
 * declares the prefix), placed right after the document's own self link. URLs come from the
 * site address and fixed file names, and are attribute-escaped all the same.
 */
function withPageLinks(xml: string, links: FeedPageLinks | undefined, element: 'link' | 'atom:link'): string {
  if (!links) return xml;
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const rels = (['first', 'last', 'previous', 'next'] as const).flatMap((rel) => (links[rel] ? [`<${element} rel="${rel}" href="${attr(links[rel])}"/>`] : []));
  const self = new RegExp(`(<${element} [^>]*rel="self"[^>]*/>)`);
  if (!self.test(xml)) throw new Error(`feed: no self link to place the paging links after (${element})`);
  return xml.replace(self, (match) => [match, ...rels].join('\n        '));
}

/**
 * The library's feed, every text passed through `text` and each item's content replaced by its
 * mark (contentMark; an empty content stays empty, as the library then leaves the element out);
 * "updated" is the newest item's date, so rebuilds do not change it.
 */
function libraryFeed(spec: FeedSpec, text: (value: string) => string): Feed {
  const updated = spec.items.reduce((latest, item) => (item.published > latest ? item.published : latest), new Date(0));
  const author = { ...spec.author, name: text(spec.author.name) };
  const feed = new Feed({
    title: text(spec.title),
    description: text(spec.description),
    id: spec.pageUrl,
    link: spec.pageUrl,
    language: spec.language,
    copyright: text(spec.copyright),
    updated,
    generator: 'trust-center (feed)',
    // Each document's self link is its own page's address.
    feedLinks: {
      rss: pageLinks(spec, 'rss')?.self ?? new URL(feedFiles.rss, spec.feedBase).href,
      atom: pageLinks(spec, 'atom')?.self ?? new URL(feedFiles.atom, spec.feedBase).href,
      json: pageLinks(spec, 'json')?.self ?? new URL(feedFiles.json, spec.feedBase).href,
    },
    author,
  });
  for (const [index, item] of spec.items.entries()) {
    feed.addItem({
      id: item.id,
      guid: item.id,
      title: text(item.title),
      link: item.link,
      date: item.published,
      published: item.published,
      description: text(item.summary),
      content: item.html ? contentMark(index) : '',
      author: [author],
      category: (item.categories ?? []).map((name) => ({ name: text(name) })),
    });
  }
  return feed;
}

/**
 * Serialises a feed; JSON Feed is lifted from the library's 1.0 output to 1.1 (authors, language).
 * Titles and summaries are plain text in every format and only the item content is HTML: in RSS
 * and Atom every text is escaped XML text (see xml-text.ts for why not the library's CDATA), Atom
 * titles and summaries say `type="text"`; JSON Feed carries them as JSON strings.
 */
export function renderFeed(spec: FeedSpec, format: FeedFormat, language: string): string {
  const contents = spec.items.map((item) => item.html);
  if (format === 'rss') return withContents(withPageLinks(finishXml(libraryFeed(spec, hideAngles).rss2()), pageLinks(spec, 'rss'), 'atom:link'), contents);
  if (format === 'atom') return withContents(withPageLinks(atomTextTypes(finishXml(libraryFeed(spec, hideAngles).atom1())), pageLinks(spec, 'atom'), 'link'), contents);
  const json = JSON.parse(libraryFeed(spec, (value) => value).json1()) as Record<string, unknown> & { author?: unknown; items: Record<string, unknown>[] };
  const { author, ...rest } = json;
  // The library's items are in the spec's order; an item's content_html is its mark, or its summary when it has no content.
  const items = json.items.map(({ author: itemAuthor, ...item }, index) => ({
    ...item,
    ...(contents[index] ? { content_html: contents[index] } : {}),
    ...(itemAuthor ? { authors: [itemAuthor] } : {}),
  }));
  // JSON Feed pages with `next_url` (the next older page); it has no link to newer pages.
  const next = pageLinks(spec, 'json')?.next;
  return `${JSON.stringify({ ...rest, version: 'https://jsonfeed.org/version/1.1', language, ...(author ? { authors: [author] } : {}), ...(next ? { next_url: next } : {}), items }, null, 2)}\n`;
}

export function feedResponse(feed: FeedSpec, format: FeedFormat, language: string): Response {
  return new Response(renderFeed(feed, format, language), { headers: { 'Content-Type': feedContentTypes[format] } });
}
