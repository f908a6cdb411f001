import { cspDirectives } from './csp.ts';
import { markdownTwins } from './machine/twins.ts';

/** One rule: a path pattern (`*` matches anything, as Netlify and Cloudflare write it) and its headers. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/**
 * The policy sent as a header. Pages carry Astro's <meta> policy with the hashes of their own
 * scripts and styles; the site ships no inline script or style, so 'self' is enough here, and
 * a browser enforces both. frame-ancestors only works in a header.
 */
export function headerCsp(): string {
  return [...cspDirectives, "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "frame-ancestors 'none'"].join('; ');
}

const HOUR = 3600;
const YEAR = 31_536_000;

/**
 * Every header rule, in order. Hosts join the headers of all rules matching a path, so no header
 * appears in two rules that can match the same path; HTML keeps the hosts' default revalidation.
 */
export function headerRules(): HeaderRule[] {
  const short = { 'Cache-Control': `public, max-age=${HOUR}, must-revalidate` };
  const typed = (path: string, type: string): HeaderRule => ({ path, headers: { 'Content-Type': type, ...short } });
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': headerCsp(),
        'Strict-Transport-Security': `max-age=${2 * YEAR}; includeSubDomains; preload`,
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Resource-Policy': 'same-origin',
      },
    },
    // Astro's and Pagefind's file names carry a content hash, so they never change in place.
    { path: '/_astro/*', headers: { 'Cache-Control': `public, max-age=${YEAR}, immutable` } },
    typed('/subprocessors/changes/feed.xml', 'application/rss+xml; charset=utf-8'),
    typed('/updates/feed.xml', 'application/rss+xml; charset=utf-8'),
    typed('/subprocessors/changes/atom.xml', 'application/atom+xml; charset=utf-8'),
    typed('/updates/atom.xml', 'application/atom+xml; charset=utf-8'),
    typed('/subprocessors/changes/feed.json', 'application/feed+json; charset=utf-8'),
    typed('/updates/feed.json', 'application/feed+json; charset=utf-8'),
    typed('/subprocessors/changes/calendar.ics', 'text/calendar; charset=utf-8'),
    typed('/subprocessors.csv', 'text/csv; charset=utf-8; header=present'),
    typed('/subprocessors.json', 'application/json; charset=utf-8'),
    typed('/subprocessors.schema.json', 'application/schema+json; charset=utf-8'),
    typed('/.well-known/security.txt', 'text/plain; charset=utf-8'),
    typed('/trust.json', 'application/json; charset=utf-8'),
    typed('/trust.schema.json', 'application/schema+json; charset=utf-8'),
    typed('/llms.txt', 'text/plain; charset=utf-8'),
    typed('/llms-full.txt', 'text/plain; charset=utf-8'),
    typed('/manifest.webmanifest', 'application/manifest+json; charset=utf-8'),
    ...markdownTwins.map((twin) => typed(twin.markdown, 'text/markdown; charset=utf-8')),
  ];
}

/** Netlify and Cloudflare Pages: `_headers` in the published folder. */
export function netlifyHeaders(rules: HeaderRule[] = headerRules()): string {
  const blocks = rules.map((rule) => [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Generated from src/lib/headers.ts by "npm run headers"; do not edit.\n${blocks.join('\n')}\n`;
}

/**
 * Vercel: vercel.json, the `headers` (`*` becomes a path-to-regexp wildcard) and how to build.
 * The deploy workflow (.github/workflows/rebuild.yml) runs `vercel build`, which runs these
 * commands on the CI machine, where Chromium is installed for the PDFs; Vercel's own Git
 * deployments are off, since its build machines have no Chromium.
 */
export function vercelConfig(rules: HeaderRule[] = headerRules()): Record<string, unknown> {
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    framework: null,
    installCommand: 'npm ci --no-audit --no-fund',
    buildCommand: 'npm run build',
    outputDirectory: 'dist',
    git: { deploymentEnabled: false },
    trailingSlash: true,
    headers: rules.map((rule) => ({
      source: rule.path.replace(/\*$/, '(.*)'),
      headers: Object.entries(rule.headers).map(([key, value]) => ({ key, value })),
    })),
  };
}

/** The headers a host following these rules sends for one path (the union of the matching rules). */
export function headersFor(pathname: string, rules: HeaderRule[] = headerRules()): Record<string, string> {
  const matches = (pattern: string) => (pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern);
  return Object.assign({}, ...rules.filter((rule) => matches(rule.path)).map((rule) => rule.headers)) as Record<string, string>;
}
