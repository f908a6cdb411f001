import { z } from 'astro/zod';
import { slugId } from './common.ts';

/**
 * The topics a questionnaire entry belongs to: the common ground of CSA CAIQ and Shared Assessments
 * SIG Lite. Fixed, so the page, the CSV and the workbook group answers the same way for every company.
 */
export const questionnaireDomains = [
  'hosting',
  'encryption',
  'key-management',
  'access-control',
  'logging-monitoring',
  'vulnerability-management',
  'secure-development',
  'incident-response',
  'business-continuity',
  'personnel-security',
  'physical-security',
  'subprocessors',
  'retention-deletion',
  'ai',
  'certifications',
] as const;

export type QuestionnaireDomain = (typeof questionnaireDomains)[number];

/** Ids of entries of one collection; which exist is rule questionnaire-source's business, so its finding can name the file and field. */
const idList = z.array(slugId).default([]);

/** One security-questionnaire question and its answer from the content: an entry of `content/questionnaire.yaml`. */
export const questionnaireSchema = z.strictObject({
  id: slugId.describe('Unique id of the question; its anchor on /questionnaire/ and its row id in the CSV and workbook.'),
  domain: z.enum(questionnaireDomains).describe('The topic the question is grouped under, one of a fixed list (hosting, encryption, key-management, ...).'),
  question: z.string().min(1).describe('The question, worded by the company as questionnaires commonly ask it.'),
  answer: z
    .string()
    .min(1)
    .optional()
    .describe('The answer, only from what the cited sources state; leave out and set `status: not-stated` where the content is silent.'),
  status: z
    .literal('not-stated')
    .optional()
    .describe('Set instead of `answer` when the content does not answer the question: shown as "Not stated in the whitepaper", never guessed.'),
  sources: z
    .strictObject({
      sections: idList.describe('Ids of the whitepaper sections the answer rests on.'),
      controls: idList.describe('Ids of the controls the answer rests on; their framework references become the answer’s.'),
      faq: idList.describe('Ids of the FAQ entries the answer rests on.'),
    })
    .default({ sections: [], controls: [], faq: [] })
    .describe('What the answer rests on: every number, date and name in the answer must appear in one of them (rule questionnaire-fact).'),
});

export type QuestionnaireEntry = z.infer<typeof questionnaireSchema>;
