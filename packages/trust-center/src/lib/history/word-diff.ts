import { diffWords } from 'diff';
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

/** The word-level diff of two texts (the `diff` library's diffWords), whitespace changes alone ignored. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
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
      if (part.kind === 'removed') return `<del>${hidden(words.removed)}${escapeHtml(part.text)}</del>`;
      if (part.kind === 'added') return `<ins>${hidden(words.added)}${escapeHtml(part.text)}</ins>`;
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
