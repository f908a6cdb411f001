import { z } from 'astro/zod';
import { slugId } from './common.ts';

/** Front matter of one question: `content/faq/<id>.md` or `.mdx`; the body is the answer. */
export const faqSchema = z.strictObject({
  question: z.string().min(1).describe('The question, as a reader asks it.'),
  category: z.string().min(1).describe('The group the question is shown under on the FAQ page.'),
  order: z.number().int().describe('Position of the question on the FAQ page; lower comes first.'),
  sections: z
    .array(slugId)
    .default([])
    .describe('Ids of the whitepaper sections the answer relies on.'),
  subprocessors: z
    .array(slugId)
    .default([])
    .describe('Ids of the sub-processors the answer names.'),
  keywords: z
    .array(z.string().min(1))
    .default([])
    .describe('Words a reader may search for that the question and answer do not use; indexed by search, never shown.'),
  draft: z
    .boolean()
    .default(false)
    .describe('True while the answer is being written: a draft is not published, not in search and not in any output.'),
});

export type Faq = z.infer<typeof faqSchema>;
