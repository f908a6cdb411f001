import { createEvents, type EventAttributes } from 'ics';

export interface CalendarEntry {
  /** Stable UID, independent of the site's address. */
  uid: string;
  title: string;
  /** Plain text; includes the objection deadline where there is one. */
  description: string;
  /** The all-day date the change takes effect. */
  date: Date;
  /** When the change was announced: the event's DTSTAMP, so rebuilds give the same file. */
  stamp: Date;
  url: string;
  categories: string[];
}

/**
 * Text an iCalendar line can carry. `ics` escapes backslashes, semicolons, commas and line feeds in
 * SUMMARY and DESCRIPTION, but leaves a bare carriage return, which some parsers read as the end of
 * the line, so that the rest of a title would start a property of its own. Line breaks become line
 * feeds (escaped as `\n`), other control characters, which RFC 5545 TEXT excludes, are removed.
 */
export function icsText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/**
 * RFC 5545 §3.3.11 TEXT escaping, for the properties `ics` writes without it: CATEGORIES (where an
 * unescaped comma would split one category in two) and X-WR-CALNAME.
 */
export function escapeIcsText(text: string): string {
  return icsText(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

const day = (date: Date): [number, number, number] => [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];

/** An iCalendar (RFC 5545) file with one all-day event per entry, built with the `ics` library. */
export function buildCalendar(name: string, entries: CalendarEntry[]): string {
  const events = entries.map((entry) => {
    const end = new Date(entry.date.getTime() + 86_400_000);
    // `timestamp` (DTSTAMP) is accepted by ics' schema though missing from its types.
    return {
      uid: entry.uid,
      title: icsText(entry.title),
      description: icsText(entry.description),
      start: day(entry.date),
      end: day(end),
      url: entry.url,
      categories: entry.categories.map(escapeIcsText),
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      productId: 'trust-center/ics',
      calName: escapeIcsText(name),
      timestamp: entry.stamp.getTime(),
    } as EventAttributes;
  });
  const { error, value } = createEvents(events, { productId: 'trust-center/ics', calName: escapeIcsText(name), method: 'PUBLISH' });
  if (error || !value) throw new Error(`calendar could not be built: ${error?.message ?? 'no output'}`);
  return value;
}
