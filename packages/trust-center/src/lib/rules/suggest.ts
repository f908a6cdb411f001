import { error, type Finding } from './finding.ts';

/**
 * Hints for a name that matches nothing: the closest valid names first (by edit distance), so a
 * typo is answered with its correction, then the rest, capped so a long list stays one line.
 */

/** How many valid names a hint lists before it says how many more there are. */
const LISTED = 8;

/** Levenshtein distance: the fewest single-character insertions, deletions or substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The valid names ordered closest first (ties alphabetically). */
export function byCloseness(wanted: string, valid: Iterable<string>): string[] {
  return [...new Set(valid)]
    .map((name) => ({ name, distance: editDistance(wanted.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .map(({ name }) => name);
}

/**
 * The valid names close enough to be what was meant: at most a third of the name's length away
 * (at least 2 edits, so short ids still match), or containing it / contained in it ("aws" in "aws-eu").
 */
export function closeMatches(wanted: string, valid: Iterable<string>): string[] {
  const w = wanted.toLowerCase();
  const near = (name: string) => {
    const n = name.toLowerCase();
    return editDistance(w, n) <= Math.max(2, Math.floor(w.length / 3)) || (w.length >= 3 && (n.includes(w) || w.includes(n)));
  };
  return byCloseness(wanted, valid).filter(near).slice(0, 3);
}

/** ` did you mean "a" or "b"?`, or nothing when no valid name is close. */
export function didYouMean(wanted: string, valid: Iterable<string>): string {
  const close = closeMatches(wanted, valid).map((name) => `"${name}"`);
  if (close.length === 0) return '';
  return `; did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`}?`;
}

/** `the valid <what> are: a, b, c and 4 more`, closest to `wanted` first; or that there are none. */
export function validList(what: string, wanted: string, valid: Iterable<string>): string {
  const ordered = byCloseness(wanted, valid);
  if (ordered.length === 0) return `there are no ${what} yet`;
  // One id needs no ordering; several are listed closest first, so the likely one leads.
  const shown = ordered.slice(0, LISTED).join(', ');
  const more = ordered.length > LISTED ? ` and ${ordered.length - LISTED} more` : '';
  return `${what}${ordered.length > 1 ? ', closest first' : ''}: ${shown}${more}`;
}

/**
 * The `unknown-reference` finding: the one line says what is wrong (with the likely correction),
 * the hint lists the ids that would be valid there.
 */
export function unknownReference(file: string, field: string, wanted: string, noun: string, valid: Iterable<string>): Finding {
  const ids = [...valid];
  return error(file, field, `"${wanted}" is not a ${noun}${didYouMean(wanted, ids)}`, 'unknown-reference', validList(`valid ${noun}s`, wanted, ids));
}
