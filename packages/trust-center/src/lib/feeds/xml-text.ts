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

/** Text for the library: XML-safe characters, angle brackets swapped for the stand-ins. */
export function hideAngles(text: string): string {
  return xmlChars(text).replace(/[\uE000\uE001]/g, '').replace(/</g, LT).replace(/>/g, GT);
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
