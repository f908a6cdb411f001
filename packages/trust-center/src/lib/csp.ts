/**
 * The Content-Security-Policy directives besides script-src and style-src (which Astro writes with
 * the hashes of each page's scripts and styles). One list, used by the pages' <meta> policy and by
 * the host headers, so the two cannot drift.
 */
export const cspDirectives = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  'upgrade-insecure-requests',
] as const;
