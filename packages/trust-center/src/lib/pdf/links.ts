import { isSafeUrl } from '../safe-url.ts';

/** Where a link in a PDF leads after rewriting. */
export interface RewrittenLink {
  href: string;
  /**
   * `internal`: a place in the same PDF; `site`: a page of the public trust center; `external`:
   * anywhere else; `removed`: an address whose scheme is not allowed (see safe-url.ts), which
   * must not become a link action: the text stays, the link goes.
   */
  kind: 'internal' | 'site' | 'external' | 'removed';
}

export interface LinkContext {
  /** The URL the print route was loaded from (a local server while the build renders). */
  pageUrl: string;
  /** The public URL of the trust center; links to its pages become absolute links there. */
  siteUrl: string | undefined;
  /** Site locations this PDF contains: path and hash (for example `/whitepaper/#data-encryption`) → element id. */
  targets: ReadonlyMap<string, string>;
}

/**
 * Keeps every link in a PDF a working link. A link to a place the PDF itself contains becomes a
 * jump inside the PDF; a link to another page of the site becomes an absolute link to the public
 * trust center (never to the local server the build printed from); other links stay as they are.
 */
export function rewriteHref(href: string, context: LinkContext): RewrittenLink {
  // The content check refuses such links; this is the second line of defence, for any that get by.
  if (!isSafeUrl(href)) return { href: '', kind: 'removed' };
  if (href.startsWith('#')) return { href, kind: 'internal' };
  const page = new URL(context.pageUrl);
  let resolved: URL;
  try {
    resolved = new URL(href, page);
  } catch {
    return { href, kind: 'external' };
  }
  if (resolved.origin !== page.origin) return { href, kind: 'external' };
  const location = `${resolved.pathname}${resolved.hash}`;
  const target = context.targets.get(location);
  if (target !== undefined) return { href: `#${target}`, kind: 'internal' };
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return { href: context.siteUrl ? new URL(path, context.siteUrl).href : path, kind: 'site' };
}

/**
 * True when a link's text already is its address ("example.com/legal" for
 * https://example.com/legal), so printing the address after it would only repeat it.
 */
export function textShowsAddress(text: string, href: string): boolean {
  const bare = (value: string) => value.trim().replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/^www\./i, '').replace(/\/$/, '').toLowerCase();
  return bare(text) !== '' && bare(text) === bare(href);
}
