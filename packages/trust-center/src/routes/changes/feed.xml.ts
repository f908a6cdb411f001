import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feeds/feed.ts';
import { statedChangesFeed } from '../../lib/feeds/sources.ts';

export const GET: APIRoute = async ({ site }) => {
  const { feed, language } = await statedChangesFeed(site);
  return feedResponse(feed, 'rss', language);
};
