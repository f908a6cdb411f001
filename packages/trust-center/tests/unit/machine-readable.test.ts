import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseMarkdown as parse, markdownText as text, type MarkdownNode } from '../../e2e/support/markdown.ts';
import { describe, expect, it } from 'vitest';
import { headersFor } from '../../src/lib/headers.ts';
import { llmsTxt } from '../../src/lib/machine/llms.ts';
import { bodyMarkdown, MarkdownTwinError, mdLink, mdTable, mdText, type ComponentFacts } from '../../src/lib/machine/markdown.ts';
import { markdownTwinOf } from '../../src/lib/machine/twins.ts';
import { changesTwin, controlsTwin, questionnaireTwin, shortChange, SHORT_CHANGE_WORDS, type TwinControl, type TwinSite } from '../../src/lib/machine/twin-lists.ts';
import { frameworks } from '../../src/data/frameworks/index.ts';
import { mapControlsToFrameworks } from '../../src/lib/frameworks.ts';
import type { StatedChange } from '../../src/lib/history/stated-changes.ts';
import { wordDiff } from '../../src/lib/history/word-diff.ts';
import type { QuestionnaireRow } from '../../src/lib/questionnaire/rows.ts';
import { controlSchema } from '../../src/schemas/control.ts';
import { trustExportJsonSchema } from '../../src/schemas/trust-export.ts';


const hostile = [
  'Evil | Corp',
  'Brackets ] and [ here](https://evil.example)',
  '<script>alert(1)</script>',
  'line one\nline two',
  '*bold* _under_ `code` ~~strike~~',
  '# not a heading',
  '- not a list',
  '1. not a list',
  'ends with #',
  '&lt; an entity',
  'back\\slash',
  'AES-256',
];

describe('mdText', () => {
  for (const value of hostile) {
    it(`keeps ${JSON.stringify(value)} as one literal paragraph`, () => {
      const tree = parse(mdText(value));
      expect(tree.children).toHaveLength(1);
      expect(tree.children![0]!.type).toBe('paragraph');
      expect(text(tree.children![0]!)).toBe(value.replace(/\s*\n\s*/g, ' '));
    });
  }

  it('leaves plain words and hyphens as they are', () => {
    expect(mdText('AES-256 at rest, TLS 1.3 in transit.')).toBe('AES-256 at rest, TLS 1.3 in transit.');
  });
});

describe('mdLink', () => {
  for (const value of hostile) {
    it(`makes ${JSON.stringify(value)} the text of exactly one link`, () => {
      const paragraph = parse(`See ${mdLink(value, 'https://example.com/a (b)|c')}.`).children![0]!;
      const links = paragraph.children!.filter((node) => node.type === 'link');
      expect(links).toHaveLength(1);
      expect(text(links[0]!)).toBe(value.replace(/\s*\n\s*/g, ' '));
      expect(links[0]!.url).toBe('https://example.com/a%20%28b%29%7Cc');
    });
  }
});

describe('mdTable', () => {
  it('keeps every hostile value in its own cell of its own row', () => {
    const table = mdTable(
      ['Name', 'Link'],
      hostile.map((value) => [value, { markdown: mdLink(value, 'https://example.com/') }]),
    );
    const node = parse(table).children![0]!;
    expect(node.type).toBe('table');
    const rows = node.children!;
    expect(rows).toHaveLength(hostile.length + 1);
    rows.slice(1).forEach((row, i) => {
      const expected = hostile[i]!.replace(/\s*\n\s*/g, ' ');
      expect(row.children).toHaveLength(2);
      expect(text(row.children![0]!)).toBe(expected);
      expect(text(row.children![1]!)).toBe(expected);
    });
  });

  it('keeps an empty cell, so the row keeps its columns', () => {
    const row = parse(mdTable(['a', 'b', 'c'], [['x', undefined, '']])).children![0]!.children![1]!;
    expect(row.children).toHaveLength(3);
  });
});

