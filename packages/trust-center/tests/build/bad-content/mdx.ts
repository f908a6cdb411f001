import { validFixture } from '../../helpers/fixture-content.ts';
import type { BadContentCase } from './case.ts';

const fix = (name: string) => validFixture[name]!;
const schemes = '(use https:, http:, mailto: or a relative path)';

// The body's last line in each MDX file of the fixture, and the line of the file it is on.
const overview = (text: string) => ({ 'whitepaper/overview.mdx': fix('whitepaper/overview.mdx').replace('Example makes software.\n', `${text}\n`) }); // line 8
const encryption = (text: string) => ({ 'whitepaper/encryption.mdx': fix('whitepaper/encryption.mdx').replace('Data is encrypted.\n', `${text}\n`) }); // line 8
const faq = (text: string) => ({ 'faq/where.mdx': fix('faq/where.mdx').replace('In Frankfurt.\n', `${text}\n`) }); // line 9
const update = (text: string) => ({ 'updates/2026-01-01-hello.mdx': fix('updates/2026-01-01-hello.mdx').replace(/The trust center is live\.\n$/, `${text}\n`) }); // line 8
const change = (text: string) => ({
  'subprocessor-changes/2026-01-01-first-list.mdx': fix('subprocessor-changes/2026-01-01-first-list.mdx').replace('The first published list.\n', `${text}\n`),
}); // line 8

// The same bodies as Markdown (.md) files: Markdown passes raw HTML through as written, so none is allowed.
const asMd = (changes: Record<string, string>) =>
  Object.fromEntries(Object.entries(changes).flatMap(([file, text]) => [[file, null], [file.replace(/\.mdx$/, '.md'), text]]));

