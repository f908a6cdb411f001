import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import { error, type Finding } from '../rules/finding.ts';
import { bodyFormat, collectionSources, entryIdFromPath, type BodyFormat, type CollectionName } from './collections.ts';
import { collectionFiles, contentDirProblem, nearMiss, symlinkFindings } from './files.ts';
import { bodyTree, checkMdxPolicy, type MdxNode, type PolicyContext } from './mdx-policy.ts';
import { displayPath } from './paths.ts';

/** One validated entry, with where it came from so rules can name the file. */
export interface LoadedEntry<T> {
  /** The entry's id: the file name without extension, or the `id` field of a list item. */
  id: string;
  /** The file, relative to the project root. */
  file: string;
  /** The validated data (front matter for Markdown and MDX). */
  data: T;
  /** The body, for Markdown (.md) and MDX (.mdx) entries. */
  body?: string;
  /** How the body is parsed: plain Markdown (.md) or MDX (.mdx). */
  format?: BodyFormat;
  /** The line of the file the body starts on, so rules that read the body can name file lines. */
  bodyLine?: number;
}

type Output<N extends CollectionName> = z.output<(typeof collectionSources)[N]['schema']>;

/** Every collection, validated against its schema. */
export type LoadedContent = {
  [N in CollectionName]: (typeof collectionSources)[N]['kind'] extends 'single'
    ? LoadedEntry<Output<N>>
    : LoadedEntry<Output<N>>[];
};

export interface ReadResult {
  /** The content, when every file parsed and matched its schema. */
  content?: LoadedContent;
  /** Every problem found while reading, one per field. */
  findings: Finding[];
}

export const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/** Reads and validates the whole content folder, without Astro, so it can run before a build starts. */
export function readContent(contentDir: string, root: string = process.cwd()): ReadResult {
  const unusable = contentDirProblem(contentDir, root);
  if (unusable) return { findings: [unusable] };
  // Links are refused and never followed, not even to report what the linked file holds.
  const { findings, links } = symlinkFindings(contentDir, root);
  const content: Record<string, unknown> = {};

  for (const [name, source] of Object.entries(collectionSources)) {
    const target = path.join(contentDir, source.path);
    const shown = displayPath(target, root);
    if (links.has(target)) continue;
    if (!existsSync(target)) {
      const found = source.kind === 'folder' ? undefined : nearMiss(target);
      const hint = found ? ` (found ${found}: rename it to ${path.basename(source.path)})` : '';
      findings.push(error(shown, '(file)', `the ${name} ${source.kind === 'folder' ? 'folder' : 'file'} is missing${hint}`, 'missing-file'));
      continue;
    }
    if (statSync(target).isDirectory() !== (source.kind === 'folder')) {
      const [expected, found] = source.kind === 'folder' ? ['folder', 'file'] : ['file', 'folder'];
      findings.push(error(shown, '(file)', `the ${name} ${expected} is a ${found}`, 'missing-file'));
      continue;
    }
    if (source.kind === 'single') {
      const raw = parseYamlFile(target, shown, findings);
      if (raw === undefined) continue;
      const data = validate(source.schema, raw, shown, '', findings);
      if (data !== undefined) content[name] = { id: entryIdFromPath(source.path), file: shown, data };
    } else if (source.kind === 'list') {
      const raw = parseYamlFile(target, shown, findings);
      if (raw === undefined) continue;
      if (!Array.isArray(raw)) {
        findings.push(error(shown, '(root)', 'expected a list of entries, each starting with "- id:"', 'schema'));
        continue;
      }
      content[name] = raw.flatMap((item: unknown, index: number) => {
        const id = isRecord(item) && typeof item.id === 'string' ? item.id : String(index);
        const data = validate(source.schema, item, shown, `${id}.`, findings);
        return data === undefined ? [] : [{ id, file: shown, data }];
      });
    } else {
      const files = collectionFiles(target, source.extensions, root, findings);
      content[name] = files.flatMap((file) => {
        const full = path.join(target, file);
        const fileShown = displayPath(full, root);
        const id = entryIdFromPath(file);
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
          findings.push(error(fileShown, '(file name)', `"${file}" must be lowercase letters, digits and hyphens, as it becomes the URL and anchor`, 'file-name'));
          return [];
        }
        let raw: unknown;
        let body: string | undefined;
        let bodyLine: number | undefined;
        const format = bodyFormat(file);
        if (format !== undefined) {
          const text = readFileSync(full, 'utf8');
          const match = FRONT_MATTER.exec(text);
          if (!match) {
            findings.push(error(fileShown, '(front matter)', 'the file must start with front matter between two "---" lines', 'front-matter'));
            return [];
          }
          raw = parseYamlText(match[1] ?? '', fileShown, findings);
          body = match[2] ?? '';
          bodyLine = text.slice(0, text.length - body.length).split('\n').length;
          if (!checkBody(body, { file: fileShown, firstLine: bodyLine, folder: source.path, format }, findings)) return [];
        } else {
          raw = parseYamlFile(full, fileShown, findings);
        }
        if (raw === undefined) return [];
        const data = validate(source.schema, raw, fileShown, '', findings);
        if (data === undefined) return [];
        return [{ id, file: fileShown, data, ...(body === undefined ? {} : { body, bodyLine, format }) }];
      });
    }
  }

  if (findings.length > 0) return { findings };
  return { content: content as LoadedContent, findings };
}

