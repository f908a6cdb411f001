import path from 'node:path';
import type { Subprocessor } from '../../schemas/subprocessor.ts';
import { subprocessorSchema } from '../../schemas/subprocessor.ts';
import type { LoadedEntry } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { inEffectOrder, subprocessorsOf, type ChangeEvent } from '../subprocessors/changes.ts';
import { error, type Finding } from './finding.ts';
import { unknownReference } from './suggest.ts';
import { RESERVED_VIEW_SEGMENTS } from '../subprocessors/views.ts';

/** Ids that would collide with a fixed route next to the sub-processor pages: the change log and the filtered views. */
const RESERVED_SUBPROCESSOR_IDS = new Set(RESERVED_VIEW_SEGMENTS);

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
  today: Date = new Date(),
): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(subprocessors.map((entry) => entry.id));
  const fields = new Set(Object.keys(subprocessorSchema.shape));

  for (const entry of subprocessors) {
    if (RESERVED_SUBPROCESSOR_IDS.has(entry.id)) {
      const what = entry.id === 'changes' ? "the change log's address" : `the list filtered by ${entry.id}`;
      findings.push(error(entry.file, '(file name)', `"${entry.id}" is reserved for ${what}; rename the file`, 'reserved-id'));
    } else if (/^\d+$/.test(entry.id)) {
      // /subprocessors/2/ is page 2 of the list (lib/subprocessors/views.ts).
      findings.push(error(entry.file, '(file name)', `"${entry.id}" would clash with the list's page numbers; start it with a word`, 'reserved-id'));
    }
  }

  for (const event of events) {
    const { file, data } = event;
    if (/^\d+$/.test(event.id)) {
      findings.push(error(file, '(file name)', `"${event.id}" would clash with the change log's page numbers; start it with a date and a word`, 'reserved-id'));
    }
    if (data.type === 'baseline') {
      (data.subprocessors ?? []).forEach((id, index) => {
        if (!known.has(id)) findings.push(unknownReference(file, `subprocessors.${index}`, id, 'sub-processor', known));
      });
    } else if (data.subprocessor && !known.has(data.subprocessor)) {
      findings.push(unknownReference(file, 'subprocessor', data.subprocessor, 'sub-processor', known));
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
      if (!fields.has(change.field)) findings.push(unknownReference(file, `changes.${index}.field`, change.field, 'sub-processor field', fields));
    });
  }

  const baselines = events.filter((event) => event.data.type === 'baseline');
  for (const extra of baselines.slice(1)) {
    findings.push(error(extra.file, 'type', `only one baseline event may exist; ${baselines[0]!.file} is the first`, 'duplicate-baseline'));
  }

  findings.push(...replay(events));

  const added = new Set(events.filter((event) => event.data.type !== 'removed' && event.data.type !== 'updated').flatMap(subprocessorsOf));
  const unannounced = subprocessors.filter((entry) => !added.has(entry.id));
  const hasBaseline = baselines.length > 0;
  for (const entry of unannounced) {
    const hint = hasBaseline
      ? announcementHint(entry, [entry.id], 'added', today, noticePeriodDays)
      : announcementHint(entry, unannounced.map((other) => other.id), 'baseline', today, 0);
    findings.push(error(entry.file, '(file)', `no baseline or "added" event in the change log names "${entry.id}", so it cannot be on the list`, 'unannounced-subprocessor', hint));
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

/**
 * A ready-to-paste change event for sub-processors no event announces: an addition announced
 * `today` that takes effect after the notice period, or, while the change log has no baseline yet,
 * the baseline that publishes the first list. Change files are named after the announcement date.
 */
function announcementHint(entry: LoadedEntry<Subprocessor>, ids: string[], type: 'added' | 'baseline', today: Date, noticeDays: number): string {
  const announced = isoDate(today);
  const effective = isoDate(new Date(today.getTime() + noticeDays * 86_400_000));
  // The change log sits beside the sub-processors folder: <content>/subprocessor-changes/.
  const contentFolder = path.posix.dirname(path.posix.dirname(entry.file));
  // `.md`: the pasted body uses no component (rename it to `.mdx` to use one).
  const file = path.posix.join(contentFolder, 'subprocessor-changes', `${announced}-${type === 'baseline' ? 'published-list' : entry.id}.md`);
  const subject = type === 'baseline' ? ['subprocessors:', ...ids.map((id) => `  - ${id}`)] : [`subprocessor: ${entry.id}`];
  const why = type === 'baseline' ? 'The sub-processor list as first published.' : `Why ${entry.data.name} is engaged and which data it processes.`;
  return [
    type === 'baseline'
      ? `the change log has no baseline yet: create ${file} with these lines (without the indent):`
      : `announce it: create ${file} with these lines (without the indent), then adjust the dates and the reason:`,
    '---',
    `type: ${type}`,
    ...subject,
    `announced: ${announced}`,
    `effective: ${effective}`,
    '---',
    '',
    why,
  ].join('\n');
}
