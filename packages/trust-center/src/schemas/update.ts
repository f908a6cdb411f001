import { z } from 'astro/zod';
import { calendarDate } from './common.ts';

/** What a news item is about; feeds and the news page group and label items by it. */
export const updateCategories = ['compliance', 'security', 'privacy', 'sub-processors', 'incident'] as const;

/** Front matter of one news item: `content/updates/<id>.md` or `.mdx`; the body is the item. */
export const updateSchema = z.strictObject({
  title: z.string().min(1).describe('The headline.'),
  date: calendarDate.describe('The publication date.'),
  category: z.enum(updateCategories).describe('compliance, security, privacy, sub-processors or incident.'),
  summary: z.string().min(1).describe('One or two sentences for lists and feed readers.'),
});

export type Update = z.infer<typeof updateSchema>;
