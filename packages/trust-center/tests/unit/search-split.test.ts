import { describe, expect, it } from 'vitest';
import { archivedPage, splitSearchRecords } from '../../src/lib/search-split.ts';

/** A built page as BaseLayout writes it: language, <main data-pagefind-body>, the hidden search data first. */
const builtPage = (main: string) =>
  `<!DOCTYPE html><html lang="nb"><head><title>Whitepaper</title></head><body><header>Nav</header>` +
  `<main id="main" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type">whitepaper</span>` +
  `<span data-pagefind-filter="date">2026-11-27</span></div>${main}</main></body></html>`;

describe('splitSearchRecords', () => {
  const page = builtPage(
    '<h1>Security whitepaper</h1>' +
      '<section aria-labelledby="access" data-search-record="access" data-pagefind-ignore><h2 id="access"><span>4.</span> Access</h2><p>Least privilege.</p>' +
      '<section aria-labelledby="mfa" data-search-record="mfa" data-pagefind-ignore><h3 id="mfa">4.1 MFA</h3><p>Required.</p><section><p>Inner plain section.</p></section></section>' +
      '<p>After the subsection.</p></section>' +
      '<section aria-labelledby="other"><h2 id="other">Not a record</h2></section>',
  );
  const records = splitSearchRecords('/whitepaper/', page);

  it('makes each marked part a record at the page URL and its anchor, in page order', () => {
    expect(records.map((record) => record.url)).toEqual(['/whitepaper/#access', '/whitepaper/#mfa']);
  });

  it('gives a record its own words only: a nested record is left out of its parent, a plain nested element is kept', () => {
    const [access, mfa] = records.map((record) => record.content);
    expect(access).toContain('<p>Least privilege.</p>');
    expect(access).toContain('<p>After the subsection.</p>');
    expect(access).not.toContain('Required.');
    expect(mfa).toContain('<p>Required.</p><section><p>Inner plain section.</p></section>');
    expect(access).not.toContain('Not a record');
  });

  it('keeps the page’s language and search data, titles the record with its heading, and drops ids so the record is the landing place', () => {
    const mfa = records[1]!.content;
    expect(mfa).toContain('<html lang="nb">');
    expect(mfa).toContain('<main data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-filter="type">whitepaper</span>');
    expect(mfa).toContain('<span data-pagefind-filter="date">2026-11-27</span><span data-pagefind-meta="title">4.1 MFA</span></div>');
    expect(mfa).toContain('<title>4.1 MFA</title>');
    expect(mfa).toContain('<h3>4.1 MFA</h3>');
    expect(mfa).not.toMatch(/\sid=/);
    expect(records[0]!.content).toContain('<span data-pagefind-meta="title">4. Access</span>');
  });

  it('keeps escaped text escaped: a hostile title stays text in the record', () => {
    const hostile = builtPage('<article data-search-record="x" data-pagefind-ignore><h3 id="x">&lt;script&gt;alert(1)&lt;/script&gt; id="y"</h3><p>Body.</p></article>');
    const [record] = splitSearchRecords('/faq/', hostile);
    expect(record!.content).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; id="y"</title>');
    expect(record!.content).not.toContain('<script>');
  });

  it('gives no record for a page without marks, without a searched <main>, or for a part without a heading or its end', () => {
    expect(splitSearchRecords('/', builtPage('<p>Plain.</p>'))).toEqual([]);
    expect(splitSearchRecords('/', '<html><main><div data-search-record="a"><h2>A</h2></div></main></html>')).toEqual([]);
    expect(splitSearchRecords('/', builtPage('<div data-search-record="a"><p>No heading.</p></div><div data-search-record="b"><h2>Open</h2>'))).toEqual([]);
  });
});

describe('archivedPage', () => {
  const archived = (main: string, lang = 'nb') =>
    `<!DOCTYPE html><html lang="${lang}" data-theme="auto"><head><title>News</title><link rel="stylesheet" href="/_astro/a.css"></head>` +
    `<body><header><img src="/logo.svg" alt=""><nav><a href="/">Home</a></nav></header><main id="main" data-search-archive>${main}</main><footer>© Example</footer></body></html>`;

  it('gives Pagefind the language and the main content only, marked as its body', () => {
    expect(archivedPage(archived('<h1>Old news</h1><p>Text</p>'))).toBe(
      '<!DOCTYPE html><html lang="nb" data-theme="auto"><head><meta charset="utf-8"></head><body><main id="main" data-pagefind-body><h1>Old news</h1><p>Text</p></main></body></html>',
    );
  });

  it('keeps the main content as it is, markup-looking text and all', () => {
    const main = '<h1>&lt;/main&gt; &amp; “quotes”</h1><p data-pagefind-filter="type">news</p>';
    expect(archivedPage(archived(main, 'en'))).toContain(`<main id="main" data-pagefind-body>${main}</main>`);
  });

  it('leaves a page that is not archived to the main index', () => {
    expect(archivedPage(builtPage('<h1>Security whitepaper</h1>'))).toBeUndefined();
    expect(archivedPage('<main data-search-archived-not>x</main>')).toBeUndefined();
  });
});
