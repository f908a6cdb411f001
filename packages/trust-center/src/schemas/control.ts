import { z } from 'astro/zod';
import { slugId } from './common.ts';

/** Ids of one framework's requirements; which ids exist is the framework-id rule's business, so its finding can name the framework. */
const frameworkIdList = z.array(z.string().min(1)).min(1).optional();

/** One concrete security measure: an entry of `content/controls.yaml`. */
export const controlSchema = z.strictObject({
  id: slugId.describe('Unique id of the control; its anchor on the overview page.'),
  title: z.string().min(1).describe('A short name for the measure, for example "Encryption at rest".'),
  category: z.string().min(1).describe('The group the control is listed under, for example "Data protection".'),
  statement: z.string().min(1).describe('What the whitepaper states about the measure.'),
  section: slugId.describe('Id of the whitepaper section that states the measure.'),
  keyFact: z
    .strictObject({
      label: z.string().min(1).describe('The question the fact answers, for example "Encryption at rest".'),
      value: z.string().min(1).describe('The short answer, for example "AES-256".'),
    })
    .optional()
    .describe('Set to show the control among the key facts at the top of the overview.'),
  keywords: z
    .array(z.string().min(1))
    .default([])
    .describe('Words a reader may search for that the statement does not use; indexed by search, never shown.'),
  frameworks: z
    .strictObject({
      iso27001: frameworkIdList.describe('ISO/IEC 27001:2022 Annex A control numbers the measure addresses, without the "A.", for example "8.24".'),
      soc2: frameworkIdList.describe('SOC 2 Trust Services Criteria (2017) criteria the measure addresses, for example "CC6.1".'),
      ccm: frameworkIdList.describe('CSA Cloud Controls Matrix v4 control ids the measure addresses, for example "CEK-03".'),
    })
    .optional()
    .describe(
      'The framework requirements the statement itself addresses: ids only, checked against the lists the engine ships (rule framework-id). Leave a framework out rather than stretch.',
    ),
});

export type Control = z.infer<typeof controlSchema>;
