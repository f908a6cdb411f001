import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feeds/feed';
import { updatesFeed } from '../../lib/feeds/sources';

export const GET: APIRoute = async ({ site }) => {
  const { feed, language } = await updatesFeed(site);
  return feedResponse(feed, 'json', language);
};
