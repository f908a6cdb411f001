import { resolveLocale, useTranslations } from '../../i18n/index.ts';
import { formatDate } from '../format.ts';
import { inEffectOrder, isUpcoming, subprocessorsOf, type ChangeEvent } from './changes.ts';

const t = useTranslations();

/**
 * Where one sub-processor stands on the list as of a day, derived from the change log alone. Every
 * page, export, feed and PDF asks {@link subprocessorStatuses} and words the answer with
 * {@link statusText}, so no two outputs can disagree about it.
 */
export interface SubprocessorStatus {
  /** On the published list today. */
  listed: boolean;
  /** When it joined the list in force today (its latest addition in force); only when listed. */
  since?: Date;
  /** When it left the list, when it was on it once and is not any more. */
  removedOn?: Date;
  /** Announced changes that concern it and are not in effect yet, soonest first. */
  upcoming: UpcomingChange[];
}

/** One announced change still ahead, as it concerns one sub-processor. */
export interface UpcomingChange {
  /** The change event's id: its page is /subprocessors/changes/<id>/. */
  id: string;
  type: 'added' | 'removed' | 'updated';
  effective: Date;
}

/** The kinds of status a reader is told, from most to least settled. */
export type StatusKind = 'current' | 'upcoming-addition' | 'upcoming-removal' | 'upcoming-update' | 'removed' | 'not-listed';

const NOT_LISTED: SubprocessorStatus = { listed: false, upcoming: [] };

/**
 * Every sub-processor the log names, with its status as of `today`, in one pass over the log (a
 * page per sub-processor must not replay the log each time). Ids the log never names are not in
 * the map: {@link statusOf} answers "not listed" for them.
 */
export function subprocessorStatuses(events: ChangeEvent[], today: Date): Map<string, SubprocessorStatus> {
  const statuses = new Map<string, SubprocessorStatus>();
  const of = (id: string) => {
    let status = statuses.get(id);
    if (!status) statuses.set(id, (status = { listed: false, upcoming: [] }));
    return status;
  };
  for (const event of inEffectOrder(events)) {
    const upcoming = isUpcoming(event, today);
    for (const id of subprocessorsOf(event)) {
      const status = of(id);
      const type = event.data.type;
      if (upcoming) {
        // The baseline is the first list: it cannot be ahead of any other event, but say "addition" if it is.
        status.upcoming.push({ id: event.id, type: type === 'baseline' ? 'added' : type, effective: event.data.effective });
      } else if (type === 'added' || type === 'baseline') {
        status.listed = true;
        status.since = event.data.effective;
        delete status.removedOn;
      } else if (type === 'removed') {
        status.listed = false;
        status.removedOn = event.data.effective;
        delete status.since;
      }
    }
  }
  return statuses;
}

/** One sub-processor's status from the map, "not listed" when the log never names it. */
export function statusOf(statuses: Map<string, SubprocessorStatus>, id: string): SubprocessorStatus {
  return statuses.get(id) ?? NOT_LISTED;
}

/** The change a reader must hear about first: the soonest one ahead that fits the current standing. */
export function nextChange(status: SubprocessorStatus): UpcomingChange | undefined {
  return status.upcoming.find((change) => (status.listed ? change.type !== 'added' : change.type === 'added'));
}

/** The status in one word, for tests, exports and styling. */
export function statusKind(status: SubprocessorStatus): StatusKind {
  const next = nextChange(status);
  if (next) return next.type === 'added' ? 'upcoming-addition' : next.type === 'removed' ? 'upcoming-removal' : 'upcoming-update';
  if (status.listed) return 'current';
  return status.removedOn ? 'removed' : 'not-listed';
}

/**
 * The status as a reader is told it, always with its date: "On the current list since 1 January
 * 2026", "On the current list; to be removed on 27 December 2026", "No longer a sub-processor,
 * since 27 December 2026", …
 */
export function statusText(status: SubprocessorStatus, language: string = resolveLocale()): string {
  const s = t.subprocessors.status;
  const date = (d: Date) => formatDate(d, language);
  const next = nextChange(status);
  if (status.listed) {
    const base = status.since ? s.currentSince(date(status.since)) : s.current;
    if (next?.type === 'removed') return s.withRemoval(base, date(next.effective));
    if (next?.type === 'updated') return s.withUpdate(base, date(next.effective));
    return base;
  }
  if (next) return s.toBeAdded(date(next.effective));
  return status.removedOn ? s.removedSince(date(status.removedOn)) : s.notListed;
}

/** The upcoming change alone ("To be removed on 27 December 2026"), for lists that show the sub-processor already. */
export function upcomingText(status: SubprocessorStatus, language: string = resolveLocale()): string | undefined {
  const next = nextChange(status);
  if (!next) return undefined;
  const s = t.subprocessors.status;
  const date = formatDate(next.effective, language);
  return next.type === 'removed' ? s.removalNote(date) : next.type === 'updated' ? s.updateNote(date) : s.additionNote(date);
}
