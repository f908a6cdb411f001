/**
 * Characters XML 1.0 forbids even as character references: C0 controls other than tab, line feed
 * and carriage return, U+FFFE, U+FFFF and unpaired surrogates. YAML can produce them
 * (`"\a"`, `"\x07"` in a double-quoted string); one would make a feed unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML cannot carry removed. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/*
 * Why feeds do not trust the `feed` library's escaping (feed 6.0.0, through xml-js 1.6.11):
 * - text goes into CDATA sections, and xml-js splits only the FIRST `]]>` of a text: a title with
 *   two ends its CDATA early, and whatever follows (`<script>` included) becomes XML markup;
 * - category labels are attributes written with a raw `<`, which is not well-formed XML;
 * - Atom entry titles and summaries are marked `type="html"`, so readers render them as markup.
 * So every text handed to the library for RSS or Atom has its `<` and `>` swapped for two
 * private-use stand-ins (`hideAngles`): the library then sees no markup, no `]]>`, nothing to get
 * wrong. Afterwards (`finishXml`) every CDATA section, which now ends exactly at its own `]]>`,
 * becomes ordinary escaped text, and the stand-ins become `&lt;` and `&gt;`: all of the output's
 * own `<` and `>` are markup the library wrote, all of the content's are escaped.
 */
const LT = '\uE000';
const GT = '\uE001';
/** Brackets an item's number where its content goes (see contentMark); removed from every text like the other two. */
const MARK = '\uE002';
const STAND_INS = /[\uE000-\uE002]/g;

/** Text for the library: XML-safe characters, angle brackets swapped for the stand-ins. */
export function hideAngles(text: string): string {
  return xmlChars(text).replace(STAND_INS, '').replace(/</g, LT).replace(/>/g, GT);
}

/*
 * An item's content (its whole HTML, most of a feed's bytes) does not go through the library: the
 * library gets a short mark in its place, and the escaped HTML is put in once the document is
 * written (withContents). Run through xml-js and the replacements above, each document's contents
 * were copied about six times over, every copy a large string that only a full garbage collection
 * frees: with years of news in paged archives that was most of what the feeds cost.
 */

/** What the library writes in place of item `index`'s content. */
export function contentMark(index: number): string {
  return `${MARK}${index}${MARK}`;
}

/** An item's HTML as the text of an XML element: what hideAngles and finishXml make of it, in one pass. */
export function contentText(html: string): string {
  return xmlChars(html).replace(STAND_INS, '').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The finished XML with each content mark replaced by its item's escaped HTML. */
export function withContents(xml: string, contents: readonly string[]): string {
  return xml.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_match, index: string) => contentText(contents[Number(index)] ?? ''));
}

/** The library's XML with every CDATA section turned into escaped text and the stand-ins restored as entities. */
export function finishXml(xml: string): string {
  return xml
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_match, text: string) => text.replace(/&/g, '&amp;'))
    .replace(new RegExp(LT, 'g'), '&lt;')
    .replace(new RegExp(GT, 'g'), '&gt;');
}

/** Atom entry titles and summaries are plain text here: `type="text"`, so readers show them as written. */
export function atomTextTypes(xml: string): string {
  return xml.replace(/<(title|summary) type="html">/g, '<$1 type="text">');
}
