import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collectionSources, entryIdFromPath, type CollectionSource } from './lib/content/collections';
import { resolveContentDir } from './lib/content/paths';

// Collections load from the top-level content folder (or CONTENT_DIR); the table in
// lib/content/collections.ts says where each lives, and the content-rules integration has
// already checked every file against the same schemas before Astro gets here.
const contentDir = resolveContentDir();

function loaderFor(source: CollectionSource) {
  const generateId = ({ entry }: { entry: string }) => entryIdFromPath(entry);
  switch (source.kind) {
    case 'single':
      return glob({ base: pathToFileURL(`${contentDir}/`), pattern: source.path, generateId });
    case 'list':
      return file(path.join(contentDir, source.path));
    case 'folder':
      return glob({ base: pathToFileURL(path.join(contentDir, source.path) + '/'), pattern: `*${source.extension}`, generateId });
  }
}

const s = collectionSources;

export const collections = {
  company: defineCollection({ loader: loaderFor(s.company), schema: s.company.schema }),
  whitepaper: defineCollection({ loader: loaderFor(s.whitepaper), schema: s.whitepaper.schema }),
  faq: defineCollection({ loader: loaderFor(s.faq), schema: s.faq.schema }),
  certifications: defineCollection({ loader: loaderFor(s.certifications), schema: s.certifications.schema }),
  controls: defineCollection({ loader: loaderFor(s.controls), schema: s.controls.schema }),
  subprocessors: defineCollection({ loader: loaderFor(s.subprocessors), schema: s.subprocessors.schema }),
  subprocessorChanges: defineCollection({ loader: loaderFor(s.subprocessorChanges), schema: s.subprocessorChanges.schema }),
  updates: defineCollection({ loader: loaderFor(s.updates), schema: s.updates.schema }),
  retention: defineCollection({ loader: loaderFor(s.retention), schema: s.retention.schema }),
  documents: defineCollection({ loader: loaderFor(s.documents), schema: s.documents.schema }),
};