/** Content is data: every construct that would run, load or embed code, in every kind of MDX body. */
export const cases: BadContentCase[] = [
  {
    name: 'an ESM import in a whitepaper section',
    changes: overview("import pkg from '../../package.json'"),
    line: 'broken/whitepaper/overview.mdx: line 8: import statements are not allowed: content cannot load code or files (mdx-esm)',
  },
  {
    name: 'an ESM export in an FAQ answer',
    changes: faq('export const region = "Frankfurt"'),
    line: 'broken/faq/where.mdx: line 9: export statements are not allowed: content cannot define code (mdx-esm)',
  },
  {
    name: 'an expression that would publish the build machine’s home folder',
    changes: overview('Example makes software in {process.env.HOME}.'),
    line: 'broken/whitepaper/overview.mdx: line 8: the expression {process.env.HOME} is not allowed: content cannot run JavaScript (to show a brace, write \\{) (mdx-expression)',
  },
  {
    name: 'an expression that would stop the build without a word',
    changes: update('{globalThis.process.exit(1)}'),
    line: 'broken/updates/2026-01-01-hello.mdx: line 8: the expression {globalThis.process.exit(1)} is not allowed: content cannot run JavaScript (to show a brace, write \\{) (mdx-expression)',
  },
  {
    name: 'a component the engine does not provide (was a stack trace naming a build chunk)',
    changes: change('The first published list. <Chart kind="pie" />'),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.mdx: line 8: <Chart> is not a component the engine provides (use Contact, DpaLink or NoticePeriod; see "Components you can use in content" in the README) (mdx-component)',
  },
  {
    name: 'a raw <script> in a news item (would reach pages and feeds)',
    changes: update('<script>alert(document.cookie)</script>'),
    line: 'broken/updates/2026-01-01-hello.mdx: line 8: <script> is not allowed: content cannot run scripts (mdx-raw-html)',
  },
  {
    name: 'a raw <style>',
    changes: faq('<style>@import url(https://evil.example/x.css);</style>'),
    line: "broken/faq/where.mdx: line 9: <style> is not allowed: content cannot carry styles (the site's stylesheet styles it) (mdx-raw-html)",
  },
  {
    name: 'an <iframe>',
    changes: encryption('<iframe src="https://example.com/" />'),
    line: 'broken/whitepaper/encryption.mdx: line 8: <iframe> is not allowed: content cannot embed other pages (mdx-raw-html)',
  },
  {
    name: 'an <object>',
    changes: encryption('<object data="https://example.com/x.swf" />'),
    line: 'broken/whitepaper/encryption.mdx: line 8: <object> is not allowed: content cannot embed plugins or files (mdx-raw-html)',
  },
  {
    name: 'an <embed>',
    changes: change('<embed src="https://example.com/x.swf" />'),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.mdx: line 8: <embed> is not allowed: content cannot embed plugins or files (mdx-raw-html)',
  },
  {
    name: 'an onclick attribute',
    changes: faq('In <abbr title="Frankfurt am Main" onclick="alert(1)">FRA</abbr>.'),
    line: 'broken/faq/where.mdx: line 9: the event-handler attribute onclick on <abbr> is not allowed: content cannot run scripts (mdx-event-handler)',
  },
  {
    name: 'a javascript: link',
    changes: overview('Example makes [software](javascript:alert(1)).'),
    line: `broken/whitepaper/overview.mdx: line 8: the link javascript:alert(1) uses the scheme javascript:, which is not allowed ${schemes} (unsafe-url)`,
  },
  {
    name: 'a data: image',
    changes: update('![Logo](data:image/svg+xml;base64,PHN2Zy8+)'),
    line: `broken/updates/2026-01-01-hello.mdx: line 8: the image data:image/svg+xml;base64,PHN2Zy8+ uses the scheme data:, which is not allowed ${schemes} (unsafe-url)`,
  },
  {
    name: 'an obfuscated javascript: link (mixed case, an encoded tab)',
    changes: faq('In [Frankfurt](JaVa&#x09;ScRiPt:alert(1)).'),
    line: `broken/faq/where.mdx: line 9: the link JaVa\\u0009ScRiPt:alert(1) uses the scheme javascript:, which is not allowed ${schemes} (unsafe-url)`,
  },
  {
    name: 'a relative image outside the content folder',
    changes: encryption('![Key](../../../etc/key.png)'),
    line: 'broken/whitepaper/encryption.mdx: line 8: the image ../../../etc/key.png is outside the content folder (unsafe-url)',
  },
  {
    name: 'an e-mail address that is not one of the company’s contacts',
    changes: faq('In Frankfurt. Ask dpo@example.org.'),
    line: `broken/faq/where.mdx: line 9: dpo@example.org is not one of the company's contacts (general, security in company.yaml): correct it, or use <Contact kind="…" /> (unknown-email)`,
  },
  {
    name: 'a company contact typed instead of <Contact>',
    changes: faq('In Frankfurt. Ask [security@example.com](mailto:security@example.com).'),
    line: `broken/faq/where.mdx: line 9: security@example.com is the company's security contact: write <Contact kind="security" /> so it follows company.yaml (literal-contact)`,
  },
  {
    name: 'the DPA address typed instead of <DpaLink>',
    changes: overview('See [the DPA](https://example.com/dpa).'),
    line: `broken/whitepaper/overview.mdx: line 8: https://example.com/dpa is the company's DPA address (dpaUrl): write <DpaLink /> or <DpaLink>link text</DpaLink> so it follows company.yaml (literal-dpa-url)`,
  },
  {
    name: 'a <Contact> kind the company file does not have',
    changes: change('Questions: <Contact kind="privacy" />.'),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.mdx: line 8: <Contact kind="privacy" /> needs contacts.privacy in company.yaml, which is not set (set: general, security) (mdx-component)',
  },
  {
    name: 'a <script> in a Markdown (.md) news item',
    changes: asMd(update('<script>alert(document.cookie)</script>')),
    line: 'broken/updates/2026-01-01-hello.md: line 8: <script> is not allowed: content cannot run scripts (mdx-raw-html)',
  },
  {
    name: 'an onclick in a Markdown (.md) answer',
    changes: asMd(faq('In <span onclick="alert(1)">Frankfurt</span>.')),
    line: 'broken/faq/where.md: line 9: the event-handler attribute onclick on <span> is not allowed: content cannot run scripts (mdx-event-handler)',
  },
  {
    name: 'a component in a Markdown (.md) change event (components need .mdx)',
    changes: asMd(change('Questions: <Contact kind="security" />.')),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.md: line 8: <Contact> is a component, and components work only in .mdx files: rename the file to .mdx, or write the text in Markdown (mdx-component)',
  },
];
