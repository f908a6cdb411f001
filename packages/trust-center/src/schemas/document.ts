import { z } from 'astro/zod';
import { httpUrl, slugId } from './common.ts';

/** The PDFs the build generates from the content, each at `/documents/<name>.pdf`. */
export const generatedPdfs = ['whitepaper', 'faq', 'subprocessors', 'security-pack'] as const;

export type GeneratedPdf = (typeof generatedPdfs)[number];

const common = {
  id: slugId.describe('Unique id of the document.'),
  title: z.string().min(1).describe('The document’s title.'),
  description: z.string().min(1).describe('One sentence on what the document is for.'),
  // Required, like a FAQ's or a certification's: the company decides what a reader sees first,
  // and a list with no stated order would fall back on whatever order the loader happens to use.
  order: z.number().int().describe('Position on the documents page and the overview; lower comes first, each order used once.'),
};

/** One document a reader can get: an entry of `content/documents.yaml`. */
export const documentSchema = z.discriminatedUnion('access', [
  z.strictObject({
    ...common,
    access: z.literal('external').describe('Published elsewhere; `url` links to it.'),
    url: httpUrl.describe('Where the document is published.'),
  }),
  z.strictObject({
    ...common,
    access: z.literal('page').describe('A page of this trust center; `path` links to it.'),
    path: z
      .string()
      .regex(/^\/(?:[a-z0-9-]+\/)*$/, 'expected a site path such as /whitepaper/')
      .describe('The page’s path on this site, with a trailing slash.'),
  }),
  z.strictObject({
    ...common,
    access: z
      .literal('generated')
      .describe('A PDF the build generates from the content; `pdf` names which one.'),
    pdf: z
      .enum(generatedPdfs)
      .describe('Which generated PDF: whitepaper, faq, subprocessors or security-pack (at /documents/<pdf>.pdf).'),
  }),
  z.strictObject({
    ...common,
    access: z
      .literal('on-request')
      .describe('Not published: no file is in the repository; readers ask for it at `contact`.'),
    contact: z
      .enum(['general', 'security', 'privacy'])
      .describe('Which of the company contacts handles requests for it.'),
  }),
]);

export type TrustDocument = z.infer<typeof documentSchema>;
