/**
 * Which addresses content may link to, decided in one place for the content check and the PDFs.
 *
 * Allowed: `https:`, `http:`, `mailto:`, and relative references (`/path`, `page/`, `#anchor`,
 * `?query`). Anything else (`javascript:`, `data:`, `vbscript:`, `file:`, …) is refused, however it
 * is written: browsers ignore case in a scheme, drop leading spaces and control characters, and
 * remove tabs and newlines anywhere in it, so `\u0001 JaVa\tScRiPt:` still runs script. The
 * Markdown parser has already decoded character references (`&#106;`, `&colon;`) by the time an
 * address reaches this module.
 */

/** The schemes an address may have; everything else is refused. */
export const ALLOWED_SCHEMES = ['https:', 'http:', 'mailto:'] as const;

/** What an address is, once read the way a browser reads it. */
export type UrlVerdict =
  | { safe: true; kind: 'absolute'; scheme: string }
  | { safe: true; kind: 'relative' }
  | { safe: false; scheme: string; reason: 'scheme' }
  | { safe: false; scheme: ''; reason: 'network-path' };

// Control and invisible formatting characters (tab, newline, NUL, zero-width space, bidi marks),
// which browsers or other readers may skip inside a scheme.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Leading spaces of any kind, which the URL parser strips before looking for a scheme.
const LEADING_SPACE = /^[\p{Z}\s]+/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Reads an address as a browser would and says whether content may use it. */
export function checkUrl(address: string): UrlVerdict {
  const normalised = address.replace(INVISIBLE, '').replace(LEADING_SPACE, '');
  const scheme = SCHEME.exec(normalised)?.[1];
  if (scheme !== undefined) {
    const lower = `${scheme.toLowerCase()}:`;
    return (ALLOWED_SCHEMES as readonly string[]).includes(lower) ? { safe: true, kind: 'absolute', scheme: lower } : { safe: false, scheme: lower, reason: 'scheme' };
  }
  // `//host/path` keeps the page's scheme but leaves the site: it is not a relative path, and an
  // author who means another site should write its scheme.
  if (/^[\\/]{2}/.test(normalised)) return { safe: false, scheme: '', reason: 'network-path' };
  return { safe: true, kind: 'relative' };
}

/** True when `address` may become a link. */
export function isSafeUrl(address: string): boolean {
  return checkUrl(address).safe;
}
