import type { APIRoute } from 'astro';
import { twinMarkdown } from '../lib/machine/twin-pages.ts';
import { markdownTwins } from '../lib/machine/twins.ts';

// Every Markdown twin in one file, in the order /llms.txt lists them (overview first, security last).
export const GET: APIRoute = async ({ site }) => {
  const twins = await Promise.all(markdownTwins.map((twin) => twinMarkdown(twin.key, site)));
  return new Response(twins.join('\n---\n\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
