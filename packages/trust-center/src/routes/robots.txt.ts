import type { APIRoute } from 'astro';
import { failIfAskedAt } from '../lib/fault-injection.ts';

// Generated so the Sitemap line carries the site's absolute URL, which may differ per deployment.
export const GET: APIRoute = ({ site }) => {
  // Tests make rendering fail here (any route would do) to check that dist/ is left as it was.
  failIfAskedAt('render');
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push(`Sitemap: ${new URL('sitemap-index.xml', site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
