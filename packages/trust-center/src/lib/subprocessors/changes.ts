import type { SubprocessorChange } from '../../schemas/subprocessor-change.ts';
import { daysBetween } from '../dates.ts';

/** A change event with its id (file name) and file, as loaded from content or a collection. */
export interface ChangeEvent {
  id: string;
  file?: string;
  data: SubprocessorChange;
}

const DAY_MS = 86_400_000;

/** The sub-processors an event concerns: the whole first list for a baseline, otherwise one. */
export function subprocessorsOf(event: ChangeEvent): string[] {
  return event.data.type === 'baseline' ? (event.data.subprocessors ?? []) : event.data.subprocessor ? [event.data.subprocessor] : [];
}

/** A change whose effective date is still ahead of `today` is upcoming; on its effective day it is in force. */
export function isUpcoming(event: ChangeEvent, today: Date): boolean {
  return daysBetween(today, event.data.effective) > 0;
}

/**
 * The last day a customer can object: the day before the change takes effect. Only additions and
 * updates can be objected to (GDPR Art. 28(2)); a removal or the baseline list has no deadline.
 */
export function objectionDeadline(event: ChangeEvent): Date | undefined {
  if (event.data.type !== 'added' && event.data.type !== 'updated') return undefined;
  return new Date(event.data.effective.getTime() - DAY_MS);
}

/** Events in the order they take effect (ties: baseline first, then by announcement, then id). */
export function inEffectOrder<T extends ChangeEvent>(events: T[]): T[] {
  return [...events].sort(
    (a, b) =>
      a.data.effective.getTime() - b.data.effective.getTime() ||
      Number(b.data.type === 'baseline') - Number(a.data.type === 'baseline') ||
      a.data.announced.getTime() - b.data.announced.getTime() ||
      a.id.localeCompare(b.id),
  );
}

/** Events newest first, by when they were announced: the order of the change log and feeds. */
export function newestFirst<T extends ChangeEvent>(events: T[]): T[] {
  return [...events].sort(
    (a, b) =>
      b.data.announced.getTime() - a.data.announced.getTime() ||
      b.data.effective.getTime() - a.data.effective.getTime() ||
      b.id.localeCompare(a.id),
  );
}

/** The ids on the published list as of `today`: what the events in force yield, nothing else. */
export function currentSubprocessorIds(events: ChangeEvent[], today: Date): Set<string> {
  const current = new Set<string>();
  for (const event of inEffectOrder(events)) {
    if (isUpcoming(event, today)) break;
    if (event.data.type === 'removed') current.delete(event.data.subprocessor ?? '');
    else if (event.data.type !== 'updated') for (const id of subprocessorsOf(event)) current.add(id);
  }
  return current;
}

/** When a sub-processor joined the list that is in force today (its latest addition in force). */
export function sinceDate(events: ChangeEvent[], id: string, today: Date): Date | undefined {
  return sinceDates(events, today).get(id);
}

/**
 * {@link sinceDate} for every sub-processor on the list today, in one pass over the log: asking
 * once per sub-processor would replay (and sort) the whole log each time.
 */
export function sinceDates(events: ChangeEvent[], today: Date): Map<string, Date> {
  const since = new Map<string, Date>();
  for (const event of inEffectOrder(events)) {
    if (isUpcoming(event, today)) break;
    for (const id of subprocessorsOf(event)) {
      if (event.data.type === 'added' || event.data.type === 'baseline') since.set(id, event.data.effective);
      if (event.data.type === 'removed') since.delete(id);
    }
  }
  return since;
}
