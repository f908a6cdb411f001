import { z } from 'astro/zod';
import { countryCode, email, httpUrl } from './common.ts';

/** The company the trust center is about: one file, `content/company.yaml`. */
export const companySchema = z.strictObject({
  name: z.string().min(1).describe('The name the company is known by; shown in the header and titles.'),
  legalName: z
    .string()
    .min(1)
    .optional()
    .describe('The registered legal name, when it differs from `name` and is stated.'),
  organisationNumber: z.string().min(1).describe('The company registration (organisation) number.'),
  country: countryCode.describe('Country of registration, ISO 3166-1 alpha-2.'),
  supervisoryAuthority: z
    .strictObject({
      name: z.string().min(1).describe('The data protection authority, in English.'),
      localName: z.string().min(1).optional().describe('The authority’s own name, where it has one.'),
    })
    .describe('The data protection supervisory authority the company is registered with.'),
  jurisdiction: z
    .string()
    .min(1)
    .optional()
    .describe('The data protection law the company operates under, in words.'),
  siteUrl: httpUrl.describe(
    'Public URL of this trust center; absolute links use it. The SITE_URL environment variable overrides it at build time.',
  ),
  description: z
    .string()
    .min(1)
    .describe('One sentence describing the company and its product; used in page descriptions.'),
  contacts: z
    .strictObject({
      general: email.describe('General contact address.'),
      security: email.describe('Where to report a vulnerability or security concern.'),
      privacy: email.optional().describe('Privacy or data-protection contact, where one is stated.'),
    })
    .describe('Contact addresses shown in the footer and on the security page.'),
  securityReportingNote: z
    .string()
    .min(1)
    .optional()
    .describe('Other ways to raise a security concern, in words (for example, an account representative).'),
  dpaUrl: httpUrl.describe('Where the Data Processing Agreement is published.'),
  subprocessorListUrl: httpUrl
    .optional()
    .describe('Where the company states its current sub-processor list is maintained.'),
  noticePeriodDays: z
    .number()
    .int()
    .positive()
    .describe('Days of notice customers get before a new sub-processor is engaged.'),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'expected a language tag such as en or nb'))
    .min(1)
    .describe('Languages the trust center and its contacts use, as BCP 47 tags; the first is the site language.'),
  hostingRegion: z
    .strictObject({
      provider: z.string().min(1).describe('The hosting provider, as named in the whitepaper.'),
      region: z.string().min(1).describe('The region, in words (for example, Dublin).'),
      code: z.string().min(1).optional().describe('The provider’s region code (for example, eu-west-1).'),
      country: countryCode.describe('The country the region is in.'),
    })
    .describe('Where customer data is hosted.'),
});

export type Company = z.infer<typeof companySchema>;
