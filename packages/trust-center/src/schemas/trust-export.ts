import { z } from 'astro/zod';
import { certificationSchema } from './certification.ts';
import { companySchema } from './company.ts';
import { controlSchema } from './control.ts';
import { documentSchema } from './document.ts';
import { retentionSchema } from './retention.ts';
import { subprocessorExportSchema } from './subprocessor-export.ts';
import { email, slugId } from './common.ts';

/**
 * The shape of `/trust.json`, the whole posture in one document for tools and AI agents. Every part
 * is built from the schema the content is checked against (omitting only what is never shown,
 * such as search keywords, and writing dates as YYYY-MM-DD), so a field added to a content schema
 * appears here, and in the published `/trust.schema.json`, without an edit.
 */

/** The content schemas' calendar dates become Date objects; the document writes them as YYYY-MM-DD. */
const isoDate = z.iso.date();

/** The fields every document entry has (from its content schema), whatever its access. */
const documentCommon = documentSchema.options[0].pick({ id: true, title: true, description: true, order: true });

export const trustExportSchema = z
  .strictObject({
    $schema: z.url().describe('Where this document’s JSON Schema is published (/trust.schema.json).'),
    asOf: isoDate.describe('The date everything here is stated as of (the build date).'),
    url: z.url().describe('The trust center’s home page.'),
    company: companySchema
      .omit({ contacts: true, securityReportingNote: true })
      .describe('The company, as content/company.yaml states it; `siteUrl` is the address this copy was built for.'),
    contacts: companySchema.shape.contacts
      .extend({
        securityReportingNote: companySchema.shape.securityReportingNote,
        securityPolicy: z.url().describe('The page saying how to report a security concern.'),
      })
      .describe('Who to write to, by subject.'),
    certifications: z
      .array(
        certificationSchema
          .extend({
            id: slugId.describe('Id of the certification entry (its file name).'),
            since: isoDate.optional().describe('When the status was reached (certified or compliant since).'),
            target: isoDate.optional().describe('The last day by which the status is due to be reached.'),
            validUntil: isoDate.optional().describe('When the certificate or report stops being valid.'),
            url: z.url().describe('Where the certifications page states it.'),
          })
          .describe('One framework and the company’s status against it.'),
      )
      .describe('Every regulation, certification and attestation, in the company’s order.'),
    controls: z
      .array(
        controlSchema
          .omit({ keywords: true })
          .extend({ url: z.url().describe('The whitepaper section that states the measure in full.') })
          .describe('One security measure, with every field its content schema holds but search keywords.'),
      )
      .describe('The security controls, in the order of the whitepaper sections that state them.'),
    subprocessors: subprocessorExportSchema.shape.subprocessors,
    upcomingSubprocessorChanges: subprocessorExportSchema.shape.upcomingChanges,
    noticePeriodDays: subprocessorExportSchema.shape.noticePeriodDays,
    retention: retentionSchema.describe('The deletion schedule after termination.'),
    documents: z
      .array(
        documentCommon
          .extend({
            access: z.enum(documentSchema.options.map((option) => option.shape.access.value) as ['external', 'page', 'generated', 'on-request']).describe(
              'external (published elsewhere), page (on this site), generated (a PDF the build makes) or on-request (no file: ask `requestFrom`).',
            ),
            url: z.url().optional().describe('Where to read it; absent for a document given only on request.'),
            requestFrom: email.optional().describe('Who to ask for an on-request document.'),
          })
          .describe('One document a reader can get.'),
      )
      .describe('The documents, in the company’s order.'),
    feeds: z
      .array(
        z.strictObject({
          title: z.string().describe('What the feed announces.'),
          url: z.url().describe('The feed’s address.'),
          type: z.string().describe('Its media type.'),
        }),
      )
      .describe('Feeds and the calendar to subscribe to.'),
    files: z
      .array(
        z.strictObject({
          name: z.string().describe('What the file is.'),
          url: z.url().describe('Its address.'),
          type: z.string().describe('Its media type.'),
        }),
      )
      .describe('The other machine-readable files: security.txt, the sub-processor exports, llms.txt and the Markdown pages.'),
    securityTxt: z.url().describe('The RFC 9116 security.txt.'),
  })
  .describe('A trust center’s whole security and privacy posture, as of `asOf`.');

export type TrustExport = z.output<typeof trustExportSchema>;

/** The published JSON Schema, generated from the Zod schema above. */
export function trustExportJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(trustExportSchema, { target: 'draft-2020-12', io: 'output' }), $id: id };
}
