import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { publishedHistorySchema, type PublishedHistory } from '../../schemas/published-history.ts';
import { error, type Finding } from '../rules/finding.ts';
import { fingerprint, type EventSource, type PublishedEvents, type PublishedHistoryInput } from '../rules/published-history.ts';
import { collectionSources } from './collections.ts';
import { displayPath } from './paths.ts';
import { catFiles } from '../history/git-history.ts';

/**
 * The lock of published change events sits next to the change-log folder, not inside it, so the
 * collection loaders and the folder checks never see it as an entry.
 */
export const HISTORY_LOCK = `${collectionSources.subprocessorChanges.path}.lock.json`;

const NOTE =
  'Published sub-processor change events, recorded by the build. The build fails if one of them is edited or deleted; it only appends. Commit this file with the content and never edit it by hand.';

/** The published events the build must keep, the change log as it reads now, and any problem with the lock itself. */
export interface PublishedHistoryLock extends PublishedHistoryInput {
  /** The lock file, as messages show it. */
  file: string;
  /** The events the lock file in the folder holds now (what appending starts from). */
  onDisk: PublishedEvents;
  findings: Finding[];
}

/**
 * Reads the lock, and, when the content folder is in a git work tree, every version of it that was
 * ever committed: an entry once committed stays required even if the file is deleted or rewritten,
 * so only rewriting git history itself can hide a published event.
 */
export function readPublishedHistory(contentDir: string, eventIds: string[], root: string = process.cwd()): PublishedHistoryLock {
  const full = path.join(contentDir, HISTORY_LOCK);
  const file = displayPath(full, root);
  const folder = displayPath(path.join(contentDir, collectionSources.subprocessorChanges.path), root);
  const findings: Finding[] = [];
  const onDisk = existsSync(full) ? parseLock(readFileSync(full, 'utf8'), file, '', findings) : {};
  const events: PublishedEvents = {};
  for (const { commit, text } of committedVersions(contentDir)) {
    merge(events, parseLock(text, file, ` (committed in ${commit})`, findings), file, `the version committed in ${commit}`, findings);
  }
  merge(events, onDisk, file, 'the committed one', findings);
  const changeLog = path.join(contentDir, collectionSources.subprocessorChanges.path);
  // An event is one file, .md or .mdx (the content check refuses both for one id); the fingerprint
  // reads front matter and body only, so renaming one into the other is not an edit.
  const eventFile = (id: string) => collectionSources.subprocessorChanges.extensions.map((extension) => path.join(changeLog, `${id}${extension}`)).find((file) => existsSync(file));
  const fingerprints = new Map(eventIds.flatMap((id) => {
    const file = eventFile(id);
    return file === undefined ? [] : [[id, fingerprint(readSource(file))] as const];
  }));
  return { file, folder, events, fingerprints, onDisk, findings };
}

/**
 * Appends newly published events to the lock file and returns the line the build prints, or
 * nothing when the file already holds everything (as in CI, where the lock is committed).
 */
export function appendPublishedHistory(contentDir: string, lock: PublishedHistoryLock, added: PublishedEvents, root: string = process.cwd()): string | undefined {
  const events = { ...lock.events, ...added };
  const count = Object.keys(events).filter((id) => !(id in lock.onDisk)).length;
  if (count === 0) return undefined;
  const sorted = Object.fromEntries(Object.entries(events).sort(([a], [b]) => a.localeCompare(b)));
  const history: PublishedHistory = { note: NOTE, events: sorted };
  writeFileSync(path.join(contentDir, HISTORY_LOCK), `${JSON.stringify(history, null, 2)}\n`);
  return `recorded ${count} newly published change(s) in ${displayPath(path.join(contentDir, HISTORY_LOCK), root)}: commit it`;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/** An event's file as written (it has passed the content check, so it has front matter that parses). */
function readSource(file: string): EventSource {
  const match = FRONT_MATTER.exec(readFileSync(file, 'utf8'));
  return { frontMatter: parseYaml(match?.[1] ?? '') as unknown, body: match?.[2] ?? '' };
}

/** Adds `next` to `into`; an id recorded with a different entry is a rewritten lock. */
function merge(into: PublishedEvents, next: PublishedEvents, file: string, against: string, findings: Finding[]): void {
  for (const [id, entry] of Object.entries(next)) {
    const known = into[id];
    if (!known) into[id] = entry;
    else if (known.announced !== entry.announced || known.sha256 !== entry.sha256) {
      findings.push(error(file, `events.${id}`, `differs from ${against}; the lock only grows, restore the entry`, 'published-history'));
    }
  }
}

function parseLock(text: string, file: string, where: string, findings: Finding[]): PublishedEvents {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    findings.push(error(file, '(root)', `invalid JSON${where}: ${cause instanceof Error ? cause.message : String(cause)}`, 'published-history'));
    return {};
  }
  const result = publishedHistorySchema.safeParse(raw);
  if (result.success) return result.data.events;
  for (const issue of result.error.issues) {
    findings.push(error(file, issue.path.map(String).join('.') || '(root)', `${issue.message}${where}`, 'published-history'));
  }
  return {};
}

/**
 * Every committed version of the lock, oldest first; none when git or a work tree is missing. Three
 * git processes however many commits touched it (catFiles reads all the versions in one), as the
 * lock gains a commit with every published change.
 */
function committedVersions(contentDir: string): { commit: string; text: string }[] {
  if (!existsSync(contentDir)) return [];
  const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  try {
    if (git('rev-parse', '--is-inside-work-tree').trim() !== 'true') return [];
    const commits = git('log', '--reverse', '--format=%h', '--', HISTORY_LOCK).split('\n').filter(Boolean);
    const texts = catFiles(contentDir, commits.map((commit) => `${commit}:./${HISTORY_LOCK}`));
    // A commit that deleted the file has no version of it.
    return commits.flatMap((commit, index) => (texts[index] === undefined ? [] : [{ commit, text: texts[index] }]));
  } catch {
    return [];
  }
}
