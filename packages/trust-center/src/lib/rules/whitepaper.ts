import type { WhitepaperSection } from '../../schemas/whitepaper.ts';
import type { LoadedEntry } from '../content/read.ts';
import { error, type Finding } from './finding.ts';

/**
 * Section numbers are unique, and a subsection such as 2.1 sits under a section 2 that exists
 * and, when the subsection is published, is published too.
 */
export function checkSectionNumbers(sections: LoadedEntry<WhitepaperSection>[]): Finding[] {
  const findings: Finding[] = [];
  const numbers = new Map<string, LoadedEntry<WhitepaperSection>>();
  for (const entry of sections) {
    const { file, data } = entry;
    const other = numbers.get(data.number);
    if (other) findings.push(error(file, 'number', `${data.number} is also the number of ${other.file}`, 'duplicate-section-number'));
    else numbers.set(data.number, entry);
  }
  for (const { file, data } of sections) {
    const number = parentNumber(data.number);
    const parent = number === undefined ? undefined : numbers.get(number);
    if (number && !parent) {
      findings.push(error(file, 'number', `${data.number} is a subsection of ${number}, which does not exist`, 'orphan-subsection'));
    } else if (parent?.data.draft && !data.draft) {
      findings.push(error(file, 'draft', `${data.number} is published but its section ${number} is a draft; make both drafts or publish both`, 'draft-parent'));
    }
  }
  return findings;
}

/** Sections and answers must say something: an empty body is a forgotten edit, not content. */
export function checkNotEmpty(entries: LoadedEntry<unknown>[], what: string): Finding[] {
  return entries
    .filter((entry) => (entry.body ?? '').trim() === '')
    .map((entry) => error(entry.file, '(body)', `the ${what} has no text`, 'empty-section'));
}

/** "2.1" → "2"; top-level numbers have no parent. */
export function parentNumber(number: string): string | undefined {
  const dot = number.lastIndexOf('.');
  return dot === -1 ? undefined : number.slice(0, dot);
}

/** Orders section numbers as a reader expects: 2 < 2.1 < 2.2 < 3 < 10. */
export function compareSectionNumbers(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
