import path from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { error, type Finding } from '../rules/finding.ts';
import { checkUrl } from '../safe-url.ts';
import type { BodyFormat } from './collections.ts';
import {
  allowedElementAttributes,
  allowedElements,
  contentComponentNames,
  contentComponentSpecs,
  isContentComponent,
  type ComponentSpec,
} from './components.ts';

/**
 * Content is data: an MDX body may hold Markdown, the engine's content components
 * (components.ts) and a few harmless HTML elements, and nothing that runs or loads code.
 *
 * MDX compiles a body to JavaScript, so without this check an expression publishes whatever it
 * evaluates to on the build machine, an import reads any file, and `<script>` or a `javascript:`
 * link reaches every page, feed and PDF the body appears in. The check walks the tree the same
 * parser (Sätteri) gives the build and refuses each such construct with the line it is on.
 *
 * A Markdown (.md) body cannot run code (braces, `import` and `export` are text there), but
 * Markdown passes raw HTML through to the page as written, where MDX parses each element: so a
 * .md body may hold no raw HTML at all (the MDX file may use the few allowed elements, checked
 * one by one), and its links and images are held to the same addresses.
 */

/** The parts of an mdast / MDX node this check reads (Sätteri's tree, without its types). */
export interface MdxNode {
  type: string;
  position?: { start: { line: number } } | undefined;
  children?: MdxNode[];
  value?: unknown;
  url?: unknown;
  name?: string | null;
  label?: string | null;
  attributes?: MdxAttribute[];
}

export interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export interface PolicyContext {
  /** The file as shown in messages. */
  file: string;
  /** The line of the file the body starts on, so lines are the file's, not the body's. */
  firstLine: number;
  /** The file's folder inside the content folder (for example `whitepaper`), for relative images. */
  folder: string;
  /** How the body was parsed: Markdown (.md) or MDX (.mdx); decides what raw HTML means. */
  format: BodyFormat;
}

/** A body's tree, parsed as the build parses it: as Markdown (.md) or as MDX (.mdx); MDX can throw. */
export function bodyTree(body: string, format: BodyFormat): MdxNode {
  return (format === 'md' ? markdownToMdast(body) : mdxToMdast(body)) as MdxNode;
}

/** Elements refused with a reason of their own, because authors reach for them most. */
const RAW_ELEMENTS: Record<string, string> = {
  script: 'content cannot run scripts',
  style: "content cannot carry styles (the site's stylesheet styles it)",
  iframe: 'content cannot embed other pages',
  object: 'content cannot embed plugins or files',
  embed: 'content cannot embed plugins or files',
  a: 'write links in Markdown, [text](https://…)',
  img: 'write images in Markdown, ![description](https://…)',
};

/** Attributes whose value is an address, on any element. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'background', 'xlink:href', 'ping', 'longdesc', 'manifest', 'codebase']);

/** `{/* a note *\/}`: a comment, the only expression that compiles to nothing. */
const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;

