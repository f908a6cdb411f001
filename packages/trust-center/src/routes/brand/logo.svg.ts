import type { APIRoute } from 'astro';
import { logo } from 'virtual:trust-center/brand';

// The `brand.logo` file, served at /logo.svg (injected only when the site gives one that is not already in public/).
export const GET: APIRoute = () => new Response(logo ?? '', { headers: { 'Content-Type': 'image/svg+xml' } });
