import { createHash } from 'node:crypto';
import type { SubprocessorChange } from '../../schemas/subprocessor-change.ts';
import type { PublishedEvent } from '../../schemas/published-history.ts';
import type { LoadedEntry } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { error, type Finding } from './finding.ts';

/** Published events by id, as the lock records them. */
export type PublishedEvents = Record<string, PublishedEvent>;

/** A change event as its file reads now: what the lock is compared with. */
export interface EventSource {
  /** Front matter as parsed from YAML, before any schema default or coercion. */
  frontMatter: unknown;
  body: string;
}

/** The published history to hold the change log to, and the change log as its files read now. */
export interface PublishedHistoryInput {
  /** Recorded events by id (the lock, with every committed version of it). */
  events: PublishedEvents;
  /** The change-log folder as messages show it, to name a deleted event's file. */
  folder: string;
  /** Each change event's fingerprint ({@link fingerprint}) by id. */
  fingerprints: ReadonlyMap<string, string>;
}

/**
 * The fingerprint of an event as its author wrote it: the front matter as parsed from YAML (keys
 * sorted, so key order and quoting do not count as edits; taken before the schema applies defaults,
 * so a new engine version cannot change it) and the body (line endings and trailing spaces
 * normalised, so an editor's whitespace habits do not count either).
 */
export function fingerprint({ frontMatter, body }: EventSource): string {
  const text = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return createHash('sha256').update(`${canonicalJson(frontMatter)}\n---\n${text}`).digest('hex');
}

/**
 * A published change event is immutable: once announced, readers, feeds and exports have seen it,
 * so every event recorded in the lock must still exist with the same fingerprint. A correction is a
 * new event.
 */
export function checkPublishedHistory(events: Pick<LoadedEntry<SubprocessorChange>, 'id' | 'file'>[], history: PublishedHistoryInput): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const [id, recorded] of Object.entries(history.events).sort(([a], [b]) => a.localeCompare(b))) {
    const event = byId.get(id);
    if (!event) {
      findings.push(
        // The lock holds no extension (a rename between .md and .mdx is no change), so the file is named without one.
        error(`${history.folder}/${id}`, '(event)', `was published on ${recorded.announced} and has since been deleted (no ${id}.md or ${id}.mdx); published history cannot change, restore it and add a new event instead`, 'published-history'),
      );
    } else if (history.fingerprints.get(id) !== recorded.sha256) {
      findings.push(
        error(event.file, '(event)', `was published on ${recorded.announced} and has since been edited; published history cannot change, add a new event instead`, 'published-history'),
      );
    }
  }
  return findings;
}

/** Events announced on or before `asOf` that the lock does not hold yet: what the build appends. */
export function newlyPublished(events: Pick<LoadedEntry<SubprocessorChange>, 'id' | 'data'>[], history: Omit<PublishedHistoryInput, 'folder'>, asOf: Date): PublishedEvents {
  const added: PublishedEvents = {};
  for (const event of events) {
    const sha256 = history.fingerprints.get(event.id);
    if (event.id in history.events || !sha256 || daysBetween(asOf, event.data.announced) > 0) continue;
    added[event.id] = { announced: isoDate(event.data.announced), sha256 };
  }
  return added;
}

/** JSON with object keys sorted (and any date as its calendar day): one text per value. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, function (this: Record<string, unknown>, key: string, current: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return isoDate(raw);
    if (current && typeof current === 'object' && !Array.isArray(current)) {
      return Object.fromEntries(Object.entries(current as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return current;
  });
}
