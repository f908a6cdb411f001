import { z } from 'astro/zod';

/** A calendar date written as YYYY-MM-DD in YAML or front matter. */
export const calendarDate = z.coerce
  .date({ error: 'expected a date written as YYYY-MM-DD' })
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
