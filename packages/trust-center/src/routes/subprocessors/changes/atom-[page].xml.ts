import { inRouteLanguage } from '../../../i18n/editions.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../lib/feeds/feed.ts';
import { changesFeed, olderFeedPages } from '../../../lib/feeds/sources.ts';
import { getChanges } from '../../../lib/site-data.ts';

// The older pages (2, 3, ...) of the RFC 5005 paged feed whose page 1 is atom.xml.
export const getStaticPaths = (async ({ routePattern }) =>
  inRouteLanguage(routePattern, async () => olderFeedPages((await getChanges()).length))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, params }) => {
  const { feed, language } = await changesFeed(site, Number(params.page));
  return feedResponse(feed, 'atom', language);
};
