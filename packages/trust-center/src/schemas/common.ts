import { z } from 'astro/zod';
import { parseCalendarDate } from '../lib/dates.ts';

const DATE_FORM = 'expected a date written as YYYY-MM-DD';

/**
 * A calendar date written as YYYY-MM-DD in YAML or front matter, read as 00:00 UTC that day.
 *
 * The content check parses YAML with the `yaml` package (YAML 1.2), which leaves an unquoted
 * `2026-02-30` as text, so the text is checked digit by digit and a day that does not exist is
 * refused, never rolled over. Astro's own loaders parse the same files with js-yaml, which turns
 * unquoted dates into Date objects (already rolled over: `2026-02-30` arrives as 2 March); they only
 * run after the check has passed on the same files, so a Date is accepted here when it is a whole
 * UTC day, the only kind js-yaml makes from a valid YYYY-MM-DD.
 */
export const calendarDate = z
  .union([z.string(), z.date()], { error: DATE_FORM })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime()) || value.toISOString().slice(10) !== 'T00:00:00.000Z') {
        ctx.addIssue({ code: 'custom', message: `${DATE_FORM}, without a time`, input: value });
        return z.NEVER;
      }
      return value;
    }
    const parsed = parseCalendarDate(value);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({
      code: 'custom',
      message: parsed.reason ? `${value} is not a calendar date (${parsed.reason})` : DATE_FORM,
      input: value,
    });
    return z.NEVER;
  })
  // For editors reading the generated JSON Schema: the written form, not the union above.
  .meta({ type: 'string', format: 'date' })
  .describe('A calendar date, written YYYY-MM-DD.');

/** An entry id: lowercase words joined by hyphens, safe as a URL segment and an HTML anchor. */
export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase letters, digits and hyphens')
  .describe('An id made of lowercase letters, digits and hyphens, as used in URLs and anchors.');

/** A two-letter ISO 3166-1 alpha-2 country code, upper case. */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as DE or US')
  .describe('An ISO 3166-1 alpha-2 country code, for example DE or US.');

/** An absolute http(s) URL. */
export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' })
  .describe('An absolute http or https URL.');

/** An e-mail address. */
export const email = z.email({ error: 'expected an e-mail address' }).describe('An e-mail address.');
