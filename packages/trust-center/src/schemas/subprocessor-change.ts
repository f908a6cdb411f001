import { z } from 'astro/zod';
import { calendarDate, slugId } from './common.ts';

/** What happened: the published list began, a sub-processor was added or removed, or its entry changed. */
export const changeTypes = ['baseline', 'added', 'removed', 'updated'] as const;
export type ChangeType = (typeof changeTypes)[number];

const fieldValue = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.string())])
  .describe('A value as it appears in the sub-processor file.');

/** Front matter of one change event: `content/subprocessor-changes/<id>.md` or `.mdx`; the body is the reason. */
export const subprocessorChangeSchema = z
  .strictObject({
    type: z.enum(changeTypes).describe('baseline (the list as first published), added, removed or updated.'),
    subprocessor: slugId
      .optional()
      .describe('Id of the sub-processor the event concerns (its file name); not used by a baseline event.'),
    subprocessors: z
      .array(slugId)
      .optional()
      .describe('For the baseline event only: ids of every sub-processor on the list as first published.'),
    announced: calendarDate.describe('When customers were told about the change.'),
    effective: calendarDate.describe('When the change takes effect.'),
    changes: z
      .array(
        z.strictObject({
          field: z.string().min(1).describe('The sub-processor field that changed, for example "locations".'),
          from: fieldValue.describe('The value before the change.'),
          to: fieldValue.describe('The value after the change.'),
        }),
      )
      .optional()
      .describe('For an updated event: each field that changed, with its old and new value.'),
  })
  .superRefine((event, context) => {
    const needs = (field: 'subprocessor' | 'subprocessors' | 'changes', wanted: boolean, why: string) => {
      const present = event[field] !== undefined && !(Array.isArray(event[field]) && event[field].length === 0);
      if (present !== wanted) context.addIssue({ code: 'custom', path: [field], message: why });
    };
    needs('subprocessor', event.type !== 'baseline', event.type === 'baseline' ? 'a baseline event lists `subprocessors` instead' : `an ${event.type} event names its sub-processor`);
    needs('subprocessors', event.type === 'baseline', event.type === 'baseline' ? 'a baseline event lists every sub-processor on the first published list' : 'only a baseline event lists sub-processors');
    needs('changes', event.type === 'updated', event.type === 'updated' ? 'an updated event lists the fields that changed' : `only an updated event lists changes`);
  });

export type SubprocessorChange = z.infer<typeof subprocessorChangeSchema>;