/** Every construct of `tree` that content may not use, as one finding per problem. */
export function checkMdxPolicy(tree: MdxNode, context: PolicyContext): Finding[] {
  const findings: Finding[] = [];
  const report = (node: MdxNode, message: string, rule: string) => {
    const line = (node.position?.start.line ?? 1) + context.firstLine - 1;
    findings.push(error(context.file, `line ${line}`, message, rule));
  };
  const visit = (node: MdxNode) => {
    checkNode(node, context, report);
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return findings;
}

type Report = (node: MdxNode, message: string, rule: string) => void;

function checkNode(node: MdxNode, context: PolicyContext, report: Report) {
  switch (node.type) {
    case 'mdxjsEsm': {
      // One node holds every adjacent import/export line; name each kind it contains.
      const code = String(node.value ?? '');
      const exports = /^\s*export\b/m.test(code);
      if (!exports || /^\s*import\b/m.test(code)) report(node, 'import statements are not allowed: content cannot load code or files', 'mdx-esm');
      if (exports) report(node, 'export statements are not allowed: content cannot define code', 'mdx-esm');
      return;
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const code = String(node.value ?? '');
      if (COMMENT_ONLY.test(code)) return;
      report(node, `the expression {${shown(code)}} is not allowed: content cannot run JavaScript (to show a brace, write \\{)`, 'mdx-expression');
      return;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, report);
      return;
    case 'html':
      // MDX has no raw HTML nodes, but a parser option could add them: never let one through.
      if (context.format === 'mdx') report(node, 'raw HTML is not allowed in content', 'mdx-raw-html');
      else checkMarkdownHtml(node, report);
      return;
    default:
      if (typeof node.url === 'string') checkAddress(node, node.url, describeUrlNode(node), context, report);
  }
}

/** An opening tag in raw HTML, its name and the rest of the tag (its attributes). */
const OPENING_TAG = /<([A-Za-z][A-Za-z0-9-]*)([^>]*)/g;
/** An event-handler attribute inside a tag (after a space, a slash or a quote, as browsers read it). */
const EVENT_HANDLER = /[\s/"'](on[A-Za-z]+)\s*=/i;
/** A lone closing tag: harmless, and its opening tag has already been reported. */
const CLOSING_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*\s*>$/;

/**
 * Raw HTML in a Markdown body reaches the page exactly as written, so none is allowed: one finding
 * per HTML piece, saying why for what MDX refuses with a reason (`<script>`, `on…=`), and for the
 * rest where the allowed elements are (in an .mdx file, where each one is checked).
 */
function checkMarkdownHtml(node: MdxNode, report: Report) {
  const html = String(node.value ?? '').trim();
  if (CLOSING_TAG.test(html)) return;
  let reported = false;
  for (const [, name = '', rest = ''] of html.matchAll(OPENING_TAG)) {
    if (Object.hasOwn(RAW_ELEMENTS, name.toLowerCase())) {
      report(node, `<${name}> is not allowed: ${RAW_ELEMENTS[name.toLowerCase()]}`, 'mdx-raw-html');
      reported = true;
    }
    if (isContentComponent(name)) {
      report(node, `<${name}> is a component, and components work only in .mdx files: rename the file to .mdx, or write the text in Markdown`, 'mdx-component');
      reported = true;
    }
    const handler = EVENT_HANDLER.exec(rest);
    if (handler) {
      report(node, `the event-handler attribute ${handler[1]} on <${name}> is not allowed: content cannot run scripts`, 'mdx-event-handler');
      reported = true;
    }
  }
  if (reported) return;
  report(
    node,
    `raw HTML (${shown(html)}) is not allowed in a Markdown (.md) body: write it in Markdown, or rename the file to .mdx to use ${list(allowedElements.map((name) => `<${name}>`))}`,
    'mdx-raw-html',
  );
}

function describeUrlNode(node: MdxNode): (address: string) => string {
  if (node.type === 'image') return (address) => `the image ${address}`;
  if (node.type === 'definition') return (address) => `the link definition [${node.label ?? ''}]: ${address}`;
  return (address) => `the link ${address}`;
}

function checkElement(node: MdxNode, report: Report) {
  const name = node.name ?? null;
  const tag = name === null ? '<>' : `<${name}>`;
  const attributes = node.attributes ?? [];

  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(node, `the spread {${shown(String(attribute.value ?? ''))}} on ${tag} is not allowed: content cannot run JavaScript`, 'mdx-expression');
      continue;
    }
    const attributeName = attribute.name ?? '';
    if (isExpression(attribute.value)) {
      report(node, `the attribute ${attributeName}={${shown(String(attribute.value.value ?? ''))}} on ${tag} is not allowed: content cannot run JavaScript (write a quoted value)`, 'mdx-expression');
    }
    if (/^on/i.test(attributeName)) {
      report(node, `the event-handler attribute ${attributeName} on ${tag} is not allowed: content cannot run scripts`, 'mdx-event-handler');
    }
    if (URL_ATTRIBUTES.has(attributeName.toLowerCase()) && typeof attribute.value === 'string') {
      checkAddress(node, attribute.value, (address) => `the address ${address} in ${attributeName} on ${tag}`, undefined, report);
    }
  }

  if (name === null) {
    report(node, 'fragments (<>…</>) are not allowed: Markdown does not need them', 'mdx-component');
  } else if (isContentComponent(name)) {
    checkComponent(node, name, contentComponentSpecs[name], report);
  } else if (Object.hasOwn(RAW_ELEMENTS, name.toLowerCase())) {
    report(node, `<${name}> is not allowed: ${RAW_ELEMENTS[name.toLowerCase()]}`, 'mdx-raw-html');
  } else if ((allowedElements as readonly string[]).includes(name)) {
    for (const attribute of attributes) {
      const attributeName = attribute.name ?? '';
      if (attribute.type !== 'mdxJsxAttribute' || /^on/i.test(attributeName) || isExpression(attribute.value)) continue;
      if (!(allowedElementAttributes as readonly string[]).includes(attributeName)) {
        report(node, `the attribute ${attributeName} on <${name}> is not allowed (allowed: ${allowedElementAttributes.join(', ')})`, 'mdx-raw-html');
      }
    }
  } else if (/^[a-z][a-z0-9-]*$/.test(name)) {
    report(node, `<${name}> is not allowed in content (HTML allowed: ${allowedElements.join(', ')}; use Markdown for the rest)`, 'mdx-raw-html');
  } else {
    report(node, `<${name}> is not a component the engine provides (use ${list(contentComponentNames)}; see "Components you can use in content" in the README)`, 'mdx-component');
  }
}

