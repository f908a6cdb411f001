import { z } from 'astro/zod';
import { slugId } from './common.ts';

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
});

export type Control = z.infer<typeof controlSchema>;
