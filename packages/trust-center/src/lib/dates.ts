const DAY_MS = 86_400_000;

/** A date as YYYY-MM-DD in UTC, the form content and messages use. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), counted on UTC calendar days. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to) - startOfUtcDay(from)) / DAY_MS);
}

function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * The date the build treats as today: BUILD_DATE (YYYY-MM-DD) when set, so a build can be
 * reproduced as of a given day, otherwise the current UTC date.
 */
export function buildDate(env = process.env, now: Date = new Date()): Date {
  const fixed = env.BUILD_DATE;
  if (fixed === undefined || fixed === '') return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const parsed = parseCalendarDate(fixed);
  if (!parsed.ok) throw new Error(`BUILD_DATE must be a date written YYYY-MM-DD, got "${fixed}"${parsed.reason ? `: ${parsed.reason}` : ''}`);
  return parsed.date;
}

/** What `parseCalendarDate` says: the date at 00:00 UTC, or why the text is not one. */
export type CalendarDateResult = { ok: true; date: Date } | { ok: false; reason?: string };

const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/**
 * Reads a date written YYYY-MM-DD, refusing anything that is not a real calendar day. JavaScript's
 * Date (and so `z.coerce.date`, `Date.parse` and js-yaml) rolls `2026-02-30` over to 2 March and
 * `2026-31-12` into 2028 without a word; a trust center must never shift a date it publishes.
 * Without `reason`, the text is not in the YYYY-MM-DD form at all.
 */
export function parseCalendarDate(text: string): CalendarDateResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${match[2]}; months run from 01 to 12` };
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const first = new Date(0);
  first.setUTCFullYear(year, month - 1, 1);
  const last = new Date(first);
  last.setUTCFullYear(year, month, 0);
  const days = last.getUTCDate();
  if (day < 1) return { ok: false, reason: 'days start at 01' };
  if (day > days) return { ok: false, reason: `${monthName.format(first)} ${match[1]} has ${days} days` };
  const date = new Date(first);
  date.setUTCDate(day);
  return { ok: true, date };
}
