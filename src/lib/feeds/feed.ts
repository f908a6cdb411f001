import { Feed } from 'feed';

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
  items: FeedItem[];
}

/** One feed, three formats, built with the `feed` library; "updated" is the newest item's date, so rebuilds do not change it. */
export function buildFeed(spec: FeedSpec): Feed {
  const updated = spec.items.reduce((latest, item) => (item.published > latest ? item.published : latest), new Date(0));
  const feed = new Feed({
    title: spec.title,
    description: spec.description,
    id: spec.pageUrl,
    link: spec.pageUrl,
    language: spec.language,
    copyright: spec.copyright,
    updated,
    generator: 'trust-center (feed)',
    feedLinks: {
      rss: new URL(feedFiles.rss, spec.feedBase).href,
      atom: new URL(feedFiles.atom, spec.feedBase).href,
      json: new URL(feedFiles.json, spec.feedBase).href,
    },
    author: spec.author,
  });
  for (const item of spec.items) {
    feed.addItem({
      id: item.id,
      guid: item.id,
      title: item.title,
      link: item.link,
      date: item.published,
      published: item.published,
      description: item.summary,
      content: item.html,
      author: [spec.author],
      category: (item.categories ?? []).map((name) => ({ name })),
    });
  }
  return feed;
}

/** Serialises a feed; JSON Feed is lifted from the library's 1.0 output to 1.1 (authors, language). */
export function renderFeed(feed: Feed, format: FeedFormat, language: string): string {
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { author?: unknown; items: Record<string, unknown>[] };
  const { author, ...rest } = json;
  const items = json.items.map(({ author: itemAuthor, ...item }) => ({ ...item, ...(itemAuthor ? { authors: [itemAuthor] } : {}) }));
  return `${JSON.stringify({ ...rest, version: 'https://jsonfeed.org/version/1.1', language, ...(author ? { authors: [author] } : {}), items }, null, 2)}\n`;
}

export function feedResponse(feed: Feed, format: FeedFormat, language: string): Response {
  return new Response(renderFeed(feed, format, language), { headers: { 'Content-Type': feedContentTypes[format] } });
}
