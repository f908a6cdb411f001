// trust-center translations [--stamp FILE ...]   (the site's `npm run translations`)
//
// Where each translation stands against its source: current, outdated (the source changed since the
// version it records), or with errors, and which source entries have none. With --stamp, records the
// source's current version (`translates:`) in the named translation files, once they have no errors:
// run it after updating a translation, not instead of it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, isMap, isSeq } from 'yaml';
import { isLocale, resolveLocale } from '../src/i18n/index.ts';
import { TRANSLATIONS_ENV } from '../src/i18n/editions.ts';
import { collectionSources } from '../src/lib/content/collections.ts';
import { displayPath, resolveContentDir } from '../src/lib/content/paths.ts';
import { readContent } from '../src/lib/content/read.ts';
import { formatFinding } from '../src/lib/rules/finding.ts';
import { sourceHash } from '../src/lib/translations/fields.ts';
import { readTranslations, translationFolders } from '../src/lib/translations/read.ts';
import { checkTranslations, sourceEntries } from '../src/lib/translations/rules.ts';

const root = process.cwd();
const contentDir = resolveContentDir(root);
const source = resolveLocale();
process.env[TRANSLATIONS_ENV] ??= translationFolders(contentDir, isLocale, source).join(',');
const languages = process.env[TRANSLATIONS_ENV].split(',').filter(Boolean);
const args = process.argv.slice(2);
const stamp = new Set(args.filter((arg) => arg !== '--stamp').map((file) => path.resolve(root, file)));

const read = readContent(contentDir, root);
if (!read.content) {
  for (const finding of read.findings) console.error(formatFinding(finding));
  process.exit(1);
}
const content = read.content;
let failed = false;
for (const language of languages) {
  const { files, findings } = readTranslations(contentDir, language, root);
  const check = checkTranslations(content, files, language, source);
  for (const finding of [...findings, ...check.findings]) {
    if (finding.severity === 'error') failed = true;
    console.log(`${finding.severity}: ${formatFinding(finding)}`);
  }
  // A missing or malformed `translates` is what stamping fixes; any other error keeps the file as it is.
  const withErrors = new Set([...findings, ...check.findings].filter((finding) => finding.severity === 'error' && finding.rule !== 'translation-version').map((finding) => finding.file));
  const current = [...check.translated.values()].filter((entry) => entry.current).length;
  console.log(`translations: ${language}: ${check.translated.size} translated entries, ${current} current, ${check.translated.size - current} outdated`);
  for (const file of new Set(files.map((translation) => translation.file))) {
    const full = path.resolve(root, file);
    if (!stamp.has(full)) continue;
    if (withErrors.has(file)) {
      console.error(`translations: ${file} has errors (above): not stamped`);
      failed = true;
      continue;
    }
    const translations = files.filter((translation) => translation.file === file);
    writeFileSync(full, stamped(full, translations.map((translation) => {
      const entry = sourceEntries(content, translation.collection).find((candidate) => candidate.id === translation.id)!;
      return { id: translation.id, list: collectionSources[translation.collection].kind === 'list', hash: sourceHash(translation.collection, entry.data, entry.body) };
    })));
    console.log(`translations: ${displayPath(full, root)}: translates set to the source's current version`);
  }
}
if (failed) process.exitCode = 1;

/** The file with `translates` set (at the top, or on each list item), comments and order kept. */
function stamped(file: string, hashes: { id: string; list: boolean; hash: string }[]): string {
  const text = readFileSync(file, 'utf8');
  const front = /^---\r?\n([\s\S]*?)\r?\n?---(\r?\n[\s\S]*)?$/.exec(text);
  const yamlText = front ? front[1] ?? '' : text;
  const document = parseDocument(yamlText, { keepSourceTokens: false }) as unknown as import('yaml').Document;
  const root = document.contents;
  if (isSeq(root)) {
    for (const item of root.items) {
      if (!isMap(item)) continue;
      const hash = hashes.find((candidate) => candidate.id === String(item.get('id')))?.hash;
      if (hash) item.set('translates', hash);
    }
  } else if (isMap(root)) {
    const added = !root.has('translates');
    root.set('translates', hashes[0]!.hash);
    // A new translates goes first, where an editor looks for it; an existing one keeps its place.
    const last = added ? root.items.pop() : undefined;
    if (last) root.items.unshift(last);
  } else {
    document.contents = document.createNode({ translates: hashes[0]!.hash }) as unknown as typeof document.contents;
  }
  const yaml = document.toString({ lineWidth: 0 });
  return front ? `---\n${yaml}---${front[2] ?? '\n'}` : yaml;
}
