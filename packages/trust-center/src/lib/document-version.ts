import { isoDate } from './dates.ts';

/** The dated facts of the content that the derived document version is read from. */
export interface VersionSources {
  /** Published whitepaper sections' `lastReviewed`. */
  whitepaperReviewed: Date[];
  /** News items' `date`. */
  updates: Date[];
  /** Sub-processor changes' `announced` (the day the list's readers learnt of the change). */
  changesAnnounced: Date[];
  /** Certifications' `since` (the day a status was reached). */
  certificationsSince: Date[];
}

/**
 * The version printed on the PDFs (cover, running footer, document properties) when the site sets
 * no `documentVersion`: the date (YYYY-MM-DD) of the latest change to what the documents say, that
 * is the newest of the dates above that is not after the build date. Dates still ahead are left
 * out, so a build does not claim a change it does not show yet. When the content holds no such
 * date, the build date. Never the engine's version: the documents are the company's.
 */
export function deriveDocumentVersion(sources: VersionSources, today: Date): string {
  const dates = [...sources.whitepaperReviewed, ...sources.updates, ...sources.changesAnnounced, ...sources.certificationsSince];
  const past = dates.filter((date) => date.getTime() <= today.getTime());
  const newest = past.length === 0 ? today : new Date(Math.max(...past.map((date) => date.getTime())));
  return isoDate(newest);
}

/** The entries the sources are read from, as both Astro's collections and the content reader give them. */
interface Entries {
  whitepaper: { data: { lastReviewed: Date; draft?: boolean } }[];
  updates: { data: { date: Date } }[];
  subprocessorChanges: { data: { announced: Date } }[];
  certifications: { data: { since?: Date | undefined } }[];
}

/** The version sources of a content folder's entries (drafts left out: they are in no document). */
export function versionSources(entries: Entries): VersionSources {
  return {
    whitepaperReviewed: entries.whitepaper.filter((entry) => !entry.data.draft).map((entry) => entry.data.lastReviewed),
    updates: entries.updates.map((entry) => entry.data.date),
    changesAnnounced: entries.subprocessorChanges.map((entry) => entry.data.announced),
    certificationsSince: entries.certifications.flatMap((entry) => (entry.data.since ? [entry.data.since] : [])),
  };
}
