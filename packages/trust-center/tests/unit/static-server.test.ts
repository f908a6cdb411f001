import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, compressible, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

describe('content negotiation', () => {
  it('compresses text, not what is compressed already', () => {
    expect(compressible('text/html; charset=utf-8')).toBe(true);
    expect(compressible('application/feed+json; charset=utf-8')).toBe(true);
    expect(compressible('image/svg+xml')).toBe(true);
    expect(compressible('application/pdf')).toBe(false);
    expect(compressible('image/png')).toBe(false);
  });

  it('reads Accept-Encoding, including a refusal with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('serving a built site', () => {
  let server: StaticServer;
  const html = `<!doctype html><title>Hi</title>${'<p>trust</p>'.repeat(200)}`;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'static-'));
    mkdirSync(path.join(dir, 'faq'));
    writeFileSync(path.join(dir, 'faq/index.html'), html);
    writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>Not found</title>');
    writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.7');
    server = await serveStatic(dir);
  });
  afterAll(() => server.close());

  it('serves a folder index gzipped (level 9) with the host headers', async () => {
    const response = await fetch(`${server.origin}/faq/`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = Buffer.from(await response.arrayBuffer());
    // fetch may or may not decompress; either way the text is the page.
    const text = body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body).toString() : body.toString();
    expect(text).toBe(html);
  });

  it('sends PDFs as they are, redirects to the trailing slash, and answers 404 with 404.html', async () => {
    const pdf = await fetch(`${server.origin}/a.pdf`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const redirect = await fetch(`${server.origin}/faq?x=1`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/faq/?x=1');
    const missing = await fetch(`${server.origin}/nothing/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Not found');
    const outside = await fetch(`${server.origin}/..%2f..%2fetc/passwd`);
    expect(outside.status).toBe(404);
  });
});
