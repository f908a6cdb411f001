import { z } from 'astro/zod';
import { calendarDate, httpUrl } from './common.ts';

/** What kind of framework a certification entry is about. */
export const certificationKinds = ['regulation', 'certification', 'attestation'] as const;

/** Where the company stands against a framework. */
export const certificationStatuses = [
  'compliant',
  'aligned',
  'certified',
  'in-progress',
  'under-evaluation',
  'planned',
  'expired',
] as const;

export type CertificationStatus = (typeof certificationStatuses)[number];

/** One framework the company reports against: `content/certifications/<id>.yaml`. */
export const certificationSchema = z.strictObject({
  framework: z.string().min(1).describe('The framework’s name, for example "ISO/IEC 27001:2022".'),
  kind: z.enum(certificationKinds).describe('regulation, certification or attestation.'),
  status: z.enum(certificationStatuses).describe('Where the company stands against the framework.'),
  order: z.number().int().describe('Position in lists; lower comes first.'),
  statement: z.string().min(1).describe('The company’s own statement of its status, in full.'),
  since: calendarDate.optional().describe('When the status was reached (certified or compliant since).'),
  target: calendarDate
    .optional()
    .describe('The last day by which the status is due to be reached; the build checks it has not passed.'),
  targetLabel: z
    .string()
    .min(1)
    .optional()
    .describe('The target as the company states it, for example "H2 2026" or "Timeline to be confirmed".'),
  validUntil: calendarDate.optional().describe('When the certificate or report stops being valid.'),
  scope: z.string().min(1).optional().describe('What the certification covers, where stated.'),
  auditor: z.string().min(1).optional().describe('The certification body or auditor, where stated.'),
  evidence: z
    .array(
      z.strictObject({
        label: z.string().min(1).describe('What the evidence is.'),
        url: httpUrl.optional().describe('Where to read it, when it is public.'),
      }),
    )
    .default([])
    .describe('Documents that back the status.'),
});

export type Certification = z.infer<typeof certificationSchema>;
