import type { z } from 'astro/zod';
import { certificationSchema } from '../../schemas/certification.ts';
import { companySchema } from '../../schemas/company.ts';
import { controlSchema } from '../../schemas/control.ts';
import { documentSchema } from '../../schemas/document.ts';
import { faqSchema } from '../../schemas/faq.ts';
import { questionnaireSchema } from '../../schemas/questionnaire.ts';
import { retentionSchema } from '../../schemas/retention.ts';
import { subprocessorSchema } from '../../schemas/subprocessor.ts';
import { subprocessorChangeSchema } from '../../schemas/subprocessor-change.ts';
import { updateSchema } from '../../schemas/update.ts';
import { whitepaperSectionSchema } from '../../schemas/whitepaper.ts';

/**
 * The extensions of a prose collection's files: `.md` is plain Markdown, which Astro renders
 * through its Markdown pipeline; `.mdx` is Markdown with the content components, which Vite
 * compiles and bundles as a module per file (several times slower). The extension is not part of
 * the entry's id, so renaming one into the other changes no URL, anchor, feed id or published event.
 */
export const PROSE_EXTENSIONS = ['.md', '.mdx'] as const;

/** The format of a prose body, from its file's extension. */
export type BodyFormat = 'md' | 'mdx';

/**
 * Where each collection lives inside the content folder, and its schema.
 * Both Astro's loaders (src/content.config.ts) and the build's rule check read this one table,
 * so the site and the checks can never disagree about what a collection is.
 */
export const collectionSources = {
  /** One file: the company. */
  company: { kind: 'single', path: 'company.yaml', schema: companySchema },
  /** One Markdown file (.md or .mdx) per section; the file name is the section's anchor. */
  whitepaper: { kind: 'folder', path: 'whitepaper', extensions: PROSE_EXTENSIONS, schema: whitepaperSectionSchema },
  /** One Markdown file (.md or .mdx) per question; the body is the answer. */
  faq: { kind: 'folder', path: 'faq', extensions: PROSE_EXTENSIONS, schema: faqSchema },
  /** One YAML file per framework. */
  certifications: { kind: 'folder', path: 'certifications', extensions: ['.yaml'], schema: certificationSchema },
  /** One YAML file holding a list of controls, each with its own id. */
  controls: { kind: 'list', path: 'controls.yaml', schema: controlSchema },
  /** One YAML file per sub-processor. */
  subprocessors: { kind: 'folder', path: 'subprocessors', extensions: ['.yaml'], schema: subprocessorSchema },
  /** One Markdown file (.md or .mdx) per change to the sub-processor list; the body is the reason. */
  subprocessorChanges: { kind: 'folder', path: 'subprocessor-changes', extensions: PROSE_EXTENSIONS, schema: subprocessorChangeSchema },
  /** One Markdown file (.md or .mdx) per news item. */
  updates: { kind: 'folder', path: 'updates', extensions: PROSE_EXTENSIONS, schema: updateSchema },
  /** One file: the deletion schedule after termination. */
  retention: { kind: 'single', path: 'retention.yaml', schema: retentionSchema },
  /** One YAML file holding a list of documents, each with its own id. */
  documents: { kind: 'list', path: 'documents.yaml', schema: documentSchema },
  /** One YAML file holding a list of questionnaire questions, each with its own id and answer from the content. */
  questionnaire: { kind: 'list', path: 'questionnaire.yaml', schema: questionnaireSchema },
} as const satisfies Record<string, CollectionSource>;

export type CollectionSource =
  | { kind: 'single'; path: string; schema: z.ZodType }
  | { kind: 'list'; path: string; schema: z.ZodType }
  | { kind: 'folder'; path: string; extensions: readonly FolderExtension[]; schema: z.ZodType };

/** The extensions a collection folder may hold: YAML data, or Markdown prose with front matter. */
export type FolderExtension = '.yaml' | (typeof PROSE_EXTENSIONS)[number];

/** The format of a prose file (`.md` or `.mdx`), or undefined for any other file. */
export function bodyFormat(file: string): BodyFormat | undefined {
  if (file.endsWith('.mdx')) return 'mdx';
  if (file.endsWith('.md')) return 'md';
  return undefined;
}

/** The glob pattern of a collection folder's entry files: `*.yaml`, or `*.{md,mdx}`. */
export function folderPattern(extensions: readonly FolderExtension[]): string {
  return extensions.length === 1 ? `*${extensions[0]}` : `*.{${extensions.map((extension) => extension.slice(1)).join(',')}}`;
}

export type CollectionName = keyof typeof collectionSources;

/** The id of a folder entry: its file name without the extension. */
export function entryIdFromPath(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? relativePath;
  return base.replace(/\.[^.]+$/, '');
}
