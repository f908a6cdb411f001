import { describe, expect, it } from 'vitest';
import { headerCsp, headerRules, headersFor, vercelConfig } from '../../src/lib/headers.ts';

describe('host headers', () => {
  it('sends a strict policy: default-src none, no unsafe-inline or unsafe-eval, no framing', () => {
    const csp = headerCsp();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('gives pages the security headers and short caching, hashed assets long caching', () => {
    const page = headersFor('/whitepaper/');
    expect(page['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains; preload');
    expect(page['X-Content-Type-Options']).toBe('nosniff');
    expect(page['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(page['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(page['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(page['Permissions-Policy']).toContain('camera=()');
    expect(headersFor('/_astro/BaseLayout.abc123.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
  });

  it('never sets one header in two rules that match the same path (hosts would join them)', () => {
    for (const path of ['/', '/_astro/x.css', '/subprocessors/changes/feed.xml', '/subprocessors.csv', '/.well-known/security.txt']) {
      const names = headerRules()
        .filter((rule) => (rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path))
        .flatMap((rule) => Object.keys(rule.headers));
      expect(new Set(names).size, path).toBe(names.length);
    }
  });

  it('types feeds, calendar, CSV and security.txt correctly', () => {
    expect(headersFor('/subprocessors/changes/feed.xml')['Content-Type']).toBe('application/rss+xml; charset=utf-8');
    expect(headersFor('/updates/atom.xml')['Content-Type']).toBe('application/atom+xml; charset=utf-8');
    expect(headersFor('/subprocessors/changes/feed.json')['Content-Type']).toBe('application/feed+json; charset=utf-8');
    expect(headersFor('/subprocessors/changes/calendar.ics')['Content-Type']).toBe('text/calendar; charset=utf-8');
    expect(headersFor('/subprocessors.csv')['Content-Type']).toBe('text/csv; charset=utf-8; header=present');
    expect(headersFor('/.well-known/security.txt')['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(headersFor('/subprocessors.csv')['Content-Security-Policy']).toBe(headerCsp());
  });

  it('writes Vercel sources as path-to-regexp patterns', () => {
    const sources = (vercelConfig().headers as { source: string }[]).map((h) => h.source);
    expect(sources).toContain('/(.*)');
    expect(sources).toContain('/_astro/(.*)');
  });
});
