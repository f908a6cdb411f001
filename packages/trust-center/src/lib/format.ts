import { renderingLanguage } from '../i18n/rendering-language.ts';
// Making an Intl formatter costs far more than using one, and a large site formats thousands of
// dates and countries; each formatter is made once per language and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.DisplayNames | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** Dates as readers see them: "27 November 2026", in the site language, in UTC like the content. */
export function formatDate(date: Date, language: string = renderingLanguage() ?? 'en'): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return formatter(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** A month as a heading names it: "November 2026", from its key "2026-11", in the site language. */
export function formatMonth(month: string, language: string = renderingLanguage() ?? 'en'): string {
  const locale = language === 'en' ? 'en-GB' : language;
  return formatter(`month:${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(new Date(`${month}-01T00:00:00Z`));
}

/** "DE" → "Germany". */
export function countryName(code: string, language: string = renderingLanguage() ?? 'en'): string {
  return formatter(`region:${language}`, () => new Intl.DisplayNames([language], { type: 'region' })).of(code) ?? code;
}

/** A mailto link with a subject line, for on-request documents. */
export function mailto(address: string, subject?: string): string {
  return subject ? `mailto:${address}?subject=${encodeURIComponent(subject)}` : `mailto:${address}`;
}

/** "infrastructure" → "Infrastructure": categories are written in lower case in content, shown as labels. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file size as readers see it, in decimal units: "412 kB", "1.2 MB". */
export function formatFileSize(bytes: number, language: string = renderingLanguage() ?? 'en'): string {
  const locale = language === 'en' ? 'en-GB' : language;
  const [unit, value, digits] =
    bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000, 1] as const) : bytes >= 1_000 ? (['kilobyte', bytes / 1_000, 0] as const) : (['byte', bytes, 0] as const);
  return formatter(`size:${locale}:${unit}:${digits}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits })).format(value);
}

