import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { error, type Finding } from '../rules/finding.ts';
import { bodyFormat, collectionSources, entryIdFromPath, type BodyFormat, type CollectionName } from '../content/collections.ts';
import { collectionFiles } from '../content/files.ts';
import { checkBody } from '../content/read.ts';
import { displayPath } from '../content/paths.ts';
import { TRANSLATES_FIELD } from './fields.ts';

// Front matter as in the source files, but it may be empty: a change's translation has only a body.
const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---(?:\r?\n|$)([\s\S]*)$/;

/** One translation file (or one item of a translated list file), as written: not yet checked against its source. */
export interface TranslationFile {
  /** The collection it translates. */
  collection: CollectionName;
  /** The id of the source entry it translates (file name, or a list item's `id`). */
  id: string;
  /** The file, relative to the project root. */
  file: string;
  /** The translated fields as written (without `translates`). */
  fields: Record<string, unknown>;
  /** The source version it says it translates (`translates`), when written. */
  translates?: unknown;
  /** The translated body, for Markdown and MDX files. */
  body?: string | undefined;
  /** The body's format. */
  format?: BodyFormat | undefined;
  /** The line the body starts on. */
  bodyLine?: number | undefined;
}

/**
 * The folder of one language's translations: `content/<language>/`, holding the same paths as the
 * content folder (`nb/faq/x.mdx` translates `faq/x.mdx`, `nb/controls.yaml` translates `controls.yaml`).
 */
export function translationDir(contentDir: string, language: string): string {
  return path.join(contentDir, language);
}

/**
 * Reads one language's translation files. Files that do not parse, or that sit where no collection
 * lives, are findings; what each file says is checked against its source by rules.ts.
 */
export function readTranslations(contentDir: string, language: string, root: string = process.cwd()): { files: TranslationFile[]; findings: Finding[] } {
  const dir = translationDir(contentDir, language);
  const files: TranslationFile[] = [];
  const findings: Finding[] = [];
  if (!existsSync(dir)) return { files, findings };
  for (const [name, source] of Object.entries(collectionSources) as [CollectionName, (typeof collectionSources)[CollectionName]][]) {
    const target = path.join(dir, source.path);
    if (!existsSync(target)) continue;
    const shown = displayPath(target, root);
    if (source.kind === 'folder') {
      if (!statSync(target).isDirectory()) {
        findings.push(error(shown, '(file)', `must be a folder, as ${source.path} is`, 'translation-file'));
        continue;
      }
      for (const file of collectionFiles(target, source.extensions, root, findings)) {
        const full = path.join(target, file);
        const read = readFile(full, displayPath(full, root), findings);
        if (read) files.push({ collection: name, id: entryIdFromPath(file), file: displayPath(full, root), ...read });
      }
      continue;
    }
    const read = readFile(target, shown, findings);
    if (!read) continue;
    if (source.kind === 'single') {
      files.push({ collection: name, id: entryIdFromPath(source.path), file: shown, ...read });
      continue;
    }
    const list = read.fields.items;
    if (!Array.isArray(list)) {
      findings.push(error(shown, '(root)', 'expected a list of entries, each starting with "- id:", as in the source file', 'translation-file'));
      continue;
    }
    list.forEach((item: unknown, index) => {
      if (!isRecord(item) || typeof item.id !== 'string') {
        findings.push(error(shown, `${index}.id`, 'is required: the id of the entry this item translates', 'translation-file'));
        return;
      }
      const { [TRANSLATES_FIELD]: translates, ...fields } = item;
      files.push({ collection: name, id: item.id, file: shown, fields, translates });
    });
  }
  return { files, findings };
}

/** A file's fields (a list file's items under `items`), its `translates` and its body. */
function readFile(full: string, shown: string, findings: Finding[]): Omit<TranslationFile, 'collection' | 'id' | 'file'> | undefined {
  const text = readFileSync(full, 'utf8');
  const format = bodyFormat(full);
  let yamlText = text;
  let body: string | undefined;
  let bodyLine: number | undefined;
  if (format) {
    const match = FRONT_MATTER.exec(text);
    if (!match) {
      findings.push(error(shown, '(front matter)', 'the file must start with front matter between two "---" lines', 'front-matter'));
      return undefined;
    }
    yamlText = match[1] ?? '';
    body = match[2] ?? '';
    bodyLine = text.slice(0, text.length - body.length).split('\n').length;
    if (!checkBody(body, { file: shown, firstLine: bodyLine, folder: path.basename(path.dirname(full)), format }, findings)) return undefined;
  }
  let value: unknown;
  try {
    value = parseYaml(yamlText) ?? {};
  } catch (cause) {
    findings.push(error(shown, '(root)', `invalid YAML: ${(cause instanceof Error ? cause.message : String(cause)).split('\n')[0]}`, 'yaml-syntax'));
    return undefined;
  }
  if (Array.isArray(value)) return { fields: { items: value } };
  if (!isRecord(value)) {
    findings.push(error(shown, '(root)', 'expected the translated fields, as in the source file', 'translation-file'));
    return undefined;
  }
  const { [TRANSLATES_FIELD]: translates, ...fields } = value;
  return { fields, translates, ...(body === undefined ? {} : { body, format, bodyLine }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The translation languages of a content folder when no build names them (the `check` and
 * `translations` commands, which do not read astro.config): its subfolders named after a language
 * the engine ships UI words for, other than the source's.
 */
export function translationFolders(contentDir: string, isLanguage: (name: string) => boolean, source: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== source && isLanguage(entry.name))
    .map((entry) => entry.name)
    .sort();
}
