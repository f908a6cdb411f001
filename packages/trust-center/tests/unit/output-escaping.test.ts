import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/en.ts';
import { subprocessorsCsv } from '../../src/lib/exports/subprocessors.ts';
import { spreadsheetText } from '../../src/lib/exports/spreadsheet.ts';
import { buildCalendar, escapeIcsText, icsText } from '../../src/lib/feeds/calendar.ts';
import { buildFeed, renderFeed, type FeedFormat } from '../../src/lib/feeds/feed.ts';
import { xmlChars } from '../../src/lib/feeds/xml-text.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { capitalize } from '../../src/lib/format.ts';
import type { SubprocessorExport } from '../../src/schemas/subprocessor-export.ts';

// Hostile but valid text, as a content file could hold it: markup, a CDATA end, quotes, line
// breaks, spreadsheet formulas and iCalendar property syntax.
const hostile = [
  '<b>x</b> & "y"',
  '<script>alert(1)</script>',
  'a ]]> b ]]]]> c',
  `it's "quoted" & <tagged>`,
  'line one\nline two',
  '=HYPERLINK("https://evil.example","click")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\tindented',
  '\rreturn',
  'a,b;c\\d',
  'x\r\nDTSTART:20200101\r\nX-INJECTED:1',
  'lone\rX-INJECTED:2',
];

type Row = SubprocessorExport['subprocessors'][number];
const row = (id: string, text: string): Row => ({
  id,
  name: text,
  legalEntity: text,
  purpose: text,
  category: text,
  dataCategories: [text],
  locations: ['DE'],
  transferMechanism: 'none',
  zeroDataRetention: false,
  retentionNote: text,
  website: 'https://example.com/',
  status: 'current',
  upcoming: [],
  url: `https://trust.example.com/subprocessors/${id}/`,
});