/**
 * Parses a body with the same parser the build uses (Sätteri, as Markdown or as MDX), so a syntax
 * error is reported as one line with its position in the file instead of failing the build
 * halfway, then applies the content policy (mdx-policy.ts): no code, no unknown components, no
 * raw HTML in Markdown, no unsafe addresses. (Markdown always parses; only MDX has syntax errors.)
 */
export function checkBody(body: string, context: PolicyContext, findings: Finding[]): boolean {
  let tree: MdxNode;
  try {
    tree = bodyTree(body, context.format);
  } catch (cause) {
    const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
    const position = /^(\d+):(\d+):\s*/.exec(message);
    const line = position ? Number(position[1]) + context.firstLine - 1 : context.firstLine;
    const detail = (position ? message.slice(position[0].length) : message).replace(/\s*\([\w:-]+\)$/, '');
    findings.push(error(context.file, `line ${line}`, `invalid MDX: ${detail}`, 'mdx-syntax'));
    return false;
  }
  const policy = checkMdxPolicy(tree, context);
  findings.push(...policy);
  return policy.length === 0;
}

function parseYamlFile(file: string, shown: string, findings: Finding[]): unknown {
  return parseYamlText(readFileSync(file, 'utf8'), shown, findings);
}

function parseYamlText(text: string, shown: string, findings: Finding[]): unknown {
  try {
    const value: unknown = parseYaml(text);
    if (value === null || value === undefined) {
      findings.push(error(shown, '(root)', 'the file is empty', 'schema'));
      return undefined;
    }
    return value;
  } catch (cause) {
    if (cause instanceof YAMLParseError) {
      const where = cause.linePos?.[0];
      const firstLine = cause.message.split('\n')[0] ?? cause.message;
      findings.push(error(shown, where ? `line ${where.line}` : '(root)', `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`, 'yaml-syntax'));
      return undefined;
    }
    throw cause;
  }
}

/** Validates one value; pushes one finding per schema issue, each naming its field. */
function validate(schema: z.ZodType, raw: unknown, shown: string, prefix: string, findings: Finding[]): unknown {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        findings.push(error(shown, prefix + [...at, key].join('.'), 'is not a field of this schema (check its spelling)', 'schema'));
      }
      continue;
    }
    // A date is a union (text, or a Date from js-yaml), so its missing value is an invalid_union.
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(raw, at) === undefined;
    const value = valueAt(raw, at);
    const message = missing ? 'is required but missing' : (unquotedText(issue, at, value) ?? issue.message);
    findings.push(error(shown, prefix + (at.join('.') || '(root)'), message, 'schema'));
  }
  return undefined;
}

/**
 * YAML reads an unquoted `4.1` as a number and `yes`/`true` as a boolean; where the schema wants
 * text, say to quote it rather than "expected string, received number". Section numbers get their
 * own words: unquoted, `4.10` would silently become 4.1.
 */
function unquotedText(issue: z.core.$ZodIssue, at: string[], value: unknown): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string') return undefined;
  if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (at.at(-1) === 'number' && typeof value === 'number') {
    return `is the number ${value}; quote section numbers ("${value}") so they stay text (unquoted, 4.10 would be read as 4.1)`;
  }
  // Framework ids such as ISO's 8.10 are numbers to YAML too, and lose their trailing zero the same way.
  if (at.includes('frameworks') && typeof value === 'number') {
    return `is the number ${value}; quote framework ids ("${value}") so they stay text (unquoted, 8.10 would be read as 8.1)`;
  }
  return `is the ${typeof value} ${value}, not text; put it in quotes ("${value}")`;
}

function valueAt(value: unknown, at: string[]): unknown {
  return at.reduce<unknown>((current, key) => (isRecord(current) || Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined), value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
