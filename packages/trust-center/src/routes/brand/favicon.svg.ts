import type { APIRoute } from 'astro';
import { favicon } from 'virtual:trust-center/brand';

// The favicon at /favicon.svg: the `brand.favicon` file, or a plain shield in the accent when the site has no public/favicon.svg.
export const GET: APIRoute = () => new Response(favicon ?? '', { headers: { 'Content-Type': 'image/svg+xml' } });
