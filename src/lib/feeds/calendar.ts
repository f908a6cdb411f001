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

const day = (date: Date): [number, number, number] => [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];

/** An iCalendar (RFC 5545) file with one all-day event per entry, built with the `ics` library. */
export function buildCalendar(name: string, entries: CalendarEntry[]): string {
  const events = entries.map((entry) => {
    const end = new Date(entry.date.getTime() + 86_400_000);
    // `timestamp` (DTSTAMP) is accepted by ics' schema though missing from its types.
    return {
      uid: entry.uid,
      title: entry.title,
      description: entry.description,
      start: day(entry.date),
      end: day(end),
      url: entry.url,
      categories: entry.categories,
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      productId: 'trust-center/ics',
      calName: name,
      timestamp: entry.stamp.getTime(),
    } as EventAttributes;
  });
  const { error, value } = createEvents(events, { productId: 'trust-center/ics', calName: name, method: 'PUBLISH' });
  if (error || !value) throw new Error(`calendar could not be built: ${error?.message ?? 'no output'}`);
  return value;
}