function checkComponent(node: MdxNode, name: string, spec: ComponentSpec, report: Report) {
  const given = new Map<string, unknown>();
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const prop = attribute.name ?? '';
    given.set(prop, attribute.value);
    const accepted = spec.props[prop];
    if (!accepted) {
      const props = Object.keys(spec.props);
      report(node, `<${name}> has no prop ${prop} (${props.length === 0 ? 'it takes none' : `it takes ${props.join(', ')}`}): write ${spec.usage}`, 'mdx-component');
    } else if (typeof attribute.value === 'string' && !accepted.values.includes(attribute.value)) {
      report(node, `<${name} ${prop}="${shown(attribute.value)}"> is not allowed: ${prop} is one of ${quotedList(accepted.values)}`, 'mdx-component');
    } else if (attribute.value === null || attribute.value === undefined) {
      report(node, `<${name}> needs a value for ${prop}: one of ${quotedList(accepted.values)}`, 'mdx-component');
    }
  }
  for (const [prop, accepted] of Object.entries(spec.props)) {
    if (accepted.required && !given.has(prop)) report(node, `<${name}> needs ${prop}: one of ${quotedList(accepted.values)}, as in ${spec.usage}`, 'mdx-component');
  }
  if (!spec.children && (node.children ?? []).length > 0) report(node, `<${name}> takes no content between its tags: write ${spec.usage}`, 'mdx-component');
}

/**
 * Refuses an address whose scheme is not allowed, and a relative image that would reach outside
 * the content folder (the build imports relative images as files).
 */
function checkAddress(node: MdxNode, address: string, what: (address: string) => string, context: PolicyContext | undefined, report: Report) {
  const verdict = checkUrl(address);
  if (!verdict.safe) {
    const detail =
      verdict.reason === 'network-path'
        ? 'has no scheme; write https://… for another site'
        : `uses the scheme ${verdict.scheme}, which is not allowed (use https:, http:, mailto: or a relative path)`;
    report(node, `${what(shown(address, 'address'))} ${detail}`, 'unsafe-url');
    return;
  }
  if (context && node.type === 'image' && verdict.kind === 'relative' && !address.startsWith('/') && !address.startsWith('#')) {
    const target = path.posix.normalize(path.posix.join(context.folder, address.split(/[?#]/)[0] ?? ''));
    if (target === '..' || target.startsWith('../')) report(node, `${what(shown(address, 'address'))} is outside the content folder`, 'unsafe-url');
  }
}

function isExpression(value: unknown): value is { type: string; value?: unknown } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'mdxJsxAttributeValueExpression';
}

/**
 * Code or an address on one line of a message, long text cut. In code, line breaks become spaces;
 * in an address every control or invisible character, and any leading space, is shown (`\u0009`),
 * since it is the trick.
 */
function shown(text: string, kind: 'code' | 'address' = 'code'): string {
  const visible =
    kind === 'code'
      ? text.replace(/\s+/g, ' ').trim()
      : text.replace(/[\p{Cc}\p{Cf}]|^[\p{Z}\s]+/gu, (match) => [...match].map(escaped).join(''));
  return visible.length > 60 ? `${visible.slice(0, 59)}…` : visible;
}

function list(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

function quotedList(values: readonly string[]): string {
  return list(values.map((value) => `"${value}"`));
}

function escaped(character: string): string {
  return `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`;
}
