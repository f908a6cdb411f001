import { diffArrays } from 'diff';
import { escapeHtml } from '../html.ts';

/** The words a diff writes around its changes; a screen reader hears them, sighted readers see colour and strike-through. */
export interface DiffWords {
  /** Before removed text, visually hidden: "removed:". */
  removed: string;
  /** Before added text, visually hidden: "added:". */
  added: string;
  /** Stands for unchanged text left out: "…". */
  unchanged: string;
}

/** Unchanged words kept on each side of a change; the rest of an unchanged stretch is elided, so a one-word edit in a long section stays short. */
export const CONTEXT_WORDS = 12;

/** One part of a word-level diff: unchanged, removed or added text. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * A text's tokens: words, runs of whitespace, and the punctuation that ends a word ("AES-256." is
 * "AES-256" and "."), so adding words before a full stop does not mark the last word as changed;
 * a dot inside a word ("1.3", "example.com") stays in it. Joining the tokens gives the text back.
 */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+?(?=[.,;:!?]*(?:\s|$))|[.,;:!?]+/g) ?? [];
}

/**
 * The word-level diff of two texts: the `diff` library's diffArrays over the tokens, any run of
 * whitespace equal to any other. Not the library's diffWords, which splits "1.3" at the dot and
 * matches that dot with a full stop elsewhere, which reads as noise.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffArrays(tokens(before), tokens(after), { comparator: (a, b) => a.trim() === b.trim() }).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value.join(''),
  }));
}

/** Keeps `count` words from the start (`fromEnd` false) or the end of `text`, whitespace as written. */
function keepWords(text: string, count: number, fromEnd: boolean): string {
  const tokens = text.split(/(\s+)/);
  let words = 0;
  const kept: string[] = [];
  const ordered = fromEnd ? [...tokens].reverse() : tokens;
  for (const token of ordered) {
    if (token.trim() !== '') words++;
    if (words > count) break;
    kept.push(token);
  }
  return (fromEnd ? kept.reverse() : kept).join('');
}

/**
 * A diff as HTML: removed text in `<del>`, added text in `<ins>`, each starting with its visually
 * hidden word, unchanged stretches cut to CONTEXT_WORDS words beside each change. Every piece of
 * text is escaped; the only markup is the engine's own.
 */
export function diffHtml(parts: readonly DiffPart[], words: DiffWords): string {
  const hidden = (text: string) => `<span class="sr-only">${escapeHtml(text)} </span>`;
  return parts
    .map((part, index) => {
      // Whitespace after a change stays outside its mark, so "<del>a</del> <ins>b</ins>" reads as two words.
      const [, marked = '', space = ''] = /^([\s\S]*?)(\s*)$/.exec(part.text) ?? [];
      if (part.kind === 'removed') return `<del>${hidden(words.removed)}${escapeHtml(marked)}</del>${escapeHtml(space)}`;
      if (part.kind === 'added') return `<ins>${hidden(words.added)}${escapeHtml(marked)}</ins>${escapeHtml(space)}`;
      const first = index === 0;
      const last = index === parts.length - 1;
      const count = part.text.split(/\s+/).filter(Boolean).length;
      const keep = (first || last ? 1 : 2) * CONTEXT_WORDS;
      if (count <= keep) return escapeHtml(part.text);
      // Before the first change only its end matters, after the last only its start; between two, both.
      const head = first ? '' : keepWords(part.text, CONTEXT_WORDS, false);
      const tail = last ? '' : keepWords(part.text, CONTEXT_WORDS, true);
      return `${escapeHtml(head)}${escapeHtml(words.unchanged)}${escapeHtml(tail)}`;
    })
    .join('');
}

/** Whether two texts differ in more than whitespace. */
export function textChanged(before: string, after: string): boolean {
  return before.replace(/\s+/g, ' ').trim() !== after.replace(/\s+/g, ' ').trim();
}
