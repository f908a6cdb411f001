import { parseCalendarDate } from '../dates.ts';

/**
 * The reviewer's date from a page address's query (`?since=2026-01-01`): a real calendar date as
 * YYYY-MM-DD, 'invalid' when the parameter is there but is not one, undefined when absent.
 */
export function sinceFromQuery(search: string): string | 'invalid' | undefined {
  const value = new URLSearchParams(search).get('since');
  if (value === null || value === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseCalendarDate(value).ok ? value : 'invalid';
}

/** Whether an entry dated `date` (YYYY-MM-DD) is shown to a reviewer whose last review was on `since`: changes on that day count, as the review may have preceded them. */
export function shownSince(date: string, since: string): boolean {
  return date >= since;
}

/** The status sentence: `template` with {count} and {date} filled in. */
export function fillStatus(template: string, count: number, date: string): string {
  return template.replace('{count}', String(count)).replace('{date}', date);
}
