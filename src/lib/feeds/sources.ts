import { t } from '../../i18n/en';
import { entryHtml } from '../render-entry';
import { getChanges, getCompany, getSubprocessorNames, getSubprocessors, getUpdates } from '../site-data';
import { changeHtml, changeTitle } from '../subprocessors/describe';
import { buildFeed, type FeedSpec } from './feed';
import { itemUrn } from './stable-id';

/** Absolute URL of a site path, from Astro's `site` (SITE_URL or the company file). */
export function absolute(path: string, site: URL | undefined, fallback: string): string {
  return new URL(path, site ?? fallback).href;
}

async function feedBasics(site: URL | undefined) {
  const company = await getCompany();
  const language = company.languages[0] ?? 'en';
  const url = (path: string) => absolute(path, site, company.siteUrl);
  const author = { name: company.legalName ?? company.name, email: company.contacts.general, link: url('/') };
  return { company, language, url, author, copyright: `${company.legalName ?? company.name}` };
}

/** The sub-processor change feed: one item per event, announced date as publication date. */
export async function changesFeed(site: URL | undefined) {
  const { company, language, url, author, copyright } = await feedBasics(site);
  const names = await getSubprocessorNames();
  const facts = new Map((await getSubprocessors()).map((entry) => [entry.id, entry.data]));
  const items: FeedSpec['items'] = [];
  for (const event of await getChanges()) {
    items.push({
      id: itemUrn(company.organisationNumber, 'subprocessor-change', event.id),
      title: changeTitle(event, names),
      link: url(`/subprocessors/changes/${event.id}/`),
      published: event.data.announced,
      summary: changeTitle(event, names),
      html: changeHtml(event, facts, await entryHtml(event)),
      categories: [t.changes.types[event.data.type]],
    });
  }
  const feed = buildFeed({
    title: t.changes.feedTitle(company.name),
    description: t.changes.feedDescription(company.name),
    pageUrl: url('/subprocessors/changes/'),
    feedBase: url('/subprocessors/changes/'),
    language,
    author,
    copyright,
    items,
  });
  return { feed, language };
}

/** The news feed. */
export async function updatesFeed(site: URL | undefined) {
  const { company, language, url, author, copyright } = await feedBasics(site);
  const items: FeedSpec['items'] = [];
  for (const entry of await getUpdates()) {
    items.push({
      id: itemUrn(company.organisationNumber, 'update', entry.id),
      title: entry.data.title,
      link: url(`/updates/${entry.id}/`),
      published: entry.data.date,
      summary: entry.data.summary,
      html: await entryHtml(entry),
      categories: [t.updates.categories[entry.data.category]],
    });
  }
  const feed = buildFeed({
    title: t.updates.feedTitle(company.name),
    description: t.updates.feedDescription(company.name),
    pageUrl: url('/updates/'),
    feedBase: url('/updates/'),
    language,
    author,
    copyright,
    items,
  });
  return { feed, language };
}
