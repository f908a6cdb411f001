import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The public URL of the site: SITE_URL when set (a preview deployment, a mirror), otherwise
 * `siteUrl` from the company file. Feeds, the sitemap and canonical links are built from it.
 */
export function resolveSiteUrl(contentDir: string, env = process.env): string | undefined {
  if (env.SITE_URL) return new URL(env.SITE_URL).href;
  const file = path.join(contentDir, 'company.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const company: unknown = parse(readFileSync(file, 'utf8'));
    const url = typeof company === 'object' && company !== null ? (company as { siteUrl?: unknown }).siteUrl : undefined;
    return typeof url === 'string' && URL.canParse(url) ? new URL(url).href : undefined;
  } catch {
    // A broken company file is reported by the content check with its file and field.
    return undefined;
  }
}
