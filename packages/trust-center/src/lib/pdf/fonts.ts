/**
 * The fonts the PDFs are set in. They ship with the project as npm packages (@fontsource, SIL Open
 * Font License) and are loaded by the print layout only, so every machine prints the same glyphs
 * and the site's pages never download them. Each entry is one `@fontsource/<package>`; the print
 * layout imports the same packages' CSS (a unit test keeps the two lists equal). Order is the
 * fallback order: Chromium takes each character from the first family that has it.
 */
export const PDF_FONTS = [
  { family: 'Noto Sans', package: 'noto-sans' },
  { family: 'Noto Sans Arabic', package: 'noto-sans-arabic' },
  { family: 'Noto Sans Hebrew', package: 'noto-sans-hebrew' },
  // Status marks (✓ ◐ ✕ ○), dingbats and other symbols Noto Sans lacks; one weight exists.
  { family: 'Noto Sans Symbols 2', package: 'noto-sans-symbols-2' },
  { family: 'Noto Sans Mono', package: 'noto-sans-mono' },
] as const;

/** The CSS font-family list of the PDFs' text, and of their code. */
export const PDF_FONT_STACK = `'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Symbols 2', sans-serif`;
export const PDF_MONO_STACK = `'Noto Sans Mono', 'Noto Sans', sans-serif`;

/**
 * Characters no font needs to draw: white space, control and format characters, and default
 * ignorables such as variation selectors and joiners (U+FE0F after an emoji is not a glyph).
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Characters every build can assume the shipped fonts draw, without reading the fonts: ASCII,
 * Latin-1 and Latin Extended-A and -B, Cyrillic, currency signs, common typographic marks and the
 * status marks (✓ ◐ ✕ ○). A unit test checks each of them against the fonts' character maps.
 */
export const SURELY_COVERED = /[\u0020-\u007E\u00A0-\u024F\u0400-\u04FF\u2010\u2011\u2013\u2014\u2018\u2019\u201A\u201C-\u201E\u2020\u2022\u2026\u2032\u2033\u2039\u203A\u20A0-\u20C0\u2116\u2122\u25CB\u25D0\u2713\u2715]/u;

/** True when every character of `texts` is invisible or SURELY_COVERED: then no font need be read to know none is missing. */
export function surelyCovered(texts: PlacedText[]): boolean {
  for (const { text } of texts) {
    for (const char of text) if (!SURELY_COVERED.test(char) && !INVISIBLE.test(char)) return false;
  }
  return true;
}

/** A character the PDF fonts cannot draw, and where in the document it appears. */
export interface MissingCharacter {
  char: string;
  /** Where it appears: the headings it sits under (or the running header, …), first ones only. */
  where: string[];
}

/** Text of a document, by where it sits (the heading it is under, the running header, …). */
export interface PlacedText {
  where: string;
  text: string;
}

/**
 * The characters of `texts` that `covered` does not hold, in order of first appearance, each with
 * up to `places` places it appears. Pure, so it can be tested with any coverage.
 */
export function missingCharacters(texts: PlacedText[], covered: ReadonlySet<number>, places = 3): MissingCharacter[] {
  const found = new Map<string, string[]>();
  for (const { where, text } of texts) {
    for (const char of text) {
      if (INVISIBLE.test(char) || covered.has(char.codePointAt(0)!)) continue;
      const at = found.get(char) ?? [];
      if (!at.includes(where) && at.length < places) at.push(where);
      found.set(char, at);
    }
  }
  return [...found].map(([char, where]) => ({ char, where }));
}

/** U+23F1, as the Unicode standard writes a code point. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The one build-log line for a PDF that holds characters its fonts cannot draw: the characters
 * with their code points, grouped by where they appear.
 */
export function missingCharactersLine(file: string, missing: MissingCharacter[]): string {
  const groups = new Map<string, string[]>();
  for (const { char, where } of missing) {
    const key = where.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), `"${char}" (${codePoint(char)})`]);
  }
  const list = [...groups].map(([where, chars]) => `${chars.join(', ')} in ${where}`).join('; ');
  return `${file}: ${missing.length} character${missing.length === 1 ? '' : 's'} the PDF fonts cannot draw, printed in a fallback font of this machine or as empty boxes: ${list}`;
}
