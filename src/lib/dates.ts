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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed) || Number.isNaN(Date.parse(fixed))) {
    throw new Error(`BUILD_DATE must be a date written YYYY-MM-DD, got "${fixed}"`);
  }
  return new Date(`${fixed}T00:00:00Z`);
}
