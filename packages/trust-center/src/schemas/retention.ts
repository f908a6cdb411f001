import { z } from 'astro/zod';
import { slugId } from './common.ts';

/** The deletion schedule after termination: `content/retention.yaml`. */
export const retentionSchema = z.strictObject({
  summary: z.string().min(1).describe('One sentence introducing the schedule.'),
  tiers: z
    .array(
      z.strictObject({
        id: slugId.describe('Unique id of the tier.'),
        data: z.string().min(1).describe('Which data the tier covers.'),
        examples: z
          .array(z.string().min(1))
          .default([])
          .describe('Examples of the data, where stated.'),
        deletedWithinDays: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Days after termination by which the data is deleted; left out when the law decides.'),
        exportDays: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Days after termination during which the customer can export the data.'),
        rule: z.string().min(1).describe('The tier in the company’s own words.'),
      }),
    )
    .min(1)
    .describe('The tiers of the schedule, in the order the company states them.'),
  confirmation: z
    .strictObject({
      withinDays: z.number().int().positive().describe('Days after each deadline by which deletion is confirmed.'),
      statement: z.string().min(1).describe('How deletion is confirmed, in the company’s words.'),
    })
    .describe('How the customer learns the data has been deleted.'),
});

export type Retention = z.infer<typeof retentionSchema>;
