import { z } from 'astro/zod';
import { changeTypes } from './subprocessor-change.ts';
import { subprocessorSchema } from './subprocessor.ts';
import { slugId } from './common.ts';

/**
 * The shape of `subprocessors.json`. Built from the content schema, so the published JSON Schema
 * (`subprocessors.schema.json`) and the content can never disagree.
 */
export const subprocessorExportSchema = z
  .object({
    $schema: z.url().describe('Where this document’s JSON Schema is published.'),
    company: z.string().describe('The company whose sub-processors these are.'),
    asOf: z.iso.date().describe('The date the list is stated as of (the build date).'),
    noticePeriodDays: z.number().int().describe('Days of notice before a new sub-processor is engaged.'),
    subprocessors: z
      .array(
        subprocessorSchema.omit({ keywords: true }).extend({
          id: slugId.describe('Stable id of the sub-processor; its page is /subprocessors/<id>/.'),
          since: z.iso.date().optional().describe('When it joined the list, where the change log says.'),
          status: z
            .enum(['current', 'upcoming-removal', 'upcoming-update'])
            .describe('current, or the change ahead of it: upcoming-removal or upcoming-update (see `upcoming`).'),
          upcoming: z
            .array(
              z.object({
                id: z.string().describe('Id of the change event; it is also in `upcomingChanges`.'),
                type: z.enum(['removed', 'updated']).describe('What will change.'),
                effective: z.iso.date().describe('When it takes effect.'),
              }),
            )
            .describe('Announced changes to this sub-processor that have not taken effect yet, soonest first.'),
          url: z.url().describe('Its page on the trust center.'),
        }),
      )
      .describe('The sub-processors on the list as of `asOf`.'),
    upcomingChanges: z
      .array(
        z.object({
          id: z.string().describe('Id of the change event; its page is /subprocessors/changes/<id>/.'),
          type: z.enum(changeTypes).describe('What changes.'),
          subprocessor: slugId.optional().describe('The sub-processor it concerns.'),
          announced: z.iso.date().describe('When it was announced.'),
          effective: z.iso.date().describe('When it takes effect.'),
          objectionDeadline: z.iso.date().optional().describe('The last day a customer can object.'),
          url: z.url().describe('The change’s page on the trust center.'),
        }),
      )
      .describe('Announced changes that have not taken effect yet.'),
  })
  .describe('A trust center’s current sub-processor list.');

export type SubprocessorExport = z.output<typeof subprocessorExportSchema>;

/** The published JSON Schema, generated from the Zod schema above. */
export function subprocessorExportJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(subprocessorExportSchema, { target: 'draft-2020-12', io: 'output' }), $id: id };
}