const facts: ComponentFacts = { contacts: { security: 'security@example.com', general: 'hello@example.com' }, dpaUrl: 'https://example.com/legal/dpa/', noticePeriod: '30 days', pageUrl: 'https://trust.example.com/whitepaper/' };

describe('bodyMarkdown', () => {
  it('returns a Markdown body as it is', () => {
    expect(bodyMarkdown('Some *text*.\n\n| a |\n| - |\n', 'md', facts, 'faq/x.md')).toBe('Some *text*.\n\n| a |\n| - |');
  });

  it('resolves the content components to the Markdown they stand for and leaves no JSX', () => {
    const body = [
      'Write to <Contact kind="security" /> about it.',
      '',
      '{/* an editor’s note */}',
      '',
      'We give <NoticePeriod /> of notice; read <DpaLink>the **DPA**</DpaLink> or <DpaLink />.',
      '',
      '<abbr title="Multi-factor authentication">MFA</abbr>, <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup><br />next',
      '',
      '| Fact | Value |',
      '| --- | --- |',
      '| Notice | <NoticePeriod /> |',
    ].join('\n');
    const markdown = bodyMarkdown(body, 'mdx', facts, 'whitepaper/x.mdx');
    expect(markdown).not.toMatch(/<[A-Za-z/]|\{/);
    expect(markdown).toBe(
      [
        'Write to [security@example.com](mailto:security@example.com) about it.',
        '',
        'We give 30 days of notice; read [the **DPA**](https://example.com/legal/dpa/) or [example.com/legal/dpa](https://example.com/legal/dpa/).',
        '',
        'MFA (Multi-factor authentication), Ctrl, H2O, x2 next',
        '',
        '| Fact | Value |',
        '| --- | --- |',
        '| Notice | 30 days |',
      ].join('\n'),
    );
    // The table is still a table with the notice period in its cell.
    const table = parse(markdown).children!.find((node) => node.type === 'table')!;
    expect(text(table.children![1]!.children![1]!)).toBe('30 days');
  });

  it('makes site-relative links and images absolute against the page the body is shown on, in Markdown and MDX bodies alike', () => {
    const body = 'See [the list](/subprocessors/), [a section](#keys), [the *FAQ*](/faq/#a) and [elsewhere](https://other.example/x).\n\n![A diagram](/brand/diagram.svg)';
    const expected =
      'See [the list](https://trust.example.com/subprocessors/), [a section](https://trust.example.com/whitepaper/#keys), [the *FAQ*](https://trust.example.com/faq/#a) and [elsewhere](https://other.example/x).\n\n![A diagram](https://trust.example.com/brand/diagram.svg)';
    expect(bodyMarkdown(body, 'md', facts, 'faq/x.md')).toBe(expected);
    expect(bodyMarkdown(body, 'mdx', facts, 'faq/x.mdx')).toBe(expected);
  });

  it('makes a relative reference definition absolute too', () => {
    expect(bodyMarkdown('See [the list][list].\n\n[list]: /subprocessors/', 'mdx', facts, 'faq/x.mdx')).toBe(
      'See [the list][list].\n\n[list]: https://trust.example.com/subprocessors/',
    );
  });

  it('refuses a component the twin cannot write, with one line naming the file', () => {
    expect(() => bodyMarkdown('Hi <Widget />', 'mdx', facts, 'faq/x.mdx')).toThrow(MarkdownTwinError);
    expect(() => bodyMarkdown('Hi <Widget />', 'mdx', facts, 'faq/x.mdx')).toThrow('faq/x.mdx: body: <Widget> has no Markdown form (markdown-twin)');
    expect(() => bodyMarkdown('<Contact kind="privacy" />', 'mdx', facts, 'faq/y.mdx')).toThrow('faq/y.mdx: body: <Contact kind="privacy" /> names no contact');
  });
});

describe('llmsTxt', () => {
  it('writes the proposal’s structure with every hostile value escaped', () => {
    const file = llmsTxt({
      title: 'Evil | Corp <script>',
      summary: 'A summary\nover two lines with [brackets]',
      prose: ['Some prose with a # hash'],
      sections: [
        { title: 'Pages', links: hostile.map((name, i) => ({ name, url: `https://example.com/${i}.md`, notes: `notes ${name}` })) },
        { title: 'Empty', links: [] },
        { title: 'Optional', links: [{ name: 'Full', url: 'https://example.com/llms-full.txt' }] },
      ],
    });
    const nodes = parse(file).children!;
    expect(nodes.map((node) => `${node.type}${node.depth ?? ''}`)).toEqual(['heading1', 'blockquote', 'paragraph', 'heading2', 'list', 'heading2', 'list']);
    expect(text(nodes[0]!)).toBe('Evil | Corp <script>');
    expect(text(nodes[1]!)).toBe('A summary over two lines with [brackets]');
    expect(text(nodes[5]!)).toBe('Optional');
    const items = nodes[4]!.children!;
    expect(items).toHaveLength(hostile.length);
    items.forEach((item, i) => {
      const paragraph = item.children![0]!;
      const link = paragraph.children![0]!;
      expect(link.type).toBe('link');
      expect(text(link)).toBe(hostile[i]!.replace(/\s*\n\s*/g, ' '));
      expect(link.url).toBe(`https://example.com/${i}.md`);
      expect(text(paragraph).slice(text(link).length)).toBe(`: notes ${hostile[i]!.replace(/\s*\n\s*/g, ' ')}`);
    });
    // No notes: no colon.
    expect(file).toContain('- [Full](https://example.com/llms-full.txt)\n');
    expect(file).not.toContain('Empty');
  });
});

describe('markdownTwinOf', () => {
  it('maps each main page to its twin and other pages to none', () => {
    expect(markdownTwinOf('/')).toBe('/index.md');
    expect(markdownTwinOf('/faq/')).toBe('/faq.md');
    expect(markdownTwinOf('/faq')).toBe('/faq.md');
    expect(markdownTwinOf('/questionnaire/')).toBe('/questionnaire.md');
    expect(markdownTwinOf('/controls/')).toBe('/controls.md');
    expect(markdownTwinOf('/changes/')).toBe('/changes.md');
    expect(markdownTwinOf('/changes/2/')).toBeUndefined();
    expect(markdownTwinOf('/controls/soc-2/')).toBeUndefined();
    expect(markdownTwinOf('/subprocessors/hetzner/')).toBeUndefined();
    expect(markdownTwinOf('/404')).toBeUndefined();
  });
});

describe('host headers', () => {
  it('serve the twins as Markdown and the text files and JSON as UTF-8', () => {
    expect(headersFor('/faq.md')['Content-Type']).toBe('text/markdown; charset=utf-8');
    expect(headersFor('/index.md')['Content-Type']).toBe('text/markdown; charset=utf-8');
    expect(headersFor('/llms.txt')['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(headersFor('/llms-full.txt')['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(headersFor('/trust.json')['Content-Type']).toBe('application/json; charset=utf-8');
    expect(headersFor('/trust.schema.json')['Content-Type']).toBe('application/schema+json; charset=utf-8');
  });
});

describe('trust.schema.json', () => {
  const schema = trustExportJsonSchema('https://example.com/trust.schema.json');
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  const validate = ajv.compile(schema);

  it('is a draft 2020-12 schema with its own id, that a validator compiles', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://example.com/trust.schema.json');
    expect(typeof validate).toBe('function');
  });

  it('carries every field of the control schema but the search keywords', () => {
    const control = (schema.properties as Record<string, { items: { properties: Record<string, unknown> } }>)['controls']!.items.properties;
    // From the content schema itself, so a field added there (such as framework references) is expected here too.
    const fields = Object.keys(controlSchema.shape).filter((field) => field !== 'keywords');
    expect(Object.keys(control).sort()).toEqual([...fields, 'url'].sort());
    expect(fields).toContain('statement');
  });

  it('refuses a document without its parts', () => {
    expect(validate({})).toBe(false);
    expect(validate.errors?.map((error) => error.params)).toEqual(expect.arrayContaining([{ missingProperty: 'company' }]));
  });
});

describe('the twins of /questionnaire/, /controls/ and /changes/', () => {
  const site: TwinSite = { company: 'Evil | Corp', url: (path) => new URL(path, 'https://trust.example.com/').href, date: (date) => date.toISOString().slice(0, 10) };
  const clean = (value: string) => value.replace(/\s*\n\s*/g, ' ');
  const headingTexts = (markdown: string, depth: number) => parse(markdown).children!.filter((node) => node.type === 'heading' && node.depth === depth).map(text);
  const links = (node: MarkdownNode): { url: string; text: string }[] => (node.type === 'link' ? [{ url: node.url!, text: text(node) }] : (node.children ?? []).flatMap(links));

  it('questionnaireTwin: each hostile question a heading of its domain, its answer one literal paragraph, its sources links', () => {
    const rows: QuestionnaireRow[] = hostile.map((value, i) => ({
      id: `q${i}`,
      domain: i % 2 === 0 ? 'encryption' : 'hosting',
      question: value,
      answer: i === 3 ? undefined : `Answer ${value}`,
      sources: [{ label: value, path: `/whitepaper/#s${i}` }],
      frameworks: { iso27001: ['8.24'], soc2: ['CC6.1'] },
    }));
    const markdown = questionnaireTwin(rows, site);
    // Domains in the fixed order (hosting before encryption), each once.
    expect(headingTexts(markdown, 2)).toEqual(['Hosting and data location', 'Encryption at rest and in transit']);
    expect(headingTexts(markdown, 3).sort()).toEqual(hostile.map(clean).sort());
    const nodes = parse(markdown).children!;
    for (const [i, value] of hostile.entries()) {
      const at = nodes.findIndex((node) => node.type === 'heading' && node.depth === 3 && text(node) === clean(value));
      expect(text(nodes[at + 1]!)).toBe(i === 3 ? 'Not stated in the whitepaper' : `Answer ${clean(value)}`);
      expect(links(nodes[at + 2]!)).toEqual([{ url: `https://trust.example.com/whitepaper/#s${i}`, text: clean(value) }]);
      expect(text(nodes[at + 3]!)).toBe('Framework references: ISO/IEC 27001: A.8.24; SOC 2: CC6.1');
    }
    expect(markdown).toContain(`${hostile.length - 1} questions answered, 1 not stated.`);
    const downloads = links(nodes[3]!).map((link) => link.url);
    expect(downloads).toEqual(['https://trust.example.com/questionnaire.xlsx', 'https://trust.example.com/questionnaire.csv']);
    expect(nodes[0]).toMatchObject({ type: 'heading', depth: 1 });
  });

  it('controlsTwin: every control by category with its framework ids, and each requirement with its controls', () => {
    const controls: TwinControl[] = hostile.map((value, i) => ({ id: `c${i}`, data: { title: value, section: `s${i}`, frameworks: i === 0 ? undefined : { soc2: ['CC6.1'] } } }));
    const markdown = controlsTwin([{ name: '# Evil | Category', items: controls }], mapControlsToFrameworks(controls), site);
    expect(headingTexts(markdown, 2)).toEqual(['By framework', 'All controls']);
    expect(headingTexts(markdown, 3)).toEqual([frameworks.find((f) => f.key === 'soc2')!.name, '# Evil | Category']);
    const lists = parse(markdown).children!.filter((node) => node.type === 'list');
    // By framework: CC6.1 addressed by every control but the first, each a link to its place on /controls/.
    const [requirement] = lists[0]!.children!;
    expect(text(requirement!).startsWith('CC6.1: ')).toBe(true);
    expect(links(requirement!)).toEqual(controls.slice(1).map((control) => ({ url: `https://trust.example.com/controls/#control-${control.id}`, text: clean(control.data.title) })));
    // All controls: one item per control, linked to its section, with its ids where it names any.
    const items = lists[1]!.children!;
    expect(items).toHaveLength(hostile.length);
    items.forEach((item, i) => {
      expect(links(item)).toEqual([{ url: `https://trust.example.com/whitepaper/#s${i}`, text: clean(hostile[i]!) }]);
      expect(text(item)).toBe(i === 0 ? clean(hostile[i]!) : `${clean(hostile[i]!)}: SOC 2: CC6.1`);
    });
    expect(controlsTwin([], [], site)).toContain('No control names a framework requirement yet.');
  });

  it('changesTwin: one item per change, newest as given, hostile titles and summaries literal, the feeds and the next page linked', () => {
    const changes: StatedChange[] = hostile.map((value, i) => ({
      id: `news-${i}`,
      kind: 'news',
      title: value,
      date: new Date(Date.UTC(2026, 10, 27 - i)),
      path: `/updates/u${i}/`,
      summary: `Summary ${value}`,
    }));
    const markdown = changesTwin(changes, 'Known since <b>then</b>.', '/changes/2/', site);
    const nodes = parse(markdown).children!;
    expect(text(nodes[2]!)).toBe('Known since <b>then</b>.');
    expect(links(nodes[3]!).map((link) => link.url)).toEqual(['https://trust.example.com/changes/feed.xml', 'https://trust.example.com/changes/atom.xml', 'https://trust.example.com/changes/feed.json']);
    const items = nodes.find((node) => node.type === 'list')!.children!;
    expect(items).toHaveLength(hostile.length);
    items.forEach((item, i) => {
      // The title is the one link to the site; a bare URL in a summary may be autolinked (GFM), never behind other words.
      const [title, ...others] = links(item);
      expect(title).toEqual({ url: `https://trust.example.com/updates/u${i}/`, text: clean(hostile[i]!) });
      for (const other of others) expect(other.text).toBe(other.url);
      expect(text(item)).toBe(`${clean(hostile[i]!)}: News · ${changes[i]!.date.toISOString().slice(0, 10)}. Summary ${clean(hostile[i]!)}`);
    });
    expect(links(nodes.at(-1)!)).toEqual([{ url: 'https://trust.example.com/changes/2/', text: 'Older changes' }]);
    expect(changesTwin([], 'Known.', undefined, site)).not.toContain('Older changes');
  });

  it('shortChange: a short edit as its words, a long or scattered one left to the page', () => {
    expect(shortChange(wordDiff('We rotate keys every 90 days.', 'We rotate keys every 30 days.'))).toBe('“90” → “30”');
    expect(shortChange(wordDiff('MFA is required.', 'MFA is always required.'))).toBe('added: “always”');
    expect(shortChange(wordDiff('MFA is always required.', 'MFA is required.'))).toBe('removed: “always”');
    // Two separate edits, a whole new text, a long replacement: none has a short form.
    expect(shortChange(wordDiff('one two three four', 'uno two three cuatro'))).toBeUndefined();
    expect(shortChange(wordDiff('', 'A new section.'))).toBeUndefined();
    const long = Array.from({ length: SHORT_CHANGE_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
    expect(shortChange(wordDiff(`Start ${long} end.`, 'Start x end.'))).toBeUndefined();
    expect(shortChange(undefined)).toBeUndefined();
    // An edit of the source's syntax (a link made a component) would show syntax, not what the page reads.
    expect(shortChange(wordDiff('Read [the DPA](https://x.example/) now.', 'Read <DpaLink /> now.'))).toBeUndefined();
    expect(shortChange(wordDiff('Use *a* now.', 'Use b now.'))).toBeUndefined();
    // In a change item its words stay literal.
    const change: StatedChange = { id: 'faq-x', kind: 'faq', action: 'edited', title: 'Q', date: new Date(Date.UTC(2026, 0, 2)), path: '/faq/#x', parts: wordDiff('It costs two euros now.', 'It costs #3 & 1. euros now.') };
    const item = parse(changesTwin([change], 'Known.', undefined, site)).children!.find((node) => node.type === 'list')!.children![0]!;
    expect(text(item)).toBe('Q: FAQ · Edited · 2026-01-02. “two” → “#3 & 1.”');
  });
});
