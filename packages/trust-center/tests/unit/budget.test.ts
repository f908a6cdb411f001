import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  assetFile,
  BUDGET,
  checkDist,
  firstViewAssets,
  formatReport,
  gzipSize,
  judge,
  measurePage,
  median,
  pagePath,
  tagAttributes,
  type PageWeight,
} from '../../scripts/lib/budget.ts';

const page = (overrides: Partial<PageWeight> & { page: string; total: number }): PageWeight => ({
  html: overrides.total,
  css: 0,
  js: 0,
  scripts: [],
  unmeasured: [],
  ...overrides,
});

/** Text that gzip cannot shrink much: `n` bytes of a fixed pseudo-random sequence. */
function noise(n: number): string {
  let x = 1;
  return Array.from({ length: n }, () => String.fromCharCode(33 + ((x = (x * 48271) % 2147483647) % 90))).join('');
}

describe('gzip sizing', () => {
  it('is the size of a level-9 gzip stream that decompresses to the input', () => {
    const text = 'trust '.repeat(1000);
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).byteLength);
    expect(gzipSize(text)).toBeLessThan(100);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });
});

describe('first-view assets', () => {
  it('finds stylesheets, scripts and module preloads, once each, in order', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/_astro/a.css"><link rel=stylesheet href='/_astro/b.css' media="print">
      <link rel="preload" as="style" href="/_astro/c.css"><link rel="stylesheet" href="/_astro/a.css">
      <link rel="modulepreload" href="/_astro/m.js"><link rel="preload" href="/_astro/p.js" as="script">
      <script type="module" src="/_astro/s.js"></script>
      <link rel="icon" href="/favicon.svg"><link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="preload" as="font" href="/f.woff2"><link rel="canonical" href="https://example.com/">
    </head><body></body></html>`;
    expect(firstViewAssets(html)).toEqual({
      stylesheets: ['/_astro/a.css', '/_astro/b.css', '/_astro/c.css'],
      scripts: ['/_astro/m.js', '/_astro/p.js', '/_astro/s.js'],
      inlineScripts: 0,
    });
  });

  it('counts inline code but not data scripts, and ignores commented-out tags', () => {
    const html = `<script>console.log(1)</script><script type="application/ld+json">{}</script>
      <script type="importmap">{}</script><!-- <script src="/old.js"></script> <link rel="stylesheet" href="/old.css"> -->`;
    expect(firstViewAssets(html)).toEqual({ stylesheets: [], scripts: [], inlineScripts: 1 });
  });

  it('reads quoted, unquoted and bare attributes', () => {
    expect(tagAttributes('<script type=module async src="/a.js?x=1&amp;y=2">')).toEqual({ type: 'module', async: '', src: '/a.js?x=1&y=2' });
    expect(tagAttributes(`<link REL='stylesheet' href=/a.css />`)).toEqual({ rel: 'stylesheet', href: '/a.css' });
  });
});

describe('paths', () => {
  it('maps dist files to the paths they are served at', () => {
    expect(pagePath('index.html')).toBe('/');
    expect(pagePath('faq/index.html')).toBe('/faq/');
    expect(pagePath('404.html')).toBe('/404.html');
  });

  it('resolves asset references against the page; other hosts are not files of dist/', () => {
    expect(assetFile('/_astro/a.css', '/faq/')).toBe('_astro/a.css');
    expect(assetFile('style.css', '/faq/')).toBe('faq/style.css');
    expect(assetFile('../x.js?v=1', '/a/b/')).toBe('a/x.js');
    expect(assetFile('https://cdn.example.com/a.js', '/')).toBeUndefined();
    expect(assetFile('//cdn.example.com/a.js', '/')).toBeUndefined();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });
});

describe('measuring a page', () => {
  const assets: Record<string, string> = { '_astro/site.css': 'body{color:red}'.repeat(50), '_astro/search.js': 'let a=1;'.repeat(40) };
  const read = (file: string) => (assets[file] === undefined ? undefined : Buffer.from(assets[file]!));

  it('adds the compressed HTML, stylesheets and scripts', () => {
    const html = '<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/search.js"></script></head></html>';
    const weight = measurePage('/search/', html, read);
    expect(weight.html).toBe(gzipSize(html));
    expect(weight.css).toBe(gzipSize(assets['_astro/site.css']!));
    expect(weight.js).toBe(gzipSize(assets['_astro/search.js']!));
    expect(weight.total).toBe(weight.html + weight.css + weight.js);
    expect(weight.scripts).toEqual(['/_astro/search.js']);
    expect(weight.unmeasured).toEqual([]);
  });

  it('reports what it cannot measure', () => {
    const weight = measurePage('/', '<link rel="stylesheet" href="/missing.css"><script src="https://cdn.example.com/x.js"></script><script>1</script>', read);
    expect(weight.unmeasured).toEqual(['/missing.css', 'https://cdn.example.com/x.js']);
    expect(weight.scripts).toEqual(['https://cdn.example.com/x.js', 'inline script 1']);
  });
});

describe('verdicts', () => {
  it('passes pages within budget, the search page with its script, and small PDFs', () => {
    const report = judge(
      [page({ page: '/', total: 14_600 }), page({ page: '/faq/', total: 9_000 }), page({ page: '/search/', total: 10_500, js: 3_000, scripts: ['/_astro/search.js'] })],
      [{ file: 'documents/faq.pdf', bytes: 999_999 }],
    );
    expect(report.failures).toEqual([]);
    expect(report.median).toBe(10_500);
    expect(report.max).toBe(14_600);
    expect(report.pages.map((v) => v.name)).toEqual(['/', '/search/', '/faq/']);
  });

  it('names each page over the page budget, with the overrun', () => {
    const report = judge([page({ page: '/whitepaper/', total: 14_601 }), page({ page: '/', total: 5_000 }), page({ page: '/faq/', total: 5_000 })], []);
    expect(report.failures).toEqual(['/whitepaper/: 14601 B is over the 14600 B page budget by 1 B']);
    expect(report.pages[0]).toMatchObject({ name: '/whitepaper/', ok: false });
  });

  it('fails a median over budget even when every page fits', () => {
    const report = judge([page({ page: '/a/', total: 11_001 }), page({ page: '/b/', total: 11_001 }), page({ page: '/c/', total: 1_000 })], []);
    expect(report.failures).toEqual(['median page: 11001 B is over the 11000 B median budget by 1 B']);
  });

  it('fails JavaScript on any page but /search/, and what cannot be measured', () => {
    const report = judge(
      [page({ page: '/faq/', total: 3_000, scripts: ['inline script 1'] }), page({ page: '/', total: 3_000, unmeasured: ['https://cdn.example.com/x.css'] })],
      [],
    );
    expect(report.failures).toEqual([
      '/: loads what the check cannot measure (https://cdn.example.com/x.css): another host or a missing file',
      '/faq/: loads JavaScript on first view (inline script 1); only /search/, /changes/, /changes/<n>/ may',
    ]);
  });

  it('fails a PDF of 1 MB or more, and a site without pages', () => {
    const report = judge([], [{ file: 'documents/whitepaper.pdf', bytes: 1_000_000 }]);
    expect(report.failures).toEqual(['documents/whitepaper.pdf: 1000000 B is not under the 1000000 B PDF budget', 'no HTML pages found: build the site first']);
  });

  it('prints a table of page, bytes and verdict, with the median and the largest', () => {
    const text = formatReport(judge([page({ page: '/', total: 14_700, html: 7_000, css: 7_700 }), page({ page: '/faq/', total: 9_000, html: 2_000, css: 7_000 })], [{ file: 'documents/faq.pdf', bytes: 80_000 }]));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^page\s+bytes \(gzip -9\)\s+of which\s+verdict$/);
    expect(lines[2]).toMatch(/^\/\s+14,700\s+HTML 7000 \+ CSS 7700\s+OVER: 14700 B is over the 14600 B page budget by 100 B$/);
    expect(lines[3]).toMatch(/^\/faq\/\s+9,000\s+HTML 2000 \+ CSS 7000\s+ok$/);
    expect(lines[4]).toMatch(/^documents\/faq\.pdf\s+80,000\s+PDF\s+ok$/);
    expect(text).toContain('2 pages; largest 14,700 B (101% of 14,600 B); median 11,850 B (108% of 11,000 B)');
    expect(text).toContain('budget: 2 overrun(s)\n  /: 14700 B is over');
  });
});

describe('checking a built site', () => {
  function site(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-dist-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const css = 'a{color:blue}'.repeat(100);
  const head = '<link rel="stylesheet" href="/_astro/site.css">';

  it('passes a small site', () => {
    const report = checkDist(site({ 'index.html': `${head}<p>Hello</p>`, 'faq/index.html': `${head}<p>Answers</p>`, '_astro/site.css': css, 'documents/faq.pdf': '%PDF-1.7' }));
    expect(report.failures).toEqual([]);
    expect(report.pages.map((p) => p.name).sort()).toEqual(['/', '/faq/']);
    expect(report.pdfs).toEqual([expect.objectContaining({ name: 'documents/faq.pdf', bytes: 8, ok: true })]);
  });

  it('fails a page whose stylesheet pushes it over, a script outside /search/, and a missing stylesheet', () => {
    const report = checkDist(
      site({
        'index.html': `${head}<link rel="stylesheet" href="/_astro/big.css"><p>Hello</p>`,
        'faq/index.html': '<link rel="stylesheet" href="/_astro/gone.css"><script src="/_astro/x.js"></script>',
        'search/index.html': `${head}<script type="module" src="/_astro/x.js"></script>`,
        '_astro/site.css': css,
        '_astro/big.css': noise(2 * BUDGET.pageBytes),
        '_astro/x.js': 'let x = 1;',
      }),
    );
    expect(report.failures).toEqual([
      expect.stringMatching(/^\/: \d+ B is over the 14600 B page budget by \d+ B$/),
      '/faq/: loads JavaScript on first view (/_astro/x.js); only /search/, /changes/, /changes/<n>/ may',
      '/faq/: loads what the check cannot measure (/_astro/gone.css): another host or a missing file',
    ]);
  });
});
