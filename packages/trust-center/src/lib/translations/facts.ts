import { formatFinding } from '../rules/finding.ts';

/**
 * The fact rule (translation-facts): a translation may reword everything except its facts. Every number,
 * percentage, date, duration, e-mail address, URL and name in the source must be in the translation with
 * the same value, and the translation must add none. Values are normalised so that "1,000" and "1 000",
 * "99.9%" and "99,9 %", "27 November 2026" and "27. november 2026", "seven days" and "7 dager" are equal.
 *
 * The scan is a single pass over whitespace-separated tokens with a few tokens of lookahead, because the
 * rule runs over every translated field of a site: its regular expressions run on one token or one line,
 * or (over the whole text) have no two ways to match the same characters, and tag reading is bounded.
 */

/** One fact found in a text: its kind and a normalised value comparable across languages. */
export interface Fact {
  kind: 'number' | 'percentage' | 'date' | 'duration' | 'email' | 'url' | 'name';
  value: string;
  /** As written in the text (whitespace runs shown as one space). */
  text: string;
}

/** The canonical duration units a value is written in ("30 day", "2 business-day"). */
type Unit = 'second' | 'minute' | 'hour' | 'day' | 'business-day' | 'week' | 'month' | 'year';

/**
 * How one language writes facts. Adding a language means adding one entry to LANGUAGES; every word is
 * lowercase and units or percent words may be two words ("business days", "per cent").
 */
interface LanguageFacts {
  /** The decimal mark of quantities: en 99.9, nb 99,9. */
  decimal: '.' | ',';
  /** A thousands separator written inside one token (en "1,000"); space-like separators are always accepted. */
  groupInToken?: ',' | '.';
  /** Month names and abbreviations → month number. */
  months: Readonly<Record<string, number>>;
  /** Whether month names are capitalised, so a lowercase one is another word (the English verb "may"). */
  capitalisedMonths: boolean;
  /** Whether "November 27, 2026" (month before day) is a date in this language. */
  monthBeforeDay: boolean;
  /** Whether the day of a date is written with a dot ("27. november") — then the dot is allowed, not required. */
  dayDot: boolean;
  /** Whether "27.11.2026" is a date (day.month.year) rather than an identifier. */
  dottedDates: boolean;
  /** The word after which a time may be written hh.mm (nb "kl. 09.00"); hh:mm is a time in every language. */
  clockWord?: string;
  units: Readonly<Record<string, Unit>>;
  percentWords: readonly string[];
  /** Words that scale the number before them ("1.5 million" = "1,5 millioner"), → a name shared by all languages. */
  scales: Readonly<Record<string, string>>;
  /** Spelled-out numbers counted only when a unit follows ("seven days"). */
  smallNumbers: Readonly<Record<string, number>>;
  /** Articles that mean "one" before a unit ("a day", "an hour"); the Norwegian "en" is already in smallNumbers. */
  articles: readonly string[];
  /** Words after which an article is a frequency, not a quantity ("once a year"). */
  frequencyWords: readonly string[];
  /** Units an article may count ("a second factor" is not a duration). */
  articleUnits: readonly Unit[];
  /** Ordinal endings glued to digits ("3rd"); a Norwegian ordinal is "3.", whose dot is punctuation anyway. */
  ordinalSuffixes: readonly string[];
  /** Ordinal words of a half or quarter ("second half of 2026" is the name "H2 2026"). */
  ordinalWords: Readonly<Record<string, number>>;
  /** Words naming a half (H) or a quarter (Q) of a year, between the ordinal and the year. */
  periods: Readonly<Record<string, 'H' | 'Q'>>;
  /** Endings glued to a name that still write that name: the Norwegian genitive "Acmes". */
  nameSuffixes: readonly string[];
}

const EN_MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const NB_MONTHS: Record<string, number> = {
  januar: 1, februar: 2, mars: 3, april: 4, mai: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, desember: 12,
  jan: 1, feb: 2, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, des: 12,
};

