import { z } from 'astro/zod';
import { countryCode, httpUrl } from './common.ts';

/** How personal data may lawfully leave the EU/EEA for this sub-processor. */
export const transferMechanisms = ['none', 'adequacy-decision', 'eu-us-dpf', 'sccs'] as const;

/** One sub-processor: `content/subprocessors/<id>.yaml`. */
export const subprocessorSchema = z.strictObject({
  name: z.string().min(1).describe('The provider’s name as the company names it.'),
  legalEntity: z
    .string()
    .min(1)
    .optional()
    .describe('The provider’s legal entity (a public fact about the provider).'),
  headquarters: countryCode.optional().describe('Country of the provider’s headquarters.'),
  purpose: z.string().min(1).describe('What the company uses the provider for, in the company’s words.'),
  category: z
    .string()
    .min(1)
    .describe('The kind of service, for example "infrastructure" or "AI processing".'),
  dataCategories: z
    .array(z.string().min(1))
    .default([])
    .describe('The kinds of data the provider processes, where stated.'),
  locations: z
    .array(countryCode)
    .min(1)
    .describe('Countries where the provider processes the data (ISO 3166-1 alpha-2).'),
  locationNote: z
    .string()
    .min(1)
    .optional()
    .describe('What the company states about the location, for example a region or "US-based".'),
  transferMechanism: z
    .enum(transferMechanisms)
    .describe('none (inside the EU/EEA), adequacy-decision, eu-us-dpf or sccs.'),
  zeroDataRetention: z
    .boolean()
    .default(false)
    .describe('True where the company states the provider works under zero data retention terms.'),
  retentionNote: z.string().min(1).optional().describe('The retention terms in the company’s words.'),
  website: httpUrl.describe('The provider’s website.'),
  keywords: z
    .array(z.string().min(1))
    .default([])
    .describe('Words a reader may search for that the entry does not use; indexed by search, never shown.'),
});

export type Subprocessor = z.infer<typeof subprocessorSchema>;
