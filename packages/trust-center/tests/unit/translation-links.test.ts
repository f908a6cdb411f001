import { describe, expect, it } from 'vitest';
import { localizeLinks } from '../../src/lib/translations/links.ts';

// A twin for the pages and feeds, none for exports and assets (the routes' `shared` flag decides in the build).
const hasTwin = (path: string) => ['/', '/faq/', '/search/', '/updates/feed.xml'].includes(path);

describe("a translation's links lead to its own edition (lib/translations/links.ts)", () => {
  it('points links, feed links and the search form at the twins, keeping queries and fragments', () => {
    const html = '<a href="/faq/#x">FAQ</a><link rel="alternate" type="application/rss+xml" href="/updates/feed.xml"><form action="/search/?q=a" method="get"></form><a class="c" href="/">Home</a>';
    expect(localizeLinks(html, 'nb', hasTwin)).toBe(
      '<a href="/nb/faq/#x">FAQ</a><link rel="alternate" type="application/rss+xml" href="/nb/updates/feed.xml"><form action="/nb/search/?q=a" method="get"></form><a class="c" href="/nb/">Home</a>',
    );
  });

  it('leaves links with an hreflang, links without a twin, other sites and links already in the edition', () => {
    const html = '<a href="/faq/" hreflang="en">English</a><a href="/subprocessors.csv">CSV</a><link rel="stylesheet" href="/_astro/a.css"><a href="//cdn.example/x">x</a><a href="https://example.com/faq/">x</a><a href="/nb/faq/">FAQ</a>';
    expect(localizeLinks(html, 'nb', hasTwin)).toBe(html);
  });

  it('changes attributes only, never text or other attributes that look like links', () => {
    const html = '<p>Write href="/faq/" in your page</p><a title="see href=&quot;/faq/&quot;" data-x=">" href="/faq/">FAQ</a><img src="/faq/">';
    expect(localizeLinks(html, 'nb', hasTwin)).toBe('<p>Write href="/faq/" in your page</p><a title="see href=&quot;/faq/&quot;" data-x=">" href="/nb/faq/">FAQ</a><img src="/faq/">');
  });
});
