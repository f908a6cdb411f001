import type { z } from 'astro/zod';
import { certificationSchema } from '../../schemas/certification.ts';
import { companySchema } from '../../schemas/company.ts';
import { controlSchema } from '../../schemas/control.ts';
import { documentSchema } from '../../schemas/document.ts';
import { faqSchema } from '../../schemas/faq.ts';
import { retentionSchema } from '../../schemas/retention.ts';
import { subprocessorSchema } from '../../schemas/subprocessor.ts';
import { subprocessorChangeSchema } from '../../schemas/subprocessor-change.ts';
import { updateSchema } from '../../schemas/update.ts';
import { whitepaperSectionSchema } from '../../schemas/whitepaper.ts';

/**
 * Where each collection lives inside the content folder, and its schema.
 * Both Astro's loaders (src/content.config.ts) and the build's rule check read this one table,
 * so the site and the checks can never disagree about what a collection is.
 */
export const collectionSources = {
  /** One file: the company. */
  company: { kind: 'single', path: 'company.yaml', schema: companySchema },
  /** One MDX file per section; the file name is the section's anchor. */
  whitepaper: { kind: 'folder', path: 'whitepaper', extension: '.mdx', schema: whitepaperSectionSchema },
  /** One MDX file per question; the body is the answer. */
  faq: { kind: 'folder', path: 'faq', extension: '.mdx', schema: faqSchema },
  /** One YAML file per framework. */
  certifications: { kind: 'folder', path: 'certifications', extension: '.yaml', schema: certificationSchema },
  /** One YAML file holding a list of controls, each with its own id. */
  controls: { kind: 'list', path: 'controls.yaml', schema: controlSchema },
  /** One YAML file per sub-processor. */
  subprocessors: { kind: 'folder', path: 'subprocessors', extension: '.yaml', schema: subprocessorSchema },
  /** One MDX file per change to the sub-processor list; the body is the reason. */
  subprocessorChanges: { kind: 'folder', path: 'subprocessor-changes', extension: '.mdx', schema: subprocessorChangeSchema },
  /** One MDX file per news item. */
  updates: { kind: 'folder', path: 'updates', extension: '.mdx', schema: updateSchema },
  /** One file: the deletion schedule after termination. */
  retention: { kind: 'single', path: 'retention.yaml', schema: retentionSchema },
  /** One YAML file holding a list of documents, each with its own id. */
  documents: { kind: 'list', path: 'documents.yaml', schema: documentSchema },
} as const satisfies Record<string, CollectionSource>;

export type CollectionSource =
  | { kind: 'single'; path: string; schema: z.ZodType }
  | { kind: 'list'; path: string; schema: z.ZodType }
  | { kind: 'folder'; path: string; extension: '.mdx' | '.yaml'; schema: z.ZodType };

export type CollectionName = keyof typeof collectionSources;

/** The id of a folder entry: its file name without the extension. */
export function entryIdFromPath(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? relativePath;
  return base.replace(/\.[^.]+$/, '');
}
