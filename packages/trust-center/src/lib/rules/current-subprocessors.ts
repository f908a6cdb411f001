import type { LoadedContent } from '../content/read.ts';
import { daysBetween, isoDate } from '../dates.ts';
import { currentSubprocessorIds, inEffectOrder, subprocessorsOf, type ChangeEvent } from '../subprocessors/changes.ts';
import { error, warning, type Finding } from './finding.ts';

type Content = Pick<LoadedContent, 'subprocessors' | 'subprocessorChanges' | 'faq' | 'whitepaper' | 'controls'>;

/**
 * The site must not present a sub-processor as in use when the change log says it is not (removed,
 * or announced but not yet in effect) as of `today`. A published answer that lists one in its
 * `subprocessors` is an error; prose in published answers, whitepaper sections and controls that
 * names one is a warning (the sentence may be about the removal; a person decides).
 *
 * Prose matches a display name (or, for "Name (SHORT)", either part) as a whole word, case-sensitively ("Convex" but not "convex"), and
 * not inside a longer name of a sub-processor that is on the list ("Example Cloud" is not matched in
 * "Example Cloud Storage" when that one is current).
 */
export function checkCurrentSubprocessors(content: Content, today: Date): Finding[] {
  const current = currentSubprocessorIds(content.subprocessorChanges, today);
  const absent = content.subprocessors.filter((entry) => !current.has(entry.id));
  if (absent.length === 0) return [];
  const why = new Map(absent.map((entry) => [entry.id, absence(content.subprocessorChanges, entry.id, today)]));
  const findings: Finding[] = [];

  for (const { file, data } of content.faq) {
    if (data.draft) continue;
    data.subprocessors.forEach((id, index) => {
      const reason = why.get(id);
      if (reason) findings.push(error(file, `subprocessors.${index}`, `"${id}" ${reason}; remove the reference`, 'not-current-subprocessor'));
    });
  }

  const currentNames = content.subprocessors.filter((entry) => current.has(entry.id)).flatMap((entry) => nameVariants(entry.data.name)).map(namePattern);
  const absentNames = absent.map((entry) => ({ entry, pattern: new RegExp(nameVariants(entry.data.name).map((name) => namePattern(name).source).join('|'), 'gu') }));
  const scan = (file: string, field: string, text: string | undefined) => {
    if (!text) return;
    const masked = currentNames.reduce((masking, pattern) => masking.replace(pattern, (match) => ' '.repeat(match.length)), text);
    for (const { entry, pattern } of absentNames) {
      pattern.lastIndex = 0;
      if (pattern.test(masked)) {
        findings.push(warning(file, field, `names ${entry.data.name}, which ${why.get(entry.id)}`, 'not-current-subprocessor'));
      }
    }
  };
  for (const { file, data, body } of content.faq) {
    if (data.draft) continue;
    scan(file, 'question', data.question);
    scan(file, '(body)', body);
  }
  for (const { file, data, body } of content.whitepaper) {
    if (data.draft) continue;
    scan(file, 'title', data.title);
    scan(file, 'summary', data.summary);
    scan(file, '(body)', body);
  }
  for (const { id, file, data } of content.controls) {
    scan(file, `${id}.title`, data.title);
    scan(file, `${id}.statement`, data.statement);
    scan(file, `${id}.keyFact.value`, data.keyFact?.value);
  }
  return findings;
}

/** Why a sub-processor is not on the list today: its last removal in force, or its coming addition. */
function absence(events: ChangeEvent[], id: string, today: Date): string {
  let removed: Date | undefined;
  let joins: Date | undefined;
  for (const event of inEffectOrder(events)) {
    if (!subprocessorsOf(event).includes(id)) continue;
    const upcoming = daysBetween(today, event.data.effective) > 0;
    if (!upcoming && event.data.type === 'removed') removed = event.data.effective;
    if (upcoming && !joins && (event.data.type === 'added' || event.data.type === 'baseline')) joins = event.data.effective;
  }
  if (removed) return `was removed from the sub-processor list on ${isoDate(removed)}`;
  if (joins) return `is not on the sub-processor list until ${isoDate(joins)}`;
  return 'is not on the sub-processor list';
}

/**
 * The names prose may use: the display name, and for a name with a short form in brackets such as
 * "Amazon Web Services (AWS)", each part on its own.
 */
export function nameVariants(name: string): string[] {
  const short = /^(.+?)\s*\(([^()]+)\)$/.exec(name.trim());
  return short ? [name.trim(), short[1]!, short[2]!] : [name.trim()];
}

/** A display name as a whole word: case as written, any run of spaces between its words. */
function namePattern(name: string): RegExp {
  const words = name.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'gu');
}
