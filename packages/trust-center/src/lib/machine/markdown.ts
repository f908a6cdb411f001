import { bodyTree, type MdxNode } from '../content/mdx-policy.ts';
import type { BodyFormat } from '../content/collections.ts';
import { addressText, allowedElements, type ContactKind } from '../content/components.ts';

/**
 * Markdown for the machine-readable twins of the pages (`/faq.md`, …): escaping for values the
 * content supplies, and MDX bodies turned back into plain Markdown. Pure functions, no Astro.
 */

/**
 * A content value as inline Markdown text: every character Markdown could read as syntax is
 * backslash-escaped (CommonMark allows it before any ASCII punctuation), so a name holding `]`,
 * `*` or `<script>` stays literal text (and `AES-256` stays readable: `-` only matters first), and line breaks become spaces so one value stays one line.
 */
export function mdText(value: string): string {
  return (
    value
      .replace(/\s*[\r\n]+\s*/g, ' ')
      // Inline syntax anywhere on a line: emphasis, code, links, HTML, tables, strikethrough, entities.
      .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
      // Block syntax only where a value could start a line or end a heading: a list marker, a
      // heading's closing hashes, a numbered-list marker ("1." becomes "1\.").
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/(?<!\\)#$/, '\\#')
  );
}

/** A value inside a table cell: inline text (its `|` is escaped above), never empty so the row keeps its columns. */
export function mdCell(value: string | undefined): string {
  const text = value === undefined ? '' : mdText(value).trim();
  return text === '' ? ' ' : text;
}

/**
 * A link destination. The URLs are absolute and already percent-encoded by `URL`; parentheses
 * spaces and `|` are encoded too so a destination can never end early or split a table row.
 */
export function mdUrl(url: string): string {
  return new URL(url).href.replace(/[()\s<>|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](url)`, both escaped. */
export function mdLink(text: string, url: string): string {
  return `[${mdText(text)}](${mdUrl(url)})`;
}

/** A cell already written as Markdown (a link whose text and address were escaped by mdLink). */
export interface MdCell {
  markdown: string;
}

/** A GFM table: a header row, the delimiter row, then one row per item; plain-text cells are escaped. */
export function mdTable(header: readonly string[], rows: readonly (readonly (string | undefined | MdCell)[])[]): string {
  const cell = (value: string | undefined | MdCell) => (typeof value === 'object' ? value.markdown.replace(/(?<!\\)\|/g, '\\|') : mdCell(value));
  const line = (cells: readonly (string | undefined | MdCell)[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => line(row))].join('\n');
}

/** What the content components stand for, from the company file (the same facts the pages show). */
export interface ComponentFacts {
  contacts: Partial<Record<ContactKind, string | undefined>>;
  dpaUrl: string;
  /** `<NoticePeriod />` in words, for example "30 days". */
  noticePeriod: string;
  /** The page the body is shown on: a link to `/faq/` or `#keys` in a body becomes absolute against it, since a twin is read away from the site. */
  pageUrl: string;
}

/** The one line a body that cannot become Markdown fails the build with. */
export class MarkdownTwinError extends Error {}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

const allowed = new Set<string>(allowedElements);

/**
 * An entry's body as Markdown, with site-relative links made absolute. A `.md` body is Markdown
 * already (the content check allows it no raw HTML). An `.mdx` body is its own source with each content component replaced by the Markdown it
 * stands for (`<Contact kind="security" />` becomes a mailto link), the allowed HTML elements
 * reduced to their text, and comments removed: no JSX reaches a twin. Anything else (which the
 * content check refuses before the build) throws a MarkdownTwinError naming the file.
 */
export function bodyMarkdown(body: string, format: BodyFormat, facts: ComponentFacts, file: string): string {
  const tree = bodyTree(body, format);

  const render = (start: number, end: number, nodes: readonly MdxNode[]): string => {
    const replacements: Replacement[] = [];
    const visit = (node: MdxNode) => {
      const replacement = replace(node);
      if (replacement) replacements.push(replacement);
      else for (const child of node.children ?? []) visit(child);
    };
    for (const node of nodes) visit(node);
    replacements.sort((a, b) => a.start - b.start);
    let out = '';
    let at = start;
    for (const { start: from, end: to, text } of replacements) {
      out += body.slice(at, from) + text;
      at = to;
    }
    return out + body.slice(at, end);
  };

  // The children's own source, components inside them resolved too (<DpaLink>text</DpaLink>).
  const inner = (node: MdxNode): string => {
    const children = node.children ?? [];
    const first = offsets(children[0]);
    const last = offsets(children.at(-1));
    return first && last ? render(first.start, last.end, children).trim() : '';
  };

  const replace = (node: MdxNode): Replacement | undefined => {
    const range = offsets(node);
    if (!range) return undefined;
    // A site-relative link or image (`/faq/`, `#section`) is made absolute; an absolute one is left as written.
    if ((node.type === 'link' || node.type === 'image') && typeof node.url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      const target = mdUrl(new URL(node.url, facts.pageUrl).href);
      const label = node.type === 'image' ? `![${mdText(String((node as { alt?: unknown }).alt ?? ''))}]` : `[${inner(node)}]`;
      return { ...range, text: `${label}(${target})` };
    }
    // The same for a reference link's definition, `[label]: /faq/`.
    if (node.type === 'definition' && typeof node.url === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      return { ...range, text: `[${node.label ?? ''}]: ${mdUrl(new URL(node.url, facts.pageUrl).href)}` };
    }
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return { ...range, text: '' };
    if (node.type === 'mdxjsEsm') throw new MarkdownTwinError(`${file}: body: an import or export has no Markdown form (markdown-twin)`);
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
    const name = node.name ?? '';
    if (name === 'Contact') {
      const kind = attribute(node, 'kind') as ContactKind | undefined;
      const address = kind ? facts.contacts[kind] : undefined;
      if (!address) throw new MarkdownTwinError(`${file}: body: <Contact kind="${kind ?? ''}" /> names no contact in company.yaml (markdown-twin)`);
      return { ...range, text: mdLink(address, `mailto:${address}`) };
    }
    if (name === 'DpaLink') {
      const text = inner(node);
      return { ...range, text: text ? `[${text}](${mdUrl(facts.dpaUrl)})` : mdLink(addressText(facts.dpaUrl), facts.dpaUrl) };
    }
    if (name === 'NoticePeriod') return { ...range, text: mdText(facts.noticePeriod) };
    if (name === 'br') return { ...range, text: ' ' };
    if (allowed.has(name)) {
      const text = inner(node);
      // An abbreviation keeps its expansion, which the page shows on hover.
      const title = name === 'abbr' ? attribute(node, 'title') : undefined;
      return { ...range, text: title ? `${text} (${mdText(title)})` : text };
    }
    throw new MarkdownTwinError(`${file}: body: <${name}> has no Markdown form (markdown-twin)`);
  };

  const rootRange = { start: 0, end: body.length };
  return render(rootRange.start, rootRange.end, tree.children ?? [])
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A node's start and end offsets in the body (UTF-16 units, as Sätteri reports them). */
function offsets(node: MdxNode | undefined): { start: number; end: number } | undefined {
  const position = node?.position as { start: { offset?: number }; end?: { offset?: number } } | undefined;
  const start = position?.start.offset;
  const end = position?.end?.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** A string attribute's value (the content check allows only literal strings). */
function attribute(node: MdxNode, name: string): string | undefined {
  const found = node.attributes?.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}
