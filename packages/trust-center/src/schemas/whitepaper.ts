import { z } from 'astro/zod';
import { calendarDate } from './common.ts';

/** Front matter of one whitepaper section: `content/whitepaper/<id>.md` or `.mdx`. The file name is its anchor. */
export const whitepaperSectionSchema = z.strictObject({
  number: z
    .string()
    .regex(/^\d+(?:\.\d+)?$/, 'expected a section number such as 4 or 2.1')
    .describe('The section number; "2.1" is a subsection of section "2". Sections are ordered by it.'),
  title: z.string().min(1).describe('The section heading, without its number.'),
  summary: z.string().min(1).describe('One or two sentences saying what the section covers.'),
  lastReviewed: calendarDate.describe('When the security team last reviewed this section.'),
  keywords: z
    .array(z.string().min(1))
    .default([])
    .describe('Words a reader may search for that the text itself does not use (for example, "2FA"); indexed by search, never shown.'),
  draft: z
    .boolean()
    .default(false)
    .describe('True while the section is being written: a draft is not published, not in search and not in any output.'),
});

export type WhitepaperSection = z.infer<typeof whitepaperSectionSchema>;
