/**
 * A translation's pages link to their own edition: in a page under `/<language>/`, every root-relative
 * link (`href` of a and link, `action` of form) to a path the edition has a twin of points at the twin.
 * Links with an `hreflang` (the language switcher, the alternates, "read the original") say which
 * language they lead to and are left alone, as are links to shared outputs (exports, machine-readable
 * files) and assets. The engine's components keep writing `/faq/`; this one rule, applied to each
 * finished page, is why no link can be missed.
 *
 * The page is the engine's own output: text never holds a raw `<` (it is escaped), and attribute values
 * never hold a raw `"`, so a tag runs from `<a` to the next `>` outside quotes, and `href="` inside it
 * starts an attribute.
 */
const TAG = /<(?:a|link|form)\b(?:[^>"]|"[^"]*")*>/gi;
const LINK_ATTRIBUTE = /(\s(?:href|action)=")(\/[^"]*)"/gi;

export function localizeLinks(html: string, language: string, hasTwin: (path: string) => boolean): string {
  const prefix = `/${language}`;
  return html.replace(TAG, (tag) => {
    if (/\shreflang=/i.test(tag)) return tag;
    return tag.replace(LINK_ATTRIBUTE, (whole, start: string, url: string) => {
      if (url.startsWith('//')) return whole;
      const path = url.replace(/[?#].*$/, '');
      if (path === prefix || path.startsWith(`${prefix}/`) || !hasTwin(path)) return whole;
      return `${start}${prefix}${url}"`;
    });
  });
}
