import type { APIRoute, GetStaticPaths } from 'astro';
import { twinMarkdown } from '../lib/machine/twin-pages.ts';
import { markdownTwins, type TwinKey } from '../lib/machine/twins.ts';

// One Markdown twin per main page (/index.md, /whitepaper.md, …), from the same content the page renders.
export const getStaticPaths = (() => markdownTwins.map((twin) => ({ params: { twin: twin.key } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const body = await twinMarkdown(params.twin as TwinKey, site);
  return new Response(body, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
