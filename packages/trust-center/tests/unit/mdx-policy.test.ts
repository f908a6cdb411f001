import { markdownToHtml, markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { contentComponentNames } from '../../src/lib/content/components.ts';
import { checkMdxPolicy, type MdxNode } from '../../src/lib/content/mdx-policy.ts';
import { checkCompanyFacts } from '../../src/lib/rules/company-facts.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { checkUrl } from '../../src/lib/safe-url.ts';
import type { Company } from '../../src/schemas/company.ts';

/** The one-line findings for a body that starts on line 8 of `content/faq/x.mdx`. */
function check(body: string): string[] {
  return checkMdxPolicy(mdxToMdast(body) as MdxNode, { file: 'content/faq/x.mdx', firstLine: 8, folder: 'faq', format: 'mdx' }).map(formatFinding);
}

const at = (line: number, message: string, rule: string) => `content/faq/x.mdx: line ${line}: ${message} (${rule})`;
const schemes = '(use https:, http:, mailto: or a relative path)';

describe('addresses (safe-url)', () => {
  it('allows https, http, mailto and relative addresses', () => {
    for (const url of ['https://example.com', 'HTTP://example.com', 'mailto:a@example.com', '/faq/', 'faq/', './x', '../x', '#anchor', '?q=1', 'page:1'.replace(':', '%3A')]) {
      expect(checkUrl(url).safe, url).toBe(true);
    }
  });

  it('refuses other schemes, however they are disguised', () => {
    const refused = {
      'javascript:alert(1)': 'javascript:',
      'JaVaScRiPt:alert(1)': 'javascript:',
      ' \u0001javascript:alert(1)': 'javascript:',
      '\u00a0javascript:alert(1)': 'javascript:',
      'java\tscr\nipt:alert(1)': 'javascript:',
      'java\u200bscript:alert(1)': 'javascript:',
      'data:text/html,x': 'data:',
      'vbscript:x': 'vbscript:',
      'file:///etc/passwd': 'file:',
      'tel:+4712345678': 'tel:',
    };
    for (const [url, scheme] of Object.entries(refused)) expect(checkUrl(url), JSON.stringify(url)).toEqual({ safe: false, scheme, reason: 'scheme' });
    expect(checkUrl('//evil.example/x')).toEqual({ safe: false, scheme: '', reason: 'network-path' });
    expect(checkUrl('\\\\evil.example/x').safe).toBe(false);
  });
});

/** A Markdown table, which both formats accept. */
const TABLE = ['| a | b |', '|---|---|', '| 1 | 2 |'];

describe('MDX content policy: what content may use', () => {
  it('accepts Markdown, the engine components, the allowed HTML and comments', () => {
    const body = [
      '# Heading',
      '',
      'Text with **strong**, _emphasis_, `code`, a [link](https://example.com/), a [relative link](/faq/), a [mail](mailto:a@example.com) and https://example.com/bare.',
      '',
      '![A diagram](https://example.com/d.png) ![Local](./d.png) [ref] [^1]',
      '',
      '[ref]: https://example.com/ref',
      '[^1]: A note.',
      '',
      ...TABLE,
      '',
      '<abbr title="Data Processing Agreement" lang="en" dir="ltr">DPA</abbr>, line<br />break, <kbd>Ctrl</kbd>, x<sup>2</sup>, H<sub>2</sub>O.',
      '',
      'Report to <Contact kind="security" />, read the <DpaLink>agreement</DpaLink> or <DpaLink />, with <NoticePeriod /> notice.',
      '',
      '{/* An editor’s note, which renders nothing. */}',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('names every component it allows', () => {
    expect(contentComponentNames).toEqual(['Contact', 'DpaLink', 'NoticePeriod']);
  });
});

describe('MDX content policy: what content may not use', () => {
  it('refuses import and export (mdx-esm)', () => {
    expect(check("import data from '../../package.json'")).toEqual([at(8, 'import statements are not allowed: content cannot load code or files', 'mdx-esm')]);
    expect(check('Text.\n\nexport const x = 1')).toEqual([at(10, 'export statements are not allowed: content cannot define code', 'mdx-esm')]);
    expect(check("import a from 'a'\nexport const b = a")).toHaveLength(2);
  });

  it('refuses expressions in text, in blocks and in attributes, and spreads (mdx-expression)', () => {
    expect(check('Home: {process.env.HOME}')).toEqual([
      at(8, 'the expression {process.env.HOME} is not allowed: content cannot run JavaScript (to show a brace, write \\{)', 'mdx-expression'),
    ]);
    expect(check('Text.\n\n{globalThis.process.exit(1)}')).toEqual([
      at(10, 'the expression {globalThis.process.exit(1)} is not allowed: content cannot run JavaScript (to show a brace, write \\{)', 'mdx-expression'),
    ]);
    expect(check('<abbr title={process.env.HOME}>x</abbr>')).toEqual([
      at(8, 'the attribute title={process.env.HOME} on <abbr> is not allowed: content cannot run JavaScript (write a quoted value)', 'mdx-expression'),
    ]);
    expect(check('<Contact kind="security" {...props} />')).toEqual([at(8, 'the spread {...props} on <Contact> is not allowed: content cannot run JavaScript', 'mdx-expression')]);
    // A comment that hides code after it is still code.
    expect(check('{/* a */ process.exit(1) /* b */}')).toHaveLength(1);
  });

  it('refuses components the engine does not provide (mdx-component)', () => {
    const hint = 'use Contact, DpaLink or NoticePeriod; see "Components you can use in content" in the README';
    expect(check('<Chart data="x" />')).toEqual([at(8, `<Chart> is not a component the engine provides (${hint})`, 'mdx-component')]);
    expect(check('Text <ui.Button />')).toEqual([at(8, `<ui.Button> is not a component the engine provides (${hint})`, 'mdx-component')]);
    expect(check('<>x</>')).toEqual([at(8, 'fragments (<>…</>) are not allowed: Markdown does not need them', 'mdx-component')]);
  });

  it('refuses wrong use of the engine components (mdx-component)', () => {
    expect(check('<Contact />')).toEqual([at(8, '<Contact> needs kind: one of "general", "security" or "privacy", as in <Contact kind="security" />', 'mdx-component')]);
    expect(check('<Contact kind="sales" />')).toEqual([at(8, '<Contact kind="sales"> is not allowed: kind is one of "general", "security" or "privacy"', 'mdx-component')]);
    expect(check('<Contact kind="security">us</Contact>')).toEqual([at(8, '<Contact> takes no content between its tags: write <Contact kind="security" />', 'mdx-component')]);
    expect(check('<NoticePeriod days="10" />')).toEqual([at(8, '<NoticePeriod> has no prop days (it takes none): write <NoticePeriod />', 'mdx-component')]);
  });

  it('refuses script, style, iframe, object and embed, each with its reason (mdx-raw-html)', () => {
    expect(check('<script>alert(1)</script>')).toEqual([at(8, '<script> is not allowed: content cannot run scripts', 'mdx-raw-html')]);
    expect(check('<style>body {"{"} display: none {"}"}</style>').filter((line) => line.endsWith('(mdx-raw-html)'))).toEqual([
      at(8, "<style> is not allowed: content cannot carry styles (the site's stylesheet styles it)", 'mdx-raw-html'),
    ]);
    expect(check('<iframe src="https://example.com/" />')).toEqual([at(8, '<iframe> is not allowed: content cannot embed other pages', 'mdx-raw-html')]);
    expect(check('<object data="x.swf" />')).toEqual([at(8, '<object> is not allowed: content cannot embed plugins or files', 'mdx-raw-html')]);
    expect(check('<embed src="x.swf" />')).toEqual([at(8, '<embed> is not allowed: content cannot embed plugins or files', 'mdx-raw-html')]);
    expect(check('<SCRIPT>x</SCRIPT>')).toEqual([at(8, '<SCRIPT> is not allowed: content cannot run scripts', 'mdx-raw-html')]);
  });

  it('refuses other HTML, pointing at Markdown (mdx-raw-html)', () => {
    expect(check('<div>x</div>')).toEqual([at(8, '<div> is not allowed in content (HTML allowed: abbr, br, kbd, sub, sup; use Markdown for the rest)', 'mdx-raw-html')]);
    expect(check('<a href="https://example.com/">x</a>')).toEqual([at(8, '<a> is not allowed: write links in Markdown, [text](https://…)', 'mdx-raw-html')]);
    expect(check('<img src="https://example.com/x.png" />')).toEqual([at(8, '<img> is not allowed: write images in Markdown, ![description](https://…)', 'mdx-raw-html')]);
    expect(check('<abbr class="x" style="color: red">A</abbr>')).toEqual([
      at(8, 'the attribute class on <abbr> is not allowed (allowed: title, lang, dir)', 'mdx-raw-html'),
      at(8, 'the attribute style on <abbr> is not allowed (allowed: title, lang, dir)', 'mdx-raw-html'),
    ]);
  });

  it('refuses event-handler attributes on anything (mdx-event-handler)', () => {
    expect(check('<abbr title="x" onclick="alert(1)">A</abbr>')).toEqual([at(8, 'the event-handler attribute onclick on <abbr> is not allowed: content cannot run scripts', 'mdx-event-handler')]);
    expect(check('<NoticePeriod onMouseOver="x" />')).toContain(at(8, 'the event-handler attribute onMouseOver on <NoticePeriod> is not allowed: content cannot run scripts', 'mdx-event-handler'));
  });

  it('refuses links, images, definitions, autolinks and attributes with a scheme that is not allowed (unsafe-url)', () => {
    expect(check('[click](javascript:alert(1))')).toEqual([at(8, `the link javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('![x](data:image/svg+xml;base64,PHN2Zz4=)')).toEqual([at(8, `the image data:image/svg+xml;base64,PHN2Zz4= uses the scheme data:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](JaVaScRiPt:alert(1))')).toEqual([at(8, `the link JaVaScRiPt:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](&#106;avascript:alert(1))')).toEqual([at(8, `the link javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](java&#x09;script:alert(1))')).toEqual([at(8, `the link java\\u0009script:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](<\u0001javascript:alert(1)>)')).toEqual([at(8, `the link \\u0001javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](&#32;javascript:alert(1))')).toEqual([at(8, `the link \\u0020javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](&#xFEFF;javascript:alert(1))')).toEqual([at(8, `the link \\ufeffjavascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('Bare www.example.com and https://example.com/ links are fine.')).toEqual([]);
    expect(check('[x][r]\n\n[r]: vbscript:msgbox')).toEqual([at(10, `the link definition [r]: vbscript:msgbox uses the scheme vbscript:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](file:///etc/passwd)')).toEqual([at(8, `the link file:///etc/passwd uses the scheme file:, which is not allowed ${schemes}`, 'unsafe-url')]);
    expect(check('[x](//evil.example/)')).toEqual([at(8, 'the link //evil.example/ has no scheme; write https://… for another site', 'unsafe-url')]);
    expect(check('<DpaLink href="javascript:alert(1)" />')).toContain(
      at(8, `the address javascript:alert(1) in href on <DpaLink> uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url'),
    );
  });

  it('refuses a relative image outside the content folder, which the build would read as a file (unsafe-url)', () => {
    expect(check('![x](../../secrets/key.png)')).toEqual([at(8, 'the image ../../secrets/key.png is outside the content folder', 'unsafe-url')]);
    expect(check('![x](../whitepaper/d.png)')).toEqual([]);
  });

  it('counts lines from the top of the file, on every line of a body', () => {
    expect(check('One.\n\nTwo.\n\n<script>x</script>')).toEqual([at(12, '<script> is not allowed: content cannot run scripts', 'mdx-raw-html')]);
  });
});

/** The one-line findings for a Markdown (.md) body that starts on line 8 of `content/faq/x.md`. */
function checkMd(body: string): string[] {
  return checkMdxPolicy(markdownToMdast(body) as MdxNode, { file: 'content/faq/x.md', firstLine: 8, folder: 'faq', format: 'md' }).map(formatFinding);
}
const atMd = (line: number, message: string, rule: string) => `content/faq/x.md: line ${line}: ${message} (${rule})`;

describe('Markdown (.md) content policy: the same data, no raw HTML', () => {
  it('accepts Markdown, and reads braces, imports and exports as text (Markdown runs no code)', () => {
    const body = [
      '# Heading',
      '',
      'Text with **strong**, a [link](https://example.com/), a [relative link](/faq/), https://example.com/bare and <https://example.com/auto>.',
      '',
      '![A diagram](https://example.com/d.png) [^1]',
      '',
      '[^1]: A note.',
      '',
      ...TABLE,
      '',
      'Braces {process.env.HOME} and a line starting with import are text here.',
      '',
      'import x from "y"',
      '',
      'export const z = 1',
    ].join('\n');
    expect(checkMd(body)).toEqual([]);
  });

  it('refuses a script, a style and an embed with the reasons MDX gives', () => {
    expect(checkMd('<script>alert(1)</script>')).toEqual([atMd(8, '<script> is not allowed: content cannot run scripts', 'mdx-raw-html')]);
    expect(checkMd('Text <SCRIPT src="https://evil.example/x.js"></SCRIPT> inline.')).toEqual([atMd(8, '<SCRIPT> is not allowed: content cannot run scripts', 'mdx-raw-html')]);
    expect(checkMd('One.\n\n<style>body{display:none}</style>')).toEqual([atMd(10, "<style> is not allowed: content cannot carry styles (the site's stylesheet styles it)", 'mdx-raw-html')]);
    expect(checkMd('<iframe src="https://example.com"></iframe>')).toEqual([atMd(8, '<iframe> is not allowed: content cannot embed other pages', 'mdx-raw-html')]);
    expect(checkMd('<a href="https://example.com">x</a>')).toEqual([atMd(8, '<a> is not allowed: write links in Markdown, [text](https://…)', 'mdx-raw-html')]);
  });

  it('refuses an event handler on any element, however it is written', () => {
    const handler = (name: string, tag: string) => `the event-handler attribute ${name} on <${tag}> is not allowed: content cannot run scripts`;
    expect(checkMd('Hover <abbr title="x" onclick="alert(1)">me</abbr>.')).toEqual([atMd(8, handler('onclick', 'abbr'), 'mdx-event-handler')]);
    expect(checkMd('<div onMouseOver=alert(1)>\nText\n</div>')).toEqual([atMd(8, handler('onMouseOver', 'div'), 'mdx-event-handler')]);
  });

  it('lets through only what Markdown escapes: a tag that is not HTML to Markdown is text', () => {
    // No space before the attribute: not a tag in CommonMark, so Markdown escapes it and a browser shows it.
    expect(checkMd('x <svg/onload=alert(1)> y')).toEqual([]);
    expect(markdownToHtml('x <svg/onload=alert(1)> y').html).toBe('<p>x &lt;svg/onload=alert(1)&gt; y</p>\n');
  });

  it('refuses every other piece of raw HTML, even the elements an .mdx file may use, and says where they are allowed', () => {
    const rawHtml = (html: string) =>
      `raw HTML (${html}) is not allowed in a Markdown (.md) body: write it in Markdown, or rename the file to .mdx to use <abbr>, <br>, <kbd>, <sub> or <sup>`;
    // The closing tag is not reported again: the opening tag already was, and alone it does nothing.
    expect(checkMd('x<sup>2</sup> and <!-- a note -->')).toEqual([atMd(8, rawHtml('<sup>'), 'mdx-raw-html'), atMd(8, rawHtml('<!-- a note -->'), 'mdx-raw-html')]);
    expect(checkMd('<div>\n\n**bold**\n\n</div>')).toEqual([atMd(8, rawHtml('<div>'), 'mdx-raw-html')]);
    // A tag named like an object property is a tag like any other, not a reason looked up by mistake.
    expect(checkMd('x <constructor>y</constructor>')).toEqual([atMd(8, rawHtml('<constructor>'), 'mdx-raw-html')]);
    expect(checkMd('Write to <Contact kind="security" />.')).toEqual([
      atMd(8, '<Contact> is a component, and components work only in .mdx files: rename the file to .mdx, or write the text in Markdown', 'mdx-component'),
    ]);
  });

  it('holds links, images and definitions to the same addresses as MDX', () => {
    const schemes = '(use https:, http:, mailto: or a relative path)';
    expect(checkMd('[x](javascript:alert(1)) <javascript:alert(2)> ![i](../../../etc/key.png)')).toEqual([
      atMd(8, `the link javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url'),
      atMd(8, `the link javascript:alert(2) uses the scheme javascript:, which is not allowed ${schemes}`, 'unsafe-url'),
      atMd(8, 'the image ../../../etc/key.png is outside the content folder', 'unsafe-url'),
    ]);
  });
});

describe('company facts in content (literal-contact, literal-dpa-url, unknown-email)', () => {
  const company = {
    contacts: { general: 'hello@example.com', security: 'security@example.com' },
    dpaUrl: 'https://example.com/dpa',
  } as Company;
  const facts = (body: string) => checkCompanyFacts([{ file: 'content/faq/x.mdx', body, bodyLine: 8 }], company).map(formatFinding);

  it('accepts the components and addresses that are not company facts', () => {
    expect(facts('Write to <Contact kind="security" />; the DPA is at <DpaLink />; see [the legal page](https://example.com/legal).')).toEqual([]);
  });

  it('asks for the component when a company contact is typed, once per line', () => {
    expect(facts('Contact [security@example.com](mailto:security@example.com) or HELLO@example.com.')).toEqual([
      at(8, 'security@example.com is the company\'s security contact: write <Contact kind="security" /> so it follows company.yaml', 'literal-contact'),
      at(8, 'HELLO@example.com is the company\'s general contact: write <Contact kind="general" /> so it follows company.yaml', 'literal-contact'),
    ]);
  });

  it('flags an address that is not one of the company’s contacts, in text, code and links', () => {
    const message = (address: string) => `${address} is not one of the company's contacts (general, security in company.yaml): correct it, or use <Contact kind="…" />`;
    expect(facts('Write to old-security@example.com.')).toEqual([at(8, message('old-security@example.com'), 'unknown-email')]);
    expect(facts('Text.\n\n[us](mailto:privacy@example.org?subject=Hi) or `dpo@example.org`')).toEqual([
      at(10, message('privacy@example.org'), 'unknown-email'),
      at(10, message('dpo@example.org'), 'unknown-email'),
    ]);
  });

  it('asks for <DpaLink /> when the DPA address is typed', () => {
    expect(facts('See [the DPA](https://example.com/dpa/).')).toEqual([
      at(8, "https://example.com/dpa/ is the company's DPA address (dpaUrl): write <DpaLink /> or <DpaLink>link text</DpaLink> so it follows company.yaml", 'literal-dpa-url'),
    ]);
  });

  it('in a Markdown (.md) body, says that the component needs an .mdx file', () => {
    const inMd = checkCompanyFacts([{ file: 'content/faq/x.md', body: 'Write to security@example.com.', bodyLine: 8, format: 'md' }], company).map(formatFinding);
    expect(inMd).toEqual([
      atMd(8, 'security@example.com is the company\'s security contact: write <Contact kind="security" /> (in an .mdx file: rename x.md to .mdx) so it follows company.yaml', 'literal-contact'),
    ]);
  });

  it('refuses a <Contact> kind the company file does not have', () => {
    expect(facts('<Contact kind="privacy" />')).toEqual([at(8, '<Contact kind="privacy" /> needs contacts.privacy in company.yaml, which is not set (set: general, security)', 'mdx-component')]);
  });
});
