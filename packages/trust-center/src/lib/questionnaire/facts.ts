/**
 * The fact check of questionnaire answers: every number, percentage, duration, date and name an
 * answer states must appear in what it cites. Pure text comparison, no language model: a fact is a
 * word-like token with a digit in it ("24", "TLS 1.3", "AES-256", "eu-central-1", "H2 2026") or a
 * capitalised one ("AWS", "Frankfurt", "OpenAI"). A capitalised word opening a sentence counts only
 * when its lower-case form is no ordinary word of the sources or the answer ("Customer data is…"
 * is prose, "Datadog stores…" is a name).
 */

/** Runs of letters and digits, joined by the marks names and numbers carry inside them (AES-256, 1.3, 27001:2022). */
const TOKEN = /[\p{L}\p{N}]+(?:[-./:][\p{L}\p{N}]+)*/gu;

/** Words that open a sentence without being facts, though the sources may never write them in lower case. */
const OPENERS = new Set(['yes', 'no', 'not', 'a', 'an', 'the', 'it', 'we']);

interface Token {
  text: string;
  sentenceStart: boolean;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const before = text.slice(0, match.index).trimEnd();
    found.push({ text: match[0], sentenceStart: before === '' || /[.!?:;(]$/.test(before) });
  }
  return found;
}

const hasDigit = (word: string) => /\p{N}/u.test(word);
const isCapitalised = (word: string) => /\p{Lu}/u.test(word);

/** The facts an answer states, each once, in order. */
export function statedFacts(answer: string, ordinaryWords: ReadonlySet<string> = new Set()): string[] {
  const facts: string[] = [];
  for (const { text, sentenceStart } of tokens(answer)) {
    if (!hasDigit(text) && !isCapitalised(text)) continue;
    // "Customers", "All", "Yes" opening a sentence: prose, when the word is ordinary elsewhere.
    const lower = text.toLowerCase();
    if (!hasDigit(text) && sentenceStart && text.slice(1) === text.slice(1).toLowerCase() && (OPENERS.has(lower) || ordinaryWords.has(lower))) continue;
    if (!facts.includes(text)) facts.push(text);
  }
  return facts;
}

/**
 * The facts of `answer` that none of `sources` states: empty when the answer holds only what they
 * hold. A fact matches a whole token of a source or a part of one split at - . / : ("27001" in
 * "27001:2022"). Case matters: "Aws" is not "AWS".
 */
export function unsupportedFacts(answer: string, sources: readonly string[]): string[] {
  const known = new Set<string>();
  const ordinary = new Set<string>();
  const words = (text: string) => {
    for (const { text: token } of tokens(text)) {
      known.add(token);
      for (const part of token.split(/[-./:]/)) known.add(part);
      if (token === token.toLowerCase()) ordinary.add(token);
    }
  };
  sources.forEach(words);
  // A word the answer itself writes in lower case is an ordinary word of it ("data" in "Data is… the data").
  for (const { text: token } of tokens(answer)) if (token === token.toLowerCase()) ordinary.add(token);
  return statedFacts(answer, ordinary).filter((fact) => !known.has(fact));
}
