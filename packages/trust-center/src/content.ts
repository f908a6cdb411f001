import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { collectionSources, entryIdFromPath, type CollectionSource } from './lib/content/collections.ts';
import { resolveContentDir } from './lib/content/paths.ts';

function loaderFor(contentDir: string, source: CollectionSource) {
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

/**
 * The trust center's content collections, for the site's `src/content.config.ts`:
 * `export const collections = trustCenterCollections();`. They load from the content folder the
 * integration was given (or CONTENT_DIR); `lib/content/collections.ts` says where each lives, and
 * the content rules have already checked every file against the same schemas before Astro loads them.
 */
export function trustCenterCollections() {
  const contentDir = resolveContentDir();
  const s = collectionSources;
  const collection = <K extends keyof typeof s>(name: K) =>
    defineCollection({ loader: loaderFor(contentDir, s[name]), schema: s[name].schema as (typeof s)[K]['schema'] });
  return {
    company: collection('company'),
    whitepaper: collection('whitepaper'),
    faq: collection('faq'),
    certifications: collection('certifications'),
    controls: collection('controls'),
    subprocessors: collection('subprocessors'),
    subprocessorChanges: collection('subprocessorChanges'),
    updates: collection('updates'),
    retention: collection('retention'),
    documents: collection('documents'),
  };
}
