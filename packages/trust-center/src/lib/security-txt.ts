import { daysBetween } from './dates.ts';

/** How far ahead Expires is set: half a year, well inside RFC 9116's "less than a year" advice. */
export const SECURITY_TXT_LIFETIME_DAYS = 180;

export interface SecurityTxt {
  /** Where to report: mailto: or https: URIs, most preferred first. */
  contacts: string[];
  expires: Date;
  /** BCP 47 language tags. */
  languages: string[];
  /** The file's own absolute URL. */
  canonical: string;
  /** The absolute URL of the page describing how reports are handled. */
  policy: string;
}

/** The file's Expires date: the build date plus the lifetime, so a daily rebuild keeps it fresh. */
export function securityTxtExpires(buildDate: Date, days = SECURITY_TXT_LIFETIME_DAYS): Date {
  return new Date(buildDate.getTime() + days * 86_400_000);
}

/**
 * `/.well-known/security.txt` as RFC 9116 describes it. Throws when Expires is not in the future or
 * more than 365 days ahead, so a misconfigured build can never publish a stale or far-future file.
 */
export function securityTxt(input: SecurityTxt, today: Date): string {
  if (input.contacts.length === 0) throw new Error('security.txt needs at least one Contact');
  const ahead = daysBetween(today, input.expires);
  if (ahead <= 0 || ahead > 365) throw new Error(`security.txt Expires must be 1 to 365 days ahead, got ${ahead}`);
  const lines = [
    ...input.contacts.map((contact) => `Contact: ${contact}`),
    `Expires: ${input.expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    `Preferred-Languages: ${input.languages.join(', ')}`,
    `Canonical: ${input.canonical}`,
    `Policy: ${input.policy}`,
  ];
  return `${lines.join('\n')}\n`;
}
