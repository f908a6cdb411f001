import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { expect, test, type APIRequestContext } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { buildDate, isoDate } from '../src/lib/dates.ts';
import { currentSubprocessorIds, newestFirst, objectionDeadline } from '../src/lib/subprocessors/changes.ts';
import { loadContent } from './support/content.ts';

// Feeds, calendar and exports are read back with independent libraries (feed-extractor, ical.js,
// csv-parse, Ajv), never with our own code, and compared with the content files.
const content = loadContent();
const company = content.company.data;
const site = process.env.SITE_URL ?? company.siteUrl;
const today = buildDate();
const events = content.subprocessorChanges;
const names = new Map(content.subprocessors.map((s) => [s.id, s.data.name]));

async function fetchText(request: APIRequestContext, path: string, type: RegExp): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toMatch(type);
  return response.text();
}

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/**
 * An RSS or Atom feed read as a reader would: from the subscription document along its RFC 5005
 * `next` links. Each page must link itself, the first and the last page, and hold at most 50 items.
 */
async function walkFeed(request: APIRequestContext, path: string) {
  const first = new URL(path, site).href;
  const pages: string[] = [];
  const entries: { title?: string; link?: string; published?: string }[] = [];
  const lasts = new Set<string>();
  let url: string | undefined = first;
  while (url) {
    const xml = await fetchText(request, new URL(url).pathname, /xml/);
    const doc = xmlParser.parse(xml) as { rss?: { channel: Record<string, unknown> }; feed?: Record<string, unknown> };
    const raw = doc.rss ? doc.rss.channel['atom:link'] : doc.feed!.link;
    const links = Object.fromEntries(((Array.isArray(raw) ? raw : [raw]) as { '@rel'?: string; '@href': string }[]).map((l) => [l['@rel'] ?? 'alternate', l['@href']]));
    expect(links.self, url).toBe(url);
    expect(links.first, url).toBe(first);
    lasts.add(links.last!);
    if (pages.length > 0) expect(links.previous, url).toBe(pages.at(-1));
    const page = extractFromXml(xml).entries ?? [];
    expect(page.length, url).toBeLessThanOrEqual(50);
    entries.push(...page);
    pages.push(url);
    url = links.next;
  }
  expect([...lasts]).toEqual([pages.at(-1)]);
  return { pages, entries };
}

for (const path of ['/subprocessors/changes/feed.xml', '/subprocessors/changes/atom.xml']) {
  test(`${path} is a paged feed whose pages hold every change exactly once, newest first`, async ({ request }) => {
    const { entries } = await walkFeed(request, path);
    expect(entries.map((e) => e.link)).toEqual(
      newestFirst(events).map((e) => new URL(`/subprocessors/changes/${e.id}/`, site).href),
    );
  });
}

for (const [path, type] of [
  ['/subprocessors/changes/feed.xml', /xml/],
  ['/subprocessors/changes/atom.xml', /xml/],
] as const) {
  test(`${path} parses and has one item per change event`, async ({ request }) => {
    const xml = await fetchText(request, path, type);
    const feed = extractFromXml(xml, { getExtraEntryFields: (entry: Record<string, unknown>) => ({ raw: entry }) });
    expect(feed.entries).toHaveLength(events.length);
    for (const event of events) {
      const entry = feed.entries?.find((e) => e.link === new URL(`/subprocessors/changes/${event.id}/`, site).href);
      expect(entry, event.id).toBeDefined();
      expect(entry?.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(isoDate(new Date(entry!.published!))).toBe(isoDate(event.data.announced));
      const body = JSON.stringify(entry);
      for (const id of event.data.type === 'baseline' ? event.data.subprocessors! : [event.data.subprocessor!]) {
        const sp = content.subprocessors.find((s) => s.id === id)!.data;
        for (const fact of [sp.name, sp.purpose, ...(sp.legalEntity ? [sp.legalEntity] : []), ...sp.dataCategories]) {
          expect(body, `${event.id}: ${fact}`).toContain(fact.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
        }
      }
      const deadline = objectionDeadline(event);
      if (deadline) expect(body).toContain('Objections until');
    }
    // Self link, author and absolute URLs come from the site setting.
    expect(xml).toContain(`href="${new URL(path, site).href}"`);
    expect(xml).toContain(company.contacts.general);
  });
}

test('the JSON Feed is version 1.1 and matches the change log', async ({ request }) => {
  const text = await fetchText(request, '/subprocessors/changes/feed.json', /json/ /* astro preview types by extension; host headers refine it */);
  const json = JSON.parse(text) as { version: string; feed_url: string; authors: unknown[]; items: { id: string; url: string }[] };
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.feed_url).toBe(new URL('/subprocessors/changes/feed.json', site).href);
  expect(json.authors).toHaveLength(1);
  const feed = extractFromJson(json);
  expect(feed.entries?.map((e) => e.link).sort()).toEqual(events.map((e) => new URL(`/subprocessors/changes/${e.id}/`, site).href).sort());
});

test('feed ids are stable: the same in every format, and not derived from the site address', async ({ request }) => {
  const rss = extractFromXml(await fetchText(request, '/subprocessors/changes/feed.xml', /xml/));
  const atom = extractFromXml(await fetchText(request, '/subprocessors/changes/atom.xml', /xml/));
  const json = JSON.parse(await fetchText(request, '/subprocessors/changes/feed.json', /json/)) as { items: { id: string }[] };
  const ids = (rss.entries ?? []).map((e) => e.id).sort();
  expect((atom.entries ?? []).map((e) => e.id).sort()).toEqual(ids);
  expect(json.items.map((i) => i.id).sort()).toEqual(ids);
  for (const id of ids) expect(id).not.toContain(new URL(site).host);
});

test('the news feeds are paged feeds whose pages hold every update exactly once, newest first', async ({ request }) => {
  const newest = [...content.updates].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || b.id.localeCompare(a.id)).map((u) => u.data.title);
  for (const path of ['/updates/feed.xml', '/updates/atom.xml']) {
    const { entries } = await walkFeed(request, path);
    expect(entries.map((e) => e.title)).toEqual(newest);
  }
  const titles: string[] = [];
  let next: string | undefined = '/updates/feed.json';
  while (next) {
    const json = JSON.parse(await fetchText(request, new URL(next, site).pathname, /json/)) as { next_url?: string };
    titles.push(...(extractFromJson(json).entries ?? []).map((e) => e.title!));
    next = json.next_url;
  }
  expect(titles).toEqual(newest);
});

