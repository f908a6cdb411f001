import { existsSync } from 'node:fs';
import path from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { chromium } from 'playwright-core';
import { manyChanges } from '../helpers/many-changes.ts';
import { builtFixture } from '../helpers/project-copy.ts';
import { resolveBrowser } from '../../src/lib/browser.ts';
import { RECENT_IN_SEARCH } from '../../src/lib/paging.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';

// A synthetic trust center with a long history, built as of a fixed date, so pagination, ordering
// and upcoming states are exercised; the company's own content keeps only true events.
const { files, events, today } = manyChanges();
// 55 news items a day apart on top of the fixture's one (2026-01-01-hello): three archive pages of
// 20 and two feed pages of 50, so the news archive and the paged feeds are exercised for real.
const news = Array.from({ length: 55 }, (_, i) => {
  const date = new Date(Date.parse('2026-06-14T00:00:00Z') - i * 86_400_000).toISOString().slice(0, 10);
  return { id: `${date}-news-${i + 1}`, date };
});
for (const item of news) {
  files[`updates/${item.id}.mdx`] = `---\ntitle: News ${item.id}\ndate: ${item.date}\ncategory: security\nsummary: Summary of ${item.id}.\n---\n\nBody of ${item.id}.${item === news.at(-1) ? ' The quokka audit closed.' : ''}\n`;
}
const newsIds = [...news.map((item) => item.id), '2026-01-01-hello'];
const { project, dist } = builtFixture(files, today, 180_000);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('a trust center with a long change log', () => {
  const inForce = (e: { effective: string }) => e.effective <= today;
  const total = events.length + 1; // plus the fixture's baseline event

  it('lists exactly the sub-processors the events in force yield', () => {
    const added = events.filter((e) => e.type === 'added' && inForce(e)).map((e) => e.subprocessor);
    const removed = new Set(events.filter((e) => e.type === 'removed' && inForce(e)).map((e) => e.subprocessor));
    const expected = ['cloud', ...added.filter((id) => !removed.has(id))].sort();
    const json = JSON.parse(dist('subprocessors.json')) as { subprocessors: { id: string }[]; upcomingChanges: { id: string; objectionDeadline?: string }[] };
    expect(json.subprocessors.map((s) => s.id).sort()).toEqual(expected);
    const rows = [...dist('subprocessors/index.html').matchAll(/<th scope="row"[^>]*>\s*<a href="\/subprocessors\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(expected);
  });

  it('shows every upcoming change with its effective date and objection deadline', () => {
    const upcoming = events.filter((e) => !inForce(e));
    expect(upcoming.length).toBeGreaterThan(3);
    const page = text(dist('subprocessors/index.html'));
    const json = JSON.parse(dist('subprocessors.json')) as { upcomingChanges: { id: string; objectionDeadline?: string }[] };
    expect(json.upcomingChanges.map((c) => c.id).sort()).toEqual(upcoming.map((e) => e.id).sort());
    for (const event of upcoming) {
      const effective = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${event.effective}T00:00:00Z`));
      expect(page).toContain(`Upcoming, effective ${effective}`);
      const listed = json.upcomingChanges.find((c) => c.id === event.id);
      if (event.type === 'removed') expect(listed?.objectionDeadline).toBeUndefined();
      else expect(listed?.objectionDeadline).toBe(new Date(Date.parse(`${event.effective}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('paginates the log newest first, 20 to a page, with a permalink per event', () => {
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(1);
    const linked: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const html = dist(n === 1 ? 'subprocessors/changes/index.html' : `subprocessors/changes/${n}/index.html`);
      linked.push(...[...html.matchAll(/<h2 id="change-([^"]+)"/g)].map((m) => m[1]!));
    }
    expect(existsSync(path.join(project, 'dist/subprocessors/changes', String(pages + 1)))).toBe(false);
    const byAnnouncement = [...events].sort((a, b) => b.announced.localeCompare(a.announced) || b.effective.localeCompare(a.effective) || b.id.localeCompare(a.id));
    expect(linked).toEqual([...byAnnouncement.map((e) => e.id), '2026-01-01-first-list']);
    for (const id of linked) expect(existsSync(path.join(project, 'dist/subprocessors/changes', id, 'index.html'))).toBe(true);
  });

  it('puts every event in the feed, and a removed sub-processor keeps its page and history', async () => {
    const feed = await extractFromXml(dist('subprocessors/changes/feed.xml'));
    expect(feed.entries).toHaveLength(total); // fewer than one feed page (50)
    expect(existsSync(path.join(project, 'dist/subprocessors/changes/feed-2.xml'))).toBe(false);
    const removedPage = text(dist('subprocessors/sp-01/index.html'));
    expect(removedPage).toContain('No longer a sub-processor');
    expect(removedPage).toContain('Removed: Provider 01');
    expect(removedPage).toContain('Added: Provider 01');
  });
});

describe('a trust center with more news than fits one page', () => {
  const site = 'https://trust.example.com';
  /** The dist file behind a URL of the site. */
  const fileOf = (url: string) => {
    const { pathname } = new URL(url);
    return pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
  };

  it('paginates /updates/ newest first, 20 to a page, with a labelled prev/next nav and every page in the sitemap', () => {
    const linked: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const html = dist(n === 1 ? 'updates/index.html' : `updates/${n}/index.html`);
      expect(html).toContain(`Updates, page ${n} of 3`);
      expect(html).toContain('<nav aria-label="Update pages"');
      expect(html.includes('rel="prev"')).toBe(n > 1);
      expect(html.includes('rel="next"')).toBe(n < 3);
      linked.push(...[...html.matchAll(/<a href="\/updates\/(\d{4}-[^"/]+)\/"/g)].map((m) => m[1]!));
    }
    expect(linked).toEqual(newsIds);
    expect(existsSync(path.join(project, 'dist/updates/4'))).toBe(false);
    const sitemap = dist('sitemap-0.xml');
    for (const loc of ['/updates/', '/updates/2/', '/updates/3/']) expect(sitemap).toContain(`<loc>${site}${loc}</loc>`);
  });

  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  for (const [format, first, holder, element] of [
    ['rss', 'updates/feed.xml', (doc: Record<string, Record<string, unknown>>) => doc.rss!.channel as Record<string, unknown>, 'atom:link'],
    ['atom', 'updates/atom.xml', (doc: Record<string, Record<string, unknown>>) => doc.feed!, 'link'],
  ] as const) {
    it(`${format}: the subscription feed holds the newest 50 and its next links reach every item exactly once`, async () => {
      const seen: string[] = [];
      let url: string | undefined = `${site}/${first}`;
      let pages = 0;
      while (url) {
        const xml = dist(fileOf(url));
        const raw = holder(parser.parse(xml) as Record<string, Record<string, unknown>>)[element];
        const links = Object.fromEntries(((Array.isArray(raw) ? raw : [raw]) as { '@rel'?: string; '@href': string }[]).map((l) => [l['@rel'] ?? 'alternate', l['@href']]));
        expect(links.self).toBe(url);
        const entries = (await extractFromXml(xml)).entries ?? [];
        if (pages === 0) expect(entries).toHaveLength(50);
        seen.push(...entries.map((entry) => new URL(entry.link!).pathname.split('/')[2]!));
        url = links.next;
        pages += 1;
      }
      expect(pages).toBe(2);
      expect(seen).toEqual(newsIds);
    });
  }

  it('json: next_url chains the news feed pages', () => {
    const seen: string[] = [];
    let url: string | undefined = `${site}/updates/feed.json`;
    while (url) {
      const json = JSON.parse(dist(fileOf(url))) as { next_url?: string; items: { url: string }[] };
      seen.push(...json.items.map((item) => new URL(item.url).pathname.split('/')[2]!));
      url = json.next_url;
    }
    expect(seen).toEqual(newsIds);
  });

  it(`searches the newest ${RECENT_IN_SEARCH} news items by default, and the older ones only when the reader asks`, async () => {
    const indexed = (id: string) => dist(`updates/${id}/index.html`);
    for (const id of newsIds.slice(0, RECENT_IN_SEARCH)) expect(indexed(id)).toMatch(/<main [^>]*data-pagefind-body/);
    const older = newsIds.slice(RECENT_IN_SEARCH);
    expect(older).toHaveLength(6);
    for (const id of older) expect(indexed(id)).toMatch(/<main [^>]*data-search-archive(?![^>]*data-pagefind-body)/);
    const pageCount = (bundle: string) =>
      Object.values((JSON.parse(dist(`${bundle}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> }).languages)[0]!.page_count;
    expect(pageCount('pagefind-archive')).toBe(older.length);
    // The archive is merged into the runtime already loaded: it carries no runtime of its own.
    expect(existsSync(path.join(project, 'dist/pagefind-archive/pagefind.js'))).toBe(false);
    expect(existsSync(path.join(project, 'dist/pagefind-archive/wasm.en.pagefind'))).toBe(false);

    const server = await serveStatic(path.join(project, 'dist'));
    const { executablePath, args } = resolveBrowser();
    const browser = await chromium.launch({ executablePath, args });
    try {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(`${server.origin}/search/?q=quokka`);
      const status = page.getByRole('status');
      await status.filter({ hasText: 'No results for “quokka”.' }).waitFor();
      expect(fetched.filter((file) => file.startsWith('/pagefind-archive/'))).toEqual([]);
      await page.getByRole('button', { name: 'Also search 6 older news items and changes' }).click();
      await status.filter({ hasText: '1 result for “quokka”. Older news and changes included.' }).waitFor();
      const oldest = news.at(-1)!.id;
      expect(await page.getByRole('list', { name: 'Results' }).getByRole('link').getAttribute('href')).toBe(`/updates/${oldest}/`);
      expect(fetched.some((file) => file.startsWith('/pagefind-archive/'))).toBe(true);
      await expect(page.getByRole('button', { name: /older news/ }).count()).resolves.toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  // A build-test copy is not a git repository of its own (its folder is git-ignored), so this is the fallback.
  it('lists every news item and change on /changes/ without a git history, paged, and says the history is missing', () => {
    const all = events.length + 1 + newsIds.length; // the events, the fixture's baseline, the news
    const pages = Math.ceil(all / 20);
    expect(text(dist('changes/index.html'))).toContain('was not available to this build; only sub-processor changes and news are listed');
    let listed = 0;
    for (let n = 1; n <= pages; n++) listed += [...dist(n === 1 ? 'changes/index.html' : `changes/${n}/index.html`).matchAll(/data-change-date="/g)].length;
    expect(listed).toBe(all);
    expect(existsSync(path.join(project, 'dist/changes', String(pages + 1)))).toBe(false);
    expect(existsSync(path.join(project, 'dist/changes/feed-2.xml'))).toBe(all > 50);
    expect(dist('whitepaper/index.html')).not.toContain('Last changed');
  });
});
