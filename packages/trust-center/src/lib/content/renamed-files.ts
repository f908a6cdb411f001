import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bodyFormat, collectionSources, entryIdFromPath } from './collections.ts';

// Astro 7.3's glob loader keeps a stored entry when a file with the same id has the same bytes,
// without comparing paths. A body renamed from `.mdx` to `.md` (the same entry, by design: see
// PROSE_EXTENSIONS) therefore keeps its old path in the data store, and the next build imports the
// file that is gone ("failed to resolve import astro:content-layer-deferred-module?…fileName=….mdx").
// The engine notes each prose entry's file name at every start and drops Astro's data store when one
// changed, so Astro reads the content from the files again (a cold sync, only after such a rename).

/** The note, kept in Astro's cache folder for this content folder, beside the data store. */
export const FILE_NAMES_NOTE = 'trust-center-prose-files.json';
/** Astro's data store in its cache folder. */
export const DATA_STORE = 'data-store.json';

/** Each prose entry (`folder/id`) with the name of its file (`folder/id.md` or `.mdx`) in `contentDir`. */
export function proseFileNames(contentDir: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const source of Object.values(collectionSources)) {
    if (source.kind !== 'folder' || !source.extensions.some((extension) => extension !== '.yaml')) continue;
    let files: string[];
    try {
      files = readdirSync(path.join(contentDir, source.path));
    } catch {
      continue; // A missing folder is the content check's finding, not ours.
    }
    for (const file of files.sort()) {
      if (bodyFormat(file)) names[`${source.path}/${entryIdFromPath(file)}`] ??= `${source.path}/${file}`;
    }
  }
  return names;
}

/** The entries present in both lists whose file name differs: renamed, most likely `.mdx` to `.md` or back. */
export function renamedEntries(before: Record<string, string>, now: Record<string, string>): { entry: string; from: string; to: string }[] {
  return Object.entries(now)
    .filter(([entry, file]) => Object.hasOwn(before, entry) && before[entry] !== file)
    .map(([entry, to]) => ({ entry, from: before[entry]!, to }));
}

/**
 * Compares the prose file names with the ones noted at the last start (in `astroCacheDir`), drops
 * Astro's data store when an entry's file was renamed (or when there is no note to compare with),
 * and notes the names of now. Returns the renames.
 */
export function forgetRenamedEntries(contentDir: string, astroCacheDir: string): { entry: string; from: string; to: string }[] {
  const notePath = path.join(astroCacheDir, FILE_NAMES_NOTE);
  const now = proseFileNames(contentDir);
  let before: Record<string, string> | undefined;
  try {
    before = JSON.parse(readFileSync(notePath, 'utf8')) as Record<string, string>;
  } catch {
    // No note: a first build, or a data store an older engine wrote without one, which may hold renamed files.
  }
  const renamed = before ? renamedEntries(before, now) : [];
  if ((!before || renamed.length > 0) && existsSync(path.join(astroCacheDir, DATA_STORE))) rmSync(path.join(astroCacheDir, DATA_STORE));
  mkdirSync(astroCacheDir, { recursive: true });
  writeFileSync(notePath, `${JSON.stringify(now, null, 1)}\n`);
  return renamed;
}
