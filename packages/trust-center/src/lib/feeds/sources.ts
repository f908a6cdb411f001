import { useTranslations } from '../../i18n/index.ts';
import { currentLanguage, isTranslation, localizedPath } from '../../i18n/editions.ts';
import { entryHtml } from '../render-entry.ts';
import { getChanges, getCompany, getStatedChanges, getSubprocessorNames, getSubprocessors, getUpdates } from '../site-data.ts';
import { escapeHtml } from '../html.ts';
import { changeHtml, changeTitle } from '../subprocessors/describe.ts';
import { FEED_PAGE_SIZE, pageCount, pageItems } from '../paging.ts';
import { buildFeed, type FeedSpec } from './feed.ts';
import { itemUrn } from './stable-id.ts';

const t = useTranslations();

/**
 * Absolute URL of a site path, from Astro's `site` (SITE_URL or the company file), in the edition
 * being rendered: a Norwegian feed's items link to the Norwegian pages.
 */
export function absolute(path: string, site: URL | undefined, fallback: string): string {
  return new URL(localizedPath(path, currentLanguage()), site ?? fallback).href;
}

/**
 * One page of one of the site's feeds: the company, language, author and absolute URLs are the
 * same for all; `items` gets the absolute-URL builder and the company's id scope for stable item ids.
 */
async function siteFeed(
  site: URL | undefined,
  path: string,
  words: { title: (company: string) => string; description: (company: string) => string },
  items: (url: (path: string) => string, scope: string) => Promise<FeedSpec['items']>,
  page: NonNullable<FeedSpec['page']>,
) {
  const company = await getCompany();
  const language = isTranslation(currentLanguage()) ? currentLanguage() : (company.languages[0] ?? 'en');
  const url = (target: string) => absolute(target, site, company.siteUrl);
  const name = company.legalName ?? company.name;
  const feed = buildFeed({
    title: words.title(company.name),
    description: words.description(company.name),
    pageUrl: url(path),
    feedBase: url(path),
    language,
    author: { name, email: company.contacts.general, link: url('/') },
    copyright: name,
    items: await items(url, company.organisationNumber),
    page,
  });
  return { feed, language };
}

/** The numbers of a feed's pages after the first (the subscription document), for getStaticPaths. */
export function olderFeedPages(total: number): { params: { page: string } }[] {
  return Array.from({ length: pageCount(total, FEED_PAGE_SIZE) - 1 }, (_, i) => ({ params: { page: String(i + 2) } }));
}

/** Page `page` of a newest-first list, with the paging facts a feed page carries. */
function feedPage<T>(all: readonly T[], page: number): { items: T[]; page: { number: number; last: number } } {
  return { items: pageItems(all, page, FEED_PAGE_SIZE), page: { number: page, last: pageCount(all.length, FEED_PAGE_SIZE) } };
}

/** Page `page` of the sub-processor change feed: one item per event, announced date as publication date. */
export async function changesFeed(site: URL | undefined, page = 1) {
  const names = await getSubprocessorNames();
  const facts = new Map((await getSubprocessors()).map((entry) => [entry.id, entry.data]));
  const { items: events, page: paging } = feedPage(await getChanges(), page);
  return siteFeed(site, '/subprocessors/changes/', { title: t.changes.feedTitle, description: t.changes.feedDescription }, async (url, scope) =>
    Promise.all(
      events.map(async (event) => ({
        id: itemUrn(scope, 'subprocessor-change', event.id),
        title: changeTitle(event, names),
        link: url(`/subprocessors/changes/${event.id}/`),
        published: event.data.announced,
        summary: changeTitle(event, names),
        html: changeHtml(event, facts, await entryHtml(event)),
        categories: [t.changes.types[event.data.type]],
      })),
    ),
    paging,
  );
}

/** Page `page` of the news feed. */
export async function updatesFeed(site: URL | undefined, page = 1) {
  const { items: updates, page: paging } = feedPage(await getUpdates(), page);
  return siteFeed(site, '/updates/', { title: t.updates.feedTitle, description: t.updates.feedDescription }, async (url, scope) =>
    Promise.all(
      updates.map(async (entry) => ({
        id: itemUrn(scope, 'update', entry.id),
        title: entry.data.title,
        link: url(`/updates/${entry.id}/`),
        published: entry.data.date,
        summary: entry.data.summary,
        html: await entryHtml(entry),
        categories: [t.updates.categories[entry.data.category]],
      })),
    ),
    paging,
  );
}

/**
 * Page `page` of the "what changed" feed: one item per change, newest first; a revision's content
 * is its word-level diff (escaped text in `<del>`/`<ins>`), an event's or news item's its summary.
 */
export async function statedChangesFeed(site: URL | undefined, page = 1) {
  const { items: changes, page: paging } = feedPage(await getStatedChanges(), page);
  return siteFeed(site, '/changes/', { title: t.revisions.feedTitle, description: t.revisions.feedDescription }, async (url, scope) =>
    changes.map((change) => {
      const kind = t.revisions.kinds[change.kind];
      const heading = change.action ? `${kind}, ${t.revisions.actions[change.action].toLowerCase()}: ${change.title}` : `${kind}: ${change.title}`;
      return {
        id: itemUrn(scope, 'stated-change', change.id),
        title: heading,
        link: url(change.path),
        published: change.date,
        summary: change.summary ?? heading,
        html: change.diff === undefined ? `<p>${escapeHtml(change.summary ?? change.title)}</p>` : `<p>${change.diff}</p>`,
        categories: [kind],
      };
    }),
    paging,
  );
}
