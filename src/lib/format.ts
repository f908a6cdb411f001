/** Dates as readers see them: "27 November 2026", in the site language, in UTC like the content. */
export function formatDate(date: Date, language = 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** "DE" → "Germany". */
export function countryName(code: string, language = 'en'): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

/** A mailto link with a subject line, for on-request documents. */
export function mailto(address: string, subject?: string): string {
  return subject ? `mailto:${address}?subject=${encodeURIComponent(subject)}` : `mailto:${address}`;
}

/** "infrastructure" → "Infrastructure": categories are written in lower case in content, shown as labels. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