const LANGUAGES: Readonly<Record<string, LanguageFacts>> = {
  en: {
    decimal: '.',
    groupInToken: ',',
    months: EN_MONTHS,
    capitalisedMonths: true,
    monthBeforeDay: true,
    dayDot: false,
    dottedDates: false,
    units: {
      second: 'second', seconds: 'second', minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour',
      day: 'day', days: 'day', 'calendar day': 'day', 'calendar days': 'day',
      'business day': 'business-day', 'business days': 'business-day', 'working day': 'business-day', 'working days': 'business-day',
      week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
    },
    percentWords: ['percent', 'per cent'],
    scales: { thousand: 'thousand', million: 'million', millions: 'million', billion: 'billion', billions: 'billion' },
    smallNumbers: { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 },
    articles: ['a', 'an'],
    frequencyWords: ['once', 'twice', 'thrice', 'times'],
    articleUnits: ['minute', 'hour', 'day', 'business-day', 'week', 'month', 'year'],
    ordinalSuffixes: ['st', 'nd', 'rd', 'th'],
    ordinalWords: { first: 1, second: 2, third: 3, fourth: 4 },
    periods: { 'half of': 'H', 'quarter of': 'Q' },
    nameSuffixes: [],
  },
  nb: {
    decimal: ',',
    months: NB_MONTHS,
    capitalisedMonths: false,
    monthBeforeDay: false,
    dayDot: true,
    dottedDates: true,
    clockWord: 'kl',
    units: {
      sekund: 'second', sekunder: 'second', sekunders: 'second', minutt: 'minute', minutter: 'minute', minutters: 'minute',
      time: 'hour', timer: 'hour', timers: 'hour', døgn: 'day', døgns: 'day',
      dag: 'day', dager: 'day', dagers: 'day', kalenderdag: 'day', kalenderdager: 'day', kalenderdagers: 'day',
      virkedag: 'business-day', virkedager: 'business-day', virkedagers: 'business-day', arbeidsdag: 'business-day', arbeidsdager: 'business-day', arbeidsdagers: 'business-day',
      uke: 'week', uker: 'week', ukers: 'week', måned: 'month', måneder: 'month', måneders: 'month', mnd: 'month', år: 'year', års: 'year',
    },
    percentWords: ['prosent'],
    scales: { tusen: 'thousand', million: 'million', millioner: 'million', milliard: 'billion', milliarder: 'billion' },
    smallNumbers: { en: 1, én: 1, ett: 1, ei: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, åtte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12 },
    articles: [],
    frequencyWords: [],
    articleUnits: [],
    ordinalSuffixes: [],
    ordinalWords: { første: 1, andre: 2, tredje: 3, fjerde: 4 },
    periods: { halvår: 'H', halvåret: 'H', kvartal: 'Q', kvartalet: 'Q' },
    nameSuffixes: ['s'],
  },
};

/** The languages the rule knows; a translation in any other language cannot be checked. */
export const FACT_LANGUAGES: readonly string[] = Object.keys(LANGUAGES);

function languageFacts(code: string): LanguageFacts {
  const facts = LANGUAGES[code];
  if (!facts) throw new Error(`The fact rule knows no language "${code}" (it knows ${FACT_LANGUAGES.join(', ')}): add its month names, units and number conventions to LANGUAGES in lib/translations/facts.ts`);
  return facts;
}

// ---------------------------------------------------------------------------------------------------------
// Markup: MDX tags and Markdown syntax are not facts, but attribute values and link targets are.

/** The longest tag the scanner reads; a longer "tag" is text, which keeps a stray "<" from costing a pass over the rest. */
const MAX_TAG = 1000;

