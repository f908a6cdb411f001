import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro/content/config';
import { file, glob } from 'astro/loaders';
import { collectionSources, entryIdFromPath, folderPattern, type CollectionSource } from './lib/content/collections.ts';
import { resolveContentDir } from './lib/content/paths.ts';
import { translationLanguages } from './i18n/editions.ts';
import { z } from 'astro/zod';

function loaderFor(contentDir: string, source: CollectionSource) {
  const generateId = ({ entry }: { entry: string }) => entryIdFromPath(entry);
  switch (source.kind) {
    case 'single':
      return glob({ base: pathToFileURL(`${contentDir}/`), pattern: source.path, generateId });
    case 'list':
      return file(path.join(contentDir, source.path));
    case 'folder':
      return glob({ base: pathToFileURL(path.join(contentDir, source.path) + '/'), pattern: folderPattern(source.extensions), generateId });
  }
}

/** The prose translations of every translation language; a site in one language gets a loader that loads nothing. */
function translationLoader(contentDir: string) {
  const languages = translationLanguages();
  if (languages.length === 0) return { name: 'trust-center-no-translations', load: async () => {} };
  const folders = Object.values(collectionSources).flatMap((source) => (source.kind === 'folder' && (source.extensions as readonly string[]).includes('.mdx') ? [source.path] : []));
  // A brace pattern of one item is taken literally, so a single language is written bare.
  const oneOf = (items: string[]) => (items.length === 1 ? items[0] : `{${items.join(',')}}`);
  const pattern = `${oneOf(languages)}/${oneOf(folders)}/*.{md,mdx}`;
  return glob({ base: pathToFileURL(`${contentDir}/`), pattern, generateId: ({ entry }) => entry.replace(/\.[^./]+$/, '') });
}

/**
 * The trust center's content collections, for the site's `src/content.config.ts`:
 * `export const collections = trustCenterCollections();`. They load from the content folder the
 * integration was given (or CONTENT_DIR); `lib/content/collections.ts` says where each lives, and
 * the content rules have already checked every file against the same schemas before Astro loads them.
 */
export function trustCenterCollections() {
  const contentDir = resolveContentDir();
  const s = collectionSources;
  const loader = (source: CollectionSource) => loaderFor(contentDir, source);
  // Spelled out one by one so that each collection keeps its own schema type in `getCollection()`.
  return {
    company: defineCollection({ loader: loader(s.company), schema: s.company.schema }),
    whitepaper: defineCollection({ loader: loader(s.whitepaper), schema: s.whitepaper.schema }),
    faq: defineCollection({ loader: loader(s.faq), schema: s.faq.schema }),
    certifications: defineCollection({ loader: loader(s.certifications), schema: s.certifications.schema }),
    controls: defineCollection({ loader: loader(s.controls), schema: s.controls.schema }),
    subprocessors: defineCollection({ loader: loader(s.subprocessors), schema: s.subprocessors.schema }),
    subprocessorChanges: defineCollection({ loader: loader(s.subprocessorChanges), schema: s.subprocessorChanges.schema }),
    updates: defineCollection({ loader: loader(s.updates), schema: s.updates.schema }),
    retention: defineCollection({ loader: loader(s.retention), schema: s.retention.schema }),
    documents: defineCollection({ loader: loader(s.documents), schema: s.documents.schema }),
    questionnaire: defineCollection({ loader: loader(s.questionnaire), schema: s.questionnaire.schema }),
    // The translated bodies (content/<language>/<folder>/<id>.md|mdx), rendered in place of the source's
    // on the translation's pages (lib/translations/localize.ts); their fields are checked by the content rules.
    translations: defineCollection({ loader: translationLoader(contentDir), schema: z.looseObject({}) }),
  };
}