test('the calendar parses and has one all-day event per change on its effective date', async ({ request }) => {
  const text = await fetchText(request, '/subprocessors/changes/calendar.ics', /text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(vevents).toHaveLength(events.length);
  const uids = new Set(vevents.map((v) => v.uid));
  expect(uids.size).toBe(events.length);
  for (const event of events) {
    const match = vevents.find((v) => String(v.component.getFirstPropertyValue('url')).endsWith(`/subprocessors/changes/${event.id}/`));
    expect(match, event.id).toBeDefined();
    expect(match!.startDate.isDate).toBe(true);
    expect(match!.startDate.toString()).toBe(isoDate(event.data.effective));
    const deadline = objectionDeadline(event);
    if (deadline) expect(match!.description).toContain('Objections until');
  }
});

test('the CSV round-trips to the current list', async ({ request }) => {
  const response = await request.get('/subprocessors.csv');
  expect(response.headers()['content-type']).toMatch(/text\/csv/);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark for spreadsheets
  const text = bytes.toString('utf8');
  expect(text).toContain('\r\n');
  const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
  const current = currentSubprocessorIds(events, today);
  expect(rows.map((r) => r.id).sort()).toEqual([...current].sort());
  for (const row of rows) {
    const sp = content.subprocessors.find((s) => s.id === row.id)!.data;
    expect(row.Name).toBe(sp.name);
    expect(row.Purpose).toBe(sp.purpose);
    expect(row['Processing locations (ISO 3166)']).toBe(sp.locations.join('; '));
  }
});

test('the JSON export validates against its published JSON Schema and matches the list', async ({ request }) => {
  const data = JSON.parse(await fetchText(request, '/subprocessors.json', /json/)) as { $schema: string; subprocessors: { id: string; name: string }[] };
  const schema = JSON.parse(await fetchText(request, '/subprocessors.schema.json', /json/)) as Record<string, unknown>;
  expect(data.$schema).toBe(new URL('/subprocessors.schema.json', site).href);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('uri', true).addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  const validate = ajv.compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  // A document that breaks the schema is rejected, so the check above can fail.
  expect(validate({ ...data, subprocessors: [{ id: 'x' }] })).toBe(false);
  expect(data.subprocessors.map((s) => s.name).sort()).toEqual([...currentSubprocessorIds(events, today)].map((id) => names.get(id)).sort());
});

test('every page announces the feeds for autodiscovery', async ({ page }) => {
  await page.goto('/certifications/');
  const hrefs = await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`));
  expect(hrefs).toEqual(
    expect.arrayContaining([
      'application/rss+xml /subprocessors/changes/feed.xml',
      'application/atom+xml /subprocessors/changes/atom.xml',
      'application/feed+json /subprocessors/changes/feed.json',
      'application/rss+xml /updates/feed.xml',
    ]),
  );
});