function removeBetween(text: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) break;
    const end = text.indexOf(close, start + open.length);
    out += text.slice(from, start) + ' ';
    // An unclosed comment hides the rest, as it does in the rendered page.
    if (end < 0) return out;
    from = end + close.length;
  }
  return out + text.slice(from);
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Replaces MDX/HTML tags by their attribute values, and autolinks (<https://…>) by their address. */
function replaceTags(text: string): string {
  let out = '';
  let copied = 0;
  // The next ">" is remembered, so a text full of "<" and no ">" is not searched to its end once per "<".
  let close = text.indexOf('>');
  for (let at = text.indexOf('<'); at >= 0 && close >= 0; at = text.indexOf('<', at + 1)) {
    if (close <= at) close = text.indexOf('>', at + 1);
    if (close < 0 || close - at > MAX_TAG) continue;
    const next = text[at + 1] as string;
    let end = -1;
    let replacement = '';
    const inner = text.slice(at + 1, close);
    // An autolink has no whitespace and a scheme or an @ before its ">".
    if (inner !== '' && !/[\s<]/.test(inner) && /^[A-Za-z][A-Za-z0-9+.-]*:|@/.test(inner)) {
      end = close;
      replacement = inner;
    } else if (next === '/' || next === '>' || isLetter(next)) {
      const tag = readTag(text, at);
      if (tag) {
        end = tag.end;
        replacement = tag.values.join(' ');
      }
    }
    if (end < 0) continue;
    out += `${text.slice(copied, at)} ${replacement} `;
    copied = end + 1;
    at = end;
  }
  return out + text.slice(copied);
}

/** Reads a tag from "<" to its ">", skipping quoted values and {expressions}; the values are what it says. */
function readTag(text: string, start: number): { end: number; values: string[] } | undefined {
  const values: string[] = [];
  const limit = Math.min(text.length, start + MAX_TAG);
  let i = start + 1;
  while (i < limit) {
    const char = text[i];
    if (char === '>') return { end: i, values };
    if (char === '"' || char === "'" || char === '{') {
      const closing = char === '{' ? '}' : char;
      let depth = 0;
      let j = i + 1;
      for (; j < limit; j++) {
        if (char === '{' && text[j] === '{') depth++;
        else if (text[j] === closing && depth-- === 0) break;
      }
      if (j >= limit) return undefined;
      values.push(text.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

/** `](url "title")` of a Markdown link or image: the target stays as text, so an absolute URL in it is found. */
const LINK_TARGET = /\]\(\s*<?([^\s()<>]*)>?(?:\s+"[^"\n]{0,300}")?\s*\)/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;
const ENTITIES: Readonly<Record<string, string>> = { '&nbsp;': '\u00a0', '&#160;': '\u00a0', '&#8239;': '\u202f', '&thinsp;': '\u2009', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&ndash;': '–', '&mdash;': '—' };
const ENTITY = /&(?:nbsp|#160|#8239|thinsp|amp|lt|gt|quot|#39|ndash|mdash);/g;

/** Markdown block syntax at the start of a line: fences, headings, quotes, bullets, numbered-list markers. */
function stripLineSyntax(line: string, lang: LanguageFacts): string {
  if (/^\s{0,3}(?:```|~~~)/.test(line)) return '';
  let rest = line.replace(/^\s{0,3}(?:>\s?)+/, '').replace(/^\s{0,3}#{1,6}(?=\s|$)/, '').replace(/^\s*[-*+](?=\s)/, '');
  const ordered = /^(\s*)(\d{1,9})([.)])(?=\s)/.exec(rest);
  // "27. november 2026" at the start of a line is a Norwegian date, not item 27 of a list.
  if (ordered && !(ordered[3] === '.' && lang.dayDot && isMonth(firstWord(rest.slice(ordered[0].length)), lang))) rest = rest.slice(ordered[0].length);
  return rest.replaceAll('|', ' ');
}

function firstWord(text: string): string {
  const match = /^\s*(\S+)/.exec(text);
  return match?.[1] ? stripPunctuation(match[1]).core.toLowerCase() : '';
}

function stripMarkup(text: string, lang: LanguageFacts): string {
  let clean = removeBetween(text, '<!--', '-->');
  clean = removeBetween(clean, '{/*', '*/}');
  clean = clean.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
  clean = clean.replace(LINK_TARGET, (_match, url: string) => ` ${url} `);
  clean = replaceTags(clean);
  clean = clean.replace(ESCAPE, '$1');
  return clean
    .split('\n')
    .map((line) => stripLineSyntax(line, lang))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Tokens.

interface Token {
  /** The token without surrounding punctuation. */
  core: string;
  /** Where the core starts and ends in the scanned text. */
  start: number;
  end: number;
  lead: string;
  trail: string;
  /** Whether exactly one space-like character precedes the token, so it may continue a number ("1 000"). */
  groupGap: boolean;
}

/** Characters that separate tokens; one of GROUP_SPACES alone between digits may also separate thousands ("1 000"). */
const GROUP_SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009', '\u2007']);
const OTHER_SPACES = new Set(['\t', '\n', '\r', '\f', '\v', '\u2028', '\u2029', '\u3000', '\u2002', '\u2003', '—']);
const LEAD = new Set([...'([{"\'“‘«*_`~+€$£<>≈≤≥¿¡„']);
const TRAIL = new Set([...'.,;:!?)]}"\'”’»*_`…']);
/** What stands in for a name from the caller's list once it is counted, so nothing else reads it again. */
const MASK = '\u0001';

function stripPunctuation(raw: string): { core: string; lead: string; trail: string } {
  let a = 0;
  let b = raw.length;
  while (a < b && LEAD.has(raw[a] as string)) a++;
  while (b > a && TRAIL.has(raw[b - 1] as string)) b--;
  return { core: raw.slice(a, b), lead: raw.slice(0, a), trail: raw.slice(b) };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let gap = 0;
  let gapIsGroup = false;
  while (i < text.length) {
    const char = text[i] as string;
    if (GROUP_SPACES.has(char) || OTHER_SPACES.has(char)) {
      gapIsGroup = gap === 0 && GROUP_SPACES.has(char);
      gap++;
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !GROUP_SPACES.has(text[j] as string) && !OTHER_SPACES.has(text[j] as string)) j++;
    const { core, lead, trail } = stripPunctuation(text.slice(i, j));
    if (core !== '') tokens.push({ core, start: i + lead.length, end: j - trail.length, lead, trail, groupGap: gap === 1 && gapIsGroup });
    else if (tokens.length > 0) (tokens[tokens.length - 1] as Token).trail += lead + trail;
    gap = 0;
    gapIsGroup = false;
    i = j;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Values.

/** A decimal written with digits only and `.` as its mark, without leading or trailing zeros: "1000", "99.9". */
function canonicalNumber(integer: string, fraction = ''): string {
  let from = 0;
  while (from < integer.length - 1 && integer[from] === '0') from++;
  const part = trimEnd(fraction, '0');
  return part === '' ? integer.slice(from) : `${integer.slice(from)}.${part}`;
}

/** The text without trailing `char`s; a loop, because /x+$/ retries from every x of a long run. */
function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

const DIGITS = /^\d+$/;
const groupedNumbers = new Map<LanguageFacts, RegExp>();

const digitGroups = new Map<LanguageFacts, RegExp>();

/** A group of three digits after a space, which may end the number with decimals or a percent sign: "000", "000,5", "000%". */
function digitGroup(lang: LanguageFacts): RegExp {
  let pattern = digitGroups.get(lang);
  if (!pattern) {
    pattern = new RegExp(`^(\\d{3})(?:\\${lang.decimal}(\\d+))?(%?)$`);
    digitGroups.set(lang, pattern);
  }
  return pattern;
}

/** "1,000" or "1,000.5" in a language that groups digits inside a token. */
function groupedNumber(lang: LanguageFacts): RegExp {
  let pattern = groupedNumbers.get(lang);
  if (!pattern) {
    pattern = new RegExp(`^(\\d{1,3}(?:\\${lang.groupInToken}\\d{3})+)(?:\\${lang.decimal}(\\d+))?$`);
    groupedNumbers.set(lang, pattern);
  }
  return pattern;
}

/**
 * The value of a number written in one token, or undefined when it is not a quantity. A mark that is not
 * the language's own is read leniently ("5.1" in Norwegian) unless three digits follow it, which could be
 * a thousands group ("1.000"): that token is left to be an identifier, compared as written.
 */
function parseNumber(core: string, lang: LanguageFacts): string | undefined {
  if (DIGITS.test(core)) return canonicalNumber(core);
  const marks = core.replace(/\d/g, '');
  if (marks.length === 0 || core.length - marks.length === 0) return undefined;
  if (lang.groupInToken) {
    const grouped = groupedNumber(lang).exec(core);
    if (grouped) return canonicalNumber((grouped[1] as string).replaceAll(lang.groupInToken, ''), grouped[2]);
  }
  if (marks.length !== 1) return undefined;
  const [integer, fraction] = core.split(marks);
  if (!integer || !fraction || !DIGITS.test(integer) || !DIGITS.test(fraction)) return undefined;
  if (marks === lang.decimal) return canonicalNumber(integer, fraction);
  if (marks === '.' || marks === ',') return fraction.length === 3 ? undefined : canonicalNumber(integer, fraction);
  return undefined;
}

function isMonth(word: string, lang: LanguageFacts): boolean {
  return lang.months[word] !== undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return year === undefined ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/** A time of day as `Thh:mm` (the ISO 8601 time designator), from "9:00", "09:00" or, when `dotted`, "09.00". */
function clock(text: string, dotted: boolean): string | undefined {
  const match = /^(\d{1,2})([:.])(\d{2})$/.exec(text);
  if (!match || (match[2] === '.' && !dotted)) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[3])];
  return hours < 24 && minutes < 60 ? `T${pad(hours)}:${match[3]}` : undefined;
}

const YEAR = /^\d{4}$/;
const DAY = /^\d{1,2}$/;

// ---------------------------------------------------------------------------------------------------------
// The scan.

interface Found {
  fact: Fact;
  at: number;
}

class Scanner {
  readonly found: Found[] = [];
  // Plain fields, not parameter properties: the build's scripts run this file with Node's type stripping, which has none.
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly lang: LanguageFacts;
  constructor(text: string, tokens: readonly Token[], lang: LanguageFacts) {
    this.text = text;
    this.tokens = tokens;
    this.lang = lang;
  }

  private add(kind: Fact['kind'], value: string, first: number, last: number, start?: number, end?: number): void {
    const from = start ?? (this.tokens[first] as Token).start;
    const to = end ?? (this.tokens[last] as Token).end;
    this.found.push({ fact: { kind, value, text: this.text.slice(from, to).replace(/\s+/g, ' ') }, at: from });
  }

  private token(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** Whether token i follows token i-1 directly in the same phrase: no punctuation between them. */
  private joined(i: number): boolean {
    const before = this.tokens[i - 1];
    const token = this.tokens[i];
    return before !== undefined && token !== undefined && before.trail === '' && token.lead === '';
  }

  scan(): void {
    let i = 0;
    while (i < this.tokens.length) i = this.read(i) + 1;
  }

  /** Reads the fact starting at token i, if any; returns the index of the last token it used. */
  private read(i: number): number {
    const token = this.tokens[i] as Token;
    const core = token.core;
    if (core.includes(MASK)) return i;
    const lower = core.toLowerCase();

    if (/^(?:https?:\/\/|www\.)/i.test(core)) {
      this.add('url', trimEnd(core, '/'), i, i);
      return i;
    }
    if (lower.startsWith('mailto:')) {
      const address = core.slice('mailto:'.length).split('?')[0] ?? '';
      if (isEmail(address)) this.add('email', address, i, i, token.start + 'mailto:'.length, token.start + 'mailto:'.length + address.length);
      return i;
    }
    if (isEmail(core)) {
      this.add('email', core, i, i);
      return i;
    }

    const date = this.readDate(i);
    if (date !== undefined) return date;

    const period = this.readPeriod(i);
    if (period !== undefined) return period;

    const version = this.readVersion(i);
    if (version !== undefined) return version;

    if (/\d/.test(core)) return this.readNumeric(i);

    const spelled = this.lang.smallNumbers[lower] ?? (this.lang.articles.includes(lower) && !this.lang.frequencyWords.includes(this.token(i - 1)?.core.toLowerCase() ?? '') ? 1 : undefined);
    if (spelled !== undefined && token.trail === '') {
      const unit = this.unitAt(i + 1);
      if (unit && (this.lang.smallNumbers[lower] !== undefined || this.lang.articleUnits.includes(unit.unit))) {
        this.add('duration', `${spelled} ${unit.unit}`, i, unit.last);
        return unit.last;
      }
    }
    return i;
  }

  /** "H2 2026", "Q4 2026", "second half of 2026", "2. halvår 2026": one name, the label, not numbers. */
  private readPeriod(i: number): number | undefined {
    const token = this.tokens[i] as Token;
    const core = token.core;
    const isYear = (j: number) => this.joined(j) && YEAR.test(this.token(j)?.core ?? '');
    if (/^(?:Q[1-4]|H[12])$/.test(core) && isYear(i + 1)) {
      this.add('name', `${core} ${(this.token(i + 1) as Token).core}`, i, i + 1);
      return i + 1;
    }
    const suffix = this.lang.ordinalSuffixes.find((ending) => core.toLowerCase().endsWith(ending) && DIGITS.test(core.slice(0, -ending.length)));
    const ordinal =
      this.lang.ordinalWords[core.toLowerCase()] ??
      (suffix ? Number(core.slice(0, -suffix.length)) : this.lang.dayDot && token.trail === '.' && DIGITS.test(core) ? Number(core) : undefined);
    if (ordinal === undefined || (token.trail !== '' && !(this.lang.dayDot && token.trail === '.')) || this.token(i + 1)?.lead !== '') return undefined;
    for (const [phrase, letter] of Object.entries(this.lang.periods)) {
      const last = this.wordsAt(i + 1, [phrase]);
      if (last === undefined || !isYear(last + 1) || ordinal < 1 || ordinal > (letter === 'H' ? 2 : 4)) continue;
      this.add('name', `${letter}${ordinal} ${(this.token(last + 1) as Token).core}`, i, last + 1);
      return last + 1;
    }
    return undefined;
  }

  /** ISO dates, day-month-year, month-day-year (where the language writes it), month-year, and dotted dates. */
  private readDate(i: number): number | undefined {
    const token = this.tokens[i] as Token;
    const core = token.core;
    const lang = this.lang;
    // "09:00", "09:00–17:00", nb "kl. 09.00": times of day, kept apart from numbers and identifiers.
    const parts = core.split(/[–-]/);
    if (parts.length <= 2 && /^\d/.test(core)) {
      const dotted = lang.clockWord !== undefined && this.token(i - 1)?.core.toLowerCase() === lang.clockWord;
      const times = parts.map((part) => clock(part, dotted));
      if (times.every((time) => time !== undefined)) {
        let from = token.start;
        parts.forEach((part, index) => {
          this.add('date', times[index] as string, i, i, from, from + part.length);
          from += part.length + 1;
        });
        return i;
      }
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(core);
    if (iso) {
      const value = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      if (value) this.add('date', value, i, i);
      else this.add('name', core, i, i);
      return i;
    }
    if (lang.dottedDates) {
      const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(core);
      const value = dotted ? isoDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1])) : undefined;
      if (value) {
        this.add('date', value, i, i);
        return i;
      }
    }
    const next = this.token(i + 1);
    if (DAY.test(core) && next && (token.trail === '' || (lang.dayDot && token.trail === '.')) && next.lead === '') {
      const month = lang.months[next.core.toLowerCase()];
      if (month !== undefined) {
        const year = this.token(i + 2);
        if (year && next.trail === '' && this.joined(i + 2) && YEAR.test(year.core)) {
          const value = isoDay(Number(year.core), month, Number(core));
          if (value) {
            this.add('date', value, i, i + 2);
            return i + 2;
          }
        }
        const value = isoDay(undefined, month, Number(core));
        if (value) {
          this.add('date', value, i, i + 1);
          return i + 1;
        }
      }
    }
    const month = lang.months[core.toLowerCase()];
    if (month !== undefined && next && token.trail === '' && next.lead === '' && (!lang.capitalisedMonths || /^\p{Lu}/u.test(core))) {
      if (YEAR.test(next.core)) {
        this.add('date', `${next.core}-${pad(month)}`, i, i + 1);
        return i + 1;
      }
      if (lang.monthBeforeDay && DAY.test(next.core)) {
        const year = this.token(i + 2);
        if (year && (next.trail === '' || next.trail === ',') && year.lead === '' && YEAR.test(year.core)) {
          const value = isoDay(Number(year.core), month, Number(next.core));
          if (value) {
            this.add('date', value, i, i + 2);
            return i + 2;
          }
        }
        const value = isoDay(undefined, month, Number(next.core));
        if (value) {
          this.add('date', value, i, i + 1);
          return i + 1;
        }
      }
    }
    return undefined;
  }

  /** "TLS 1.3", "ISO 27001:2022": an all-caps word and a version are one name, written as is in every language. */
  private readVersion(i: number): number | undefined {
    const token = this.tokens[i] as Token;
    const next = this.token(i + 1);
    if (!next || !/^[A-Z]{2,}(?:\/[A-Z]{2,})*$/.test(token.core) || CURRENCIES.has(token.core) || !this.joined(i + 1)) return undefined;
    const { prefix } = splitSuffix(next.core);
    if (!/^\d+(?:[.:]\d+)+$/.test(prefix)) return undefined;
    // "RTO 1.5 hours" is a quantity of hours.
    if (prefix === next.core && (this.percentAt(i + 2) || this.unitAt(i + 2))) return undefined;
    this.add('name', `${token.core} ${prefix}`, i, i + 1, token.start, next.start + prefix.length);
    return i + 1;
  }

  /** A token with digits that is not a date: a number, percentage or duration, or else an identifier. */
  private readNumeric(i: number): number {
    const token = this.tokens[i] as Token;
    const { prefix, suffix } = splitSuffix(token.core);
    let core = prefix;
    let percentGlued = false;
    if (core.endsWith('%') && suffix === '') {
      core = core.slice(0, -1);
      percentGlued = true;
    }
    // A range "1–2 days": the first number stands alone, the second carries the unit.
    const range = /^(\d+)[-–](\d+)$/.exec(core);
    if (range && !percentGlued && suffix === '') {
      this.add('number', canonicalNumber(range[1] as string), i, i, token.start, token.start + (range[1] as string).length);
      const secondStart = token.start + core.length - (range[2] as string).length;
      return this.finishQuantity(i, i, canonicalNumber(range[2] as string), secondStart, false, '');
    }
    const ordinal = this.lang.ordinalSuffixes.find((ending) => core.toLowerCase().endsWith(ending) && DIGITS.test(core.slice(0, -ending.length)));
    if (ordinal) {
      this.add('number', canonicalNumber(core.slice(0, -ordinal.length)), i, i);
      return i;
    }
    let value = parseNumber(core, this.lang);
    if (value === undefined) {
      this.add('name', prefix, i, i, token.start, token.start + prefix.length);
      return i;
    }
    // "1 000 000": groups of three digits after single spaces.
    let last = i;
    if (/^\d{1,3}$/.test(core) && !percentGlued && suffix === '') {
      let digits = core;
      let fraction = '';
      let glued = false;
      for (let j = i + 1; ; j++) {
        const next = this.token(j);
        const previous = this.tokens[j - 1] as Token;
        if (!next || !next.groupGap || previous.trail !== '' || next.lead !== '') break;
        const group = digitGroup(this.lang).exec(next.core);
        if (!group) break;
        digits += group[1];
        last = j;
        if (group[2] !== undefined || group[3] === '%') {
          fraction = group[2] ?? '';
          glued = group[3] === '%';
          break;
        }
      }
      if (last > i) {
        value = canonicalNumber(digits, fraction);
        percentGlued = glued;
      }
    }
    return this.finishQuantity(i, last, value, token.start, percentGlued, suffix);
  }

  /** Decides whether the number just read is a percentage, a duration or a bare number. */
  private finishQuantity(first: number, last: number, value: string, start: number, percentGlued: boolean, suffix: string): number {
    if (percentGlued) {
      this.add('percentage', `${value}%`, first, last, start);
      return last;
    }
    if (suffix !== '') {
      // "30-day", "30-dagers": a compound whose first part is a unit; "27001-certified" is just the number.
      const unit = this.lang.units[suffix.split('-')[0] as string];
      const end = (this.tokens[last] as Token).start + (this.tokens[last] as Token).core.length - suffix.length - 1;
      if (unit) this.add('duration', `${value} ${unit}`, first, last, start);
      else this.add('number', value, first, last, start, end);
      return last;
    }
    const scale = this.joined(last + 1) ? this.lang.scales[this.token(last + 1)?.core.toLowerCase() ?? ''] : undefined;
    if (scale) {
      value = `${value} ${scale}`;
      last++;
    }
    const percent = this.percentAt(last + 1);
    if (percent !== undefined) {
      this.add('percentage', `${value}%`, first, percent, start);
      return percent;
    }
    const unit = this.unitAt(last + 1);
    if (unit) {
      this.add('duration', `${value} ${unit.unit}`, first, unit.last, start);
      return unit.last;
    }
    this.add('number', value, first, last, start);
    return last;
  }

  /** The last token of "%" or a percent word starting at token i, when it directly follows the number. */
  private percentAt(i: number): number | undefined {
    const token = this.token(i);
    if (!token || !this.joined(i)) return undefined;
    if (token.core === '%') return i;
    return this.wordsAt(i, this.lang.percentWords);
  }

  /** The unit starting at token i, one or two words, when it directly follows the number. */
  private unitAt(i: number): { unit: Unit; last: number } | undefined {
    const token = this.token(i);
    if (!token || !this.joined(i)) return undefined;
    const second = this.token(i + 1);
    if (second && this.joined(i + 1)) {
      const unit = this.lang.units[`${token.core.toLowerCase()} ${second.core.toLowerCase()}`];
      if (unit) return { unit, last: i + 1 };
    }
    const unit = this.lang.units[token.core.toLowerCase()];
    return unit ? { unit, last: i } : undefined;
  }

  private wordsAt(i: number, phrases: readonly string[]): number | undefined {
    const first = this.token(i)?.core.toLowerCase();
    const second = this.token(i + 1)?.core.toLowerCase();
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      if (words.length === 1 && words[0] === first) return i;
      if (words.length === 2 && words[0] === first && words[1] === second && this.joined(i + 1)) return i + 1;
    }
    return undefined;
  }
}

const CURRENCIES = new Set(['EUR', 'USD', 'NOK', 'SEK', 'DKK', 'GBP', 'CHF']);

/**
 * Splits a trailing lowercase compound part off a token with digits: "30-day" → "30" + "day",
 * "AES-256-kryptering" → "AES-256" + "kryptering", "TLS 1.3-tilkoblinger" → "1.3" + "tilkoblinger". A
 * Norwegian compound glues its noun to an identifier with a hyphen; the English keeps them apart.
 */
function splitSuffix(core: string): { prefix: string; suffix: string } {
  const parts = core.split('-');
  let k = parts.length;
  while (k > 1 && /^\p{Ll}{2,}$/u.test(parts[k - 1] as string)) k--;
  if (k === parts.length) return { prefix: core, suffix: '' };
  const prefix = parts.slice(0, k).join('-');
  if (!/\d/.test(prefix)) return { prefix: core, suffix: '' };
  return { prefix, suffix: parts.slice(k).join('-') };
}

function isEmail(core: string): boolean {
  const at = core.indexOf('@');
  if (at <= 0 || at !== core.lastIndexOf('@')) return false;
  const domain = core.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && dot < domain.length - 2 && !/[\s/()<>,;"]/.test(core);
}

/** Finds the caller's names, longest first so "ISO/IEC 27001:2022" wins over "ISO"; `claimed` marks where they are. */
function findNames(text: string, names: readonly string[], suffixes: readonly string[]): { claimed: Uint8Array; found: Found[] } {
  const claimed = new Uint8Array(text.length);
  const found: Found[] = [];
  const sorted = [...new Set(names)].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length);
  for (const name of sorted) {
    const boundedStart = isWordChar(name[0]);
    const boundedEnd = isWordChar(name[name.length - 1]);
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      let end = at + name.length;
      if (boundedStart && isWordChar(text[at - 1])) continue;
      if (boundedEnd && isWordChar(text[end])) {
        const suffix = suffixes.find((ending) => text.startsWith(ending, end) && !isWordChar(text[end + ending.length]));
        if (suffix === undefined) continue;
        end += suffix.length;
      }
      if (claimed[at] || claimed[end - 1]) continue;
      claimed.fill(1, at, end);
      found.push({ fact: { kind: 'name', value: name, text: text.slice(at, end) }, at });
      at = end - 1;
    }
  }
  return { claimed, found };
}

/** The text with each claimed span turned into one mask character and spaces, keeping every offset. */
function rebuildMasked(text: string, claimed: Uint8Array): string {
  const chars: string[] = [];
  for (let i = 0; i < text.length; i++) chars.push(!claimed[i] ? (text[i] as string) : i === 0 || !claimed[i - 1] ? MASK : ' ');
  return chars.join('');
}

/** Every fact in a text (Markdown, MDX or a plain field), in the order they appear. */
export function extractFacts(text: string, language: string, names: readonly string[]): Fact[] {
  const lang = languageFacts(language);
  const clean = stripMarkup(text, lang);
  const { claimed, found } = findNames(clean, names, lang.nameSuffixes);
  const scanner = new Scanner(clean, tokenize(found.length === 0 ? clean : rebuildMasked(clean, claimed)), lang);
  scanner.scan();
  return [...found, ...scanner.found].sort((a, b) => a.at - b.at).map((entry) => entry.fact);
}

const key = (fact: Fact) => `${fact.kind}\u0000${fact.value}`;

/**
 * What differs: facts in the source missing from the translation, and facts in the translation not in the
 * source (multiset comparison on kind+value, so "30 days" twice in the source needs "30 dager" twice).
 */
export function compareFacts(source: string, sourceLanguage: string, translation: string, translationLanguage: string, names: readonly string[]): { missing: Fact[]; added: Fact[] } {
  const sourceFacts = extractFacts(source, sourceLanguage, names);
  const translationFacts = extractFacts(translation, translationLanguage, names);
  const unmatched = new Map<string, number>();
  for (const fact of translationFacts) unmatched.set(key(fact), (unmatched.get(key(fact)) ?? 0) + 1);
  const missing: Fact[] = [];
  for (const fact of sourceFacts) {
    const left = unmatched.get(key(fact)) ?? 0;
    if (left > 0) unmatched.set(key(fact), left - 1);
    else missing.push(fact);
  }
  const inSource = new Map<string, number>();
  for (const fact of sourceFacts) inSource.set(key(fact), (inSource.get(key(fact)) ?? 0) + 1);
  const added: Fact[] = [];
  for (const fact of translationFacts) {
    const left = inSource.get(key(fact)) ?? 0;
    if (left > 0) inSource.set(key(fact), left - 1);
    else added.push(fact);
  }
  return { missing, added };
}

/** One difference to report: a fact changed (same kind on both sides), dropped, or added. */
export type FactDifference = { missing: Fact; added: Fact } | { missing: Fact; added?: undefined } | { missing?: undefined; added: Fact };

/**
 * Pairs missing and added facts of the same kind in the order they appear, so "30 days" → "31 dager" is
 * one changed fact rather than one missing and one added.
 */
export function pairFactDifferences(comparison: { missing: readonly Fact[]; added: readonly Fact[] }): FactDifference[] {
  // Queues per kind keep the pairing linear however many facts differ.
  const addedByKind = new Map<Fact['kind'], Fact[]>();
  for (const fact of comparison.added) {
    const queue = addedByKind.get(fact.kind);
    if (queue) queue.push(fact);
    else addedByKind.set(fact.kind, [fact]);
  }
  const taken = new Map<Fact['kind'], number>();
  const differences: FactDifference[] = [];
  for (const missing of comparison.missing) {
    const next = taken.get(missing.kind) ?? 0;
    const added = addedByKind.get(missing.kind)?.[next];
    if (added) {
      differences.push({ missing, added });
      taken.set(missing.kind, next + 1);
    } else differences.push({ missing });
  }
  for (const [kind, facts] of addedByKind) for (const fact of facts.slice(taken.get(kind) ?? 0)) differences.push({ added: fact });
  return differences;
}

/** Where a translated field and its source are. */
export interface FactLocation {
  /** The source file, relative to the project (content/faq/x.mdx). */
  sourceFile: string;
  /** The translation (content/nb/faq/x.mdx). */
  translationFile: string;
  /** The field compared, dotted for nested fields; `body` for the MDX body. */
  field: string;
}

export const FACT_RULE = 'translation-facts';

const quote = (fact: Fact) => `"${fact.text}"${fact.text === fact.value ? '' : ` (${fact.kind} ${fact.value})`}`;

/**
 * One line for a finding, in the `file: field: message (rule)` form of every finding:
 * `content/nb/faq/x.mdx: body: "31 dager" where content/faq/x.mdx says "30 days" (translation-facts)`.
 */
export function describeFactDifference(location: FactLocation, difference: FactDifference): string {
  const { sourceFile, translationFile, field } = location;
  return formatFinding({ file: translationFile, field, message: factDifferenceMessage(sourceFile, difference), rule: FACT_RULE, severity: 'error' });
}

/** What a difference says, naming the source file: the message of its finding. */
export function factDifferenceMessage(sourceFile: string, difference: FactDifference): string {
  if (difference.missing && difference.added) return `"${difference.added.text}" where ${sourceFile} says "${difference.missing.text}"`;
  if (difference.missing) return `${sourceFile} says ${quote(difference.missing)}, which is missing here`;
  return `${quote(difference.added)} is not in ${sourceFile}`;
}
