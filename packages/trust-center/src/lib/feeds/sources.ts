import { useTranslations } from '../../i18n/index.ts';
import { entryHtml } from '../render-entry.ts';
import { getChanges, getCompany, getSubprocessorNames, getSubprocessors, getUpdates } from '../site-data.ts';
import { changeHtml, changeTitle } from '../subprocessors/describe.ts';
import { buildFeed, type FeedSpec } from './feed.ts';
import { itemUrn } from './stable-id.ts';

const t = useTranslations();

/** Absolute URL of a site path, from Astro's `site` (SITE_URL or the company file). */
export function absolute(path: string, site: URL | undefined, fallback: string): string {
  return new URL(path, site ?? fallback).href;
}

/**
 * One of the site's feeds: the company, language, author and absolute URLs are the same for all;
 * `items` gets the absolute-URL builder and the company's id scope for stable item ids.
 */
async function siteFeed(
  site: URL | undefined,
  path: string,
  words: { title: (company: string) => string; description: (company: string) => string },
  items: (url: (path: string) => string, scope: string) => Promise<FeedSpec['items']>,
) {
  const company = await getCompany();
  const language = company.languages[0] ?? 'en';
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
  });
  return { feed, language };
}

/** The sub-processor change feed: one item per event, announced date as publication date. */
export async function changesFeed(site: URL | undefined) {
  const names = await getSubprocessorNames();
  const facts = new Map((await getSubprocessors()).map((entry) => [entry.id, entry.data]));
  const events = await getChanges();
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
  );
}

/** The news feed. */
export async function updatesFeed(site: URL | undefined) {
  const updates = await getUpdates();
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
  );
}
