import type { Subprocessor } from '../../schemas/subprocessor.ts';
import { subprocessorSchema } from '../../schemas/subprocessor.ts';
import type { LoadedEntry } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { inEffectOrder, subprocessorsOf, type ChangeEvent } from '../subprocessors/changes.ts';
import { error, type Finding } from './finding.ts';

/** Ids that would collide with a fixed route next to the sub-processor pages. */
const RESERVED_SUBPROCESSOR_IDS = new Set(['changes']);

type FiledEvent = ChangeEvent & { file: string };

/**
 * The list can only change through dated, announced events: every reference resolves, every
 * sub-processor file was added by an event, additions honour the notice period, and the events
 * replay in order without adding what is listed or removing what is not.
 */
export function checkSubprocessorChanges(
  events: FiledEvent[],
  subprocessors: LoadedEntry<Subprocessor>[],
  noticePeriodDays: number,
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(subprocessors.map((entry) => entry.id));
  const fields = new Set(Object.keys(subprocessorSchema.shape));

  for (const entry of subprocessors) {
    if (RESERVED_SUBPROCESSOR_IDS.has(entry.id)) {
      findings.push(error(entry.file, '(file name)', `"${entry.id}" is reserved for the change log's address; rename the file`, 'reserved-id'));
    }
  }

  for (const event of events) {
    const { file, data } = event;
    if (/^\d+$/.test(event.id)) {
      findings.push(error(file, '(file name)', `"${event.id}" would clash with the change log's page numbers; start it with a date and a word`, 'reserved-id'));
    }
    if (data.type === 'baseline') {
      (data.subprocessors ?? []).forEach((id, index) => {
        if (!known.has(id)) findings.push(error(file, `subprocessors.${index}`, `"${id}" is not a sub-processor`, 'unknown-reference'));
      });
    } else if (data.subprocessor && !known.has(data.subprocessor)) {
      findings.push(error(file, 'subprocessor', `"${data.subprocessor}" is not a sub-processor`, 'unknown-reference'));
    }
    const lead = daysBetween(data.announced, data.effective);
    if (lead < 0) {
      findings.push(error(file, 'effective', `${isoDate(data.effective)} is before the announcement on ${isoDate(data.announced)}`, 'effective-before-announced'));
    } else if (data.type === 'added' && lead < noticePeriodDays) {
      findings.push(
        error(file, 'effective', `${isoDate(data.effective)} is ${lead} day${lead === 1 ? '' : 's'} after the announcement on ${isoDate(data.announced)}; an addition needs ${noticePeriodDays} days' notice`, 'notice-period'),
      );
    }
    (data.changes ?? []).forEach((change, index) => {
      if (!fields.has(change.field)) findings.push(error(file, `changes.${index}.field`, `"${change.field}" is not a sub-processor field`, 'unknown-reference'));
    });
  }

  const baselines = events.filter((event) => event.data.type === 'baseline');
  for (const extra of baselines.slice(1)) {
    findings.push(error(extra.file, 'type', `only one baseline event may exist; ${baselines[0]!.file} is the first`, 'duplicate-baseline'));
  }

  findings.push(...replay(events));

  const added = new Set(events.filter((event) => event.data.type !== 'removed' && event.data.type !== 'updated').flatMap(subprocessorsOf));
  for (const entry of subprocessors) {
    if (!added.has(entry.id)) {
      findings.push(error(entry.file, '(file)', `no baseline or "added" event in the change log names "${entry.id}", so it cannot be on the list`, 'unannounced-subprocessor'));
    }
  }
  return findings;
}

/** Applies the events in the order they take effect and reports each one that contradicts the list. */
function replay(events: FiledEvent[]): Finding[] {
  const findings: Finding[] = [];
  const listed = new Set<string>();
  for (const event of inEffectOrder(events)) {
    const when = isoDate(event.data.effective);
    for (const id of subprocessorsOf(event)) {
      const field = event.data.type === 'baseline' ? 'subprocessors' : 'subprocessor';
      if ((event.data.type === 'added' || event.data.type === 'baseline') && listed.has(id)) {
        findings.push(error(event.file, field, `"${id}" is already on the list on ${when}`, 'change-sequence'));
      } else if ((event.data.type === 'removed' || event.data.type === 'updated') && !listed.has(id)) {
        findings.push(error(event.file, field, `"${id}" is not on the list on ${when}, so it cannot be ${event.data.type}`, 'change-sequence'));
      }
      if (event.data.type === 'removed') listed.delete(id);
      else if (event.data.type !== 'updated') listed.add(id);
    }
  }
  return findings;
}