describe('CSV: no cell can become a formula', () => {
  it('prefixes a single quote to cells starting with =, +, -, @, tab or carriage return, and to nothing else', () => {
    expect(spreadsheetText('=1+1')).toBe("'=1+1");
    expect(spreadsheetText('+1')).toBe("'+1");
    expect(spreadsheetText('-1')).toBe("'-1");
    expect(spreadsheetText('@cmd')).toBe("'@cmd");
    expect(spreadsheetText('\tx')).toBe("'\tx");
    expect(spreadsheetText('\rx')).toBe("'\rx");
    for (const safe of ['Hosting', 'a=b', '2026-01-01', "'quoted", '', ' =padded']) expect(spreadsheetText(safe)).toBe(safe);
  });

  it('writes every content cell as text a spreadsheet shows, read back with csv-parse', () => {
    const csv = subprocessorsCsv(hostile.map((text, index) => row(`s${index}`, text)));
    const records = parseCsv(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(hostile.length);
    hostile.forEach((text, index) => {
      const record = records[index]!;
      const expected = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      const l = t.subprocessors;
      for (const column of [l.name, l.legalEntity, l.purpose, l.retention]) {
        expect(Object.keys(record)).toContain(column);
        expect(record[column]).toBe(expected);
      }
      // The category is written as the pages show it, capitalised (lib/subprocessors/facts.ts).
      expect(record[l.category]).toBe(capitalize(expected));
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
});

const formats: FeedFormat[] = ['rss', 'atom', 'json'];

function hostileFeed() {
  return buildFeed({
    title: `Changes ${hostile[0]!}`,
    description: hostile[2]!,
    pageUrl: 'https://trust.example.com/updates/',
    feedBase: 'https://trust.example.com/updates/',
    language: 'en',
    author: { name: hostile[3]!, email: 'hello@example.com', link: 'https://trust.example.com/' },
    copyright: hostile[1]!,
    items: hostile.map((text, index) => ({
      id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      title: text,
      link: `https://trust.example.com/updates/${index}/`,
      published: new Date(Date.UTC(2026, 0, index + 1)),
      summary: `Summary: ${text}`,
      html: `<p>${escapeHtml(text)}</p>`,
      categories: [text],
    })),
  });
}

/** What an XML parser makes of a feed's text: entities decoded, CDATA merged. */
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, trimValues: false });
const textOf = (node: unknown): string => (typeof node === 'string' ? node : String((node as Record<string, unknown>)['#text'] ?? ''));
/** What a parser sees: line ends normalised to line feeds (XML 1.0 §2.11), characters XML cannot carry removed. */
const asXmlText = (text: string) => xmlChars(text).replace(/\r\n?/g, '\n');

describe('feeds: titles and summaries are text in every format, the content is well-formed HTML', () => {
  const feed = hostileFeed();

  it('writes well-formed XML for RSS and Atom, whatever the text', () => {
    for (const format of ['rss', 'atom'] as const) expect(XMLValidator.validate(renderFeed(feed, format, 'en'))).toBe(true);
  });

  it('gives back every RSS title as the literal text, with fast-xml-parser and feed-extractor', () => {
    const rss = renderFeed(feed, 'rss', 'en');
    const items = (xml.parse(rss) as { rss: { channel: { item: Record<string, unknown>[] } } }).rss.channel.item;
    expect(items.map((item) => textOf(item.title))).toEqual(hostile.map(asXmlText));
    expect(items.map((item) => textOf(item.description))).toEqual(hostile.map((text) => `Summary: ${asXmlText(text)}`));
    expect(items.map((item) => textOf(item.category))).toEqual(hostile.map(asXmlText));
    const extracted = extractFromXml(rss);
    expect(extracted.entries?.map((entry) => entry.title)).toEqual(hostile.map((text) => asXmlText(text).trim()));
  });

  it('marks Atom titles and summaries type="text", and gives them back as the literal text', () => {
    const atom = renderFeed(feed, 'atom', 'en');
    const entries = (xml.parse(atom) as { feed: { entry: Record<string, unknown>[] } }).feed.entry;
    for (const entry of entries) {
      expect((entry.title as Record<string, string>)['@type']).toBe('text');
      expect((entry.summary as Record<string, string>)['@type']).toBe('text');
      expect((entry.content as Record<string, string>)['@type']).toBe('html');
    }
    expect(entries.map((entry) => textOf(entry.title))).toEqual(hostile.map(asXmlText));
    expect(entries.map((entry) => textOf(entry.summary))).toEqual(hostile.map((text) => `Summary: ${asXmlText(text)}`));
    // Attribute values may have their line breaks and tabs made spaces (XML 1.0 §3.3.3).
    const spaced = (text: string) => text.replace(/[\n\t]/g, ' ');
    expect(entries.map((entry) => spaced((entry.category as Record<string, string>)['@label']!))).toEqual(hostile.map((text) => spaced(asXmlText(text))));
    expect(extractFromXml(atom).entries?.map((entry) => entry.title)).toEqual(hostile.map((text) => asXmlText(text).trim()));
    // The item's HTML stays HTML, with the text escaped inside it.
    expect(textOf(entries[1]!.content)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('keeps JSON Feed titles as plain strings and content_html as escaped HTML', () => {
    const json = JSON.parse(renderFeed(feed, 'json', 'en')) as { title: string; items: { title: string; summary: string; content_html: string }[] };
    expect(json.title).toBe(`Changes ${hostile[0]!}`);
    expect(json.items.map((item) => item.title)).toEqual(hostile.map((text) => xmlChars(text)));
    expect(json.items[1]!.content_html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    for (const item of json.items) expect(item.content_html).not.toMatch(/<(?!\/?p>)/);
    // feed-extractor tidies whitespace its own way; the markup-like titles must come back as written.
    expect(extractFromJson(json).entries?.slice(0, 4).map((entry) => entry.title)).toEqual(hostile.slice(0, 4));
  });

  it('puts each item’s content in its own item, whatever the texts hold of the marks that stand in for it', () => {
    // A title and a summary written as the mark of item 1, and content holding the stand-in characters.
    const forged = buildFeed({
      ...specWith('\uE0021\uE002'),
      items: [
        { id: 'urn:uuid:1', title: '\uE0021\uE002', link: 'https://trust.example.com/1/', published: new Date(0), summary: '\uE0021\uE002', html: '<p>first \uE000\uE001\uE002 & done</p>' },
        { id: 'urn:uuid:2', title: 'second', link: 'https://trust.example.com/2/', published: new Date(0), summary: 'second', html: '<p>SECOND</p>' },
        { id: 'urn:uuid:3', title: 'empty', link: 'https://trust.example.com/3/', published: new Date(0), summary: 'no content', html: '' },
      ],
    });
    const rss = (xml.parse(renderFeed(forged, 'rss', 'en')) as { rss: { channel: { item: Record<string, unknown>[] } } }).rss.channel.item;
    expect(rss.map((item) => textOf(item.title))).toEqual(['1', 'second', 'empty']);
    expect(rss.map((item) => (item['content:encoded'] === undefined ? undefined : textOf(item['content:encoded'])))).toEqual(['<p>first  & done</p>', '<p>SECOND</p>', undefined]);
    const atom = (xml.parse(renderFeed(forged, 'atom', 'en')) as { feed: { entry: Record<string, unknown>[] } }).feed.entry;
    expect(atom.map((entry) => textOf(entry.summary))).toEqual(['1', 'second', 'no content']);
    expect(atom.map((entry) => (entry.content === undefined ? undefined : textOf(entry.content)))).toEqual(['<p>first  & done</p>', '<p>SECOND</p>', undefined]);
    const json = JSON.parse(renderFeed(forged, 'json', 'en')) as { items: { title: string; content_html: string }[] };
    expect(json.items.map((item) => item.content_html)).toEqual(['<p>first \uE000\uE001\uE002 & done</p>', '<p>SECOND</p>', '']);
    expect(json.items[0]!.title).toBe('\uE0021\uE002');
  });

  it('drops characters XML cannot carry, such as a bell from a YAML "\\a" escape', () => {
    expect(xmlChars('a\u0007b\u0000c\uFFFFd\tok\n')).toBe('abcd\tok\n');
    const bell = buildFeed({ ...specWith('ring \u0007 bell') });
    for (const format of formats) expect(renderFeed(bell, format, 'en')).not.toContain('\u0007');
    expect(XMLValidator.validate(renderFeed(bell, 'atom', 'en'))).toBe(true);
    expect(XMLValidator.validate(renderFeed(bell, 'rss', 'en'))).toBe(true);
  });
});

function specWith(title: string) {
  return {
    title,
    description: title,
    pageUrl: 'https://trust.example.com/',
    feedBase: 'https://trust.example.com/',
    language: 'en',
    author: { name: title, email: 'hello@example.com', link: 'https://trust.example.com/' },
    copyright: title,
    items: [{ id: 'urn:uuid:1', title, link: 'https://trust.example.com/x/', published: new Date(0), summary: title, html: `<p>${title}</p>`, categories: [title] }],
  };
}

describe('iCalendar: text is escaped per RFC 5545 and cannot add properties', () => {
  const entries = hostile.map((text, index) => ({
    uid: `${index}@trust-center`,
    title: text,
    description: `${text}\nhttps://trust.example.com/`,
    date: new Date(Date.UTC(2026, 0, index + 1)),
    stamp: new Date(Date.UTC(2025, 11, 1)),
    url: `https://trust.example.com/changes/${index}/`,
    categories: [text],
  }));
  const ics = buildCalendar(`Example, Inc; "sub-processors"\nX-INJECTED:3`, entries);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');

  it('has exactly one event per entry and no injected property', () => {
    expect(events).toHaveLength(hostile.length);
    expect(ics).not.toMatch(/^X-INJECTED/m);
    expect(ics).not.toMatch(/^DTSTART:2020/m);
    expect(ics.split('\r\n').every((line) => !line.includes('\r') && !line.includes('\n'))).toBe(true);
    for (const event of events) {
      expect(event.getAllProperties().map((p) => p.name).filter((name) => name.startsWith('x-'))).toEqual(['x-microsoft-cdo-busystatus']);
      expect(event.getAllProperties('dtstart')).toHaveLength(1);
    }
  });

  it('gives back each summary, description and category as the text written', () => {
    events.forEach((event, index) => {
      const text = icsText(hostile[index]!);
      expect(event.getFirstPropertyValue('summary')).toBe(text);
      expect(event.getFirstPropertyValue('description')).toBe(`${text}\nhttps://trust.example.com/`);
      // One category, commas and all: an unescaped comma would split it in two.
      expect(event.getFirstProperty('categories')?.getValues()).toEqual([text]);
    });
    // ical.js leaves X- properties as written: escaped, on one line.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Example\\, Inc\\; "sub-processors"\\nX-INJECTED:3');
  });

  it('escapes TEXT as RFC 5545 §3.3.11 says', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(icsText('a\r\nb\rc\u0000d\te')).toBe('a\nb\ncd\te');
  });
});
