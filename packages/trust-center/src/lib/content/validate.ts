import { runRules } from '../rules/index.ts';
import { printFinding } from '../rules/finding.ts';
import { newlyPublished } from '../rules/published-history.ts';
import { appendPublishedHistory, readPublishedHistory } from './published-history.ts';
import { readContent, type LoadedContent } from './read.ts';
import { sourceLanguage, translationLanguages } from '../../i18n/editions.ts';
import { readTranslations } from '../translations/read.ts';
import { checkTranslations, type TranslationCheck } from '../translations/rules.ts';
import type { Finding } from '../rules/finding.ts';

export interface Validation {
  /** The content, when it has no errors. */
  content?: LoadedContent;
  /** One entry per error, its one-line finding first, then any hint on indented lines; any error stops the build. */
  errors: string[];
  /** One entry per warning, printed like the errors; the build goes on. */
  warnings: string[];
  /**
   * When the content has no errors: appends the change events published as of `today` (and as of
   * `now`, the real date, so a build dated ahead with BUILD_DATE locks nothing not yet announced) to
   * the published-history lock, and returns the line to print, if it recorded any. A build calls it
   * once it has succeeded; checks that must not write (tests of other folders) never do.
   */
  recordPublished?: (now?: Date) => string | undefined;
  /** When the content has no errors: each translation language's translated values by `collection/id` (lib/translations/rules.ts), for the build's own uses (search records). */
  translated?: ReadonlyMap<string, TranslationCheck['translated']>;
}

/** Reads the content folder, checks every schema and rule as of `today`, and returns one-line messages. */
export function validateContent(contentDir: string, today: Date, root: string = process.cwd()): Validation {
  const read = readContent(contentDir, root);
  const history = read.content ? readPublishedHistory(contentDir, read.content.subprocessorChanges.map((event) => event.id), root) : undefined;
  const translations = read.content && history ? checkTranslationFiles(read.content, contentDir, root) : undefined;
  const findings =
    read.content && history
      ? [...history.findings, ...runRules(read.content, today, history), ...(translations?.findings ?? [])]
      : read.findings;
  const errors = findings.filter((f) => f.severity === 'error').map(printFinding);
  const warnings = findings.filter((f) => f.severity === 'warning').map(printFinding);
  if (errors.length > 0 || !read.content || !history) return { errors, warnings };
  const events = read.content.subprocessorChanges;
  const recordPublished = (now: Date = new Date()) =>
    appendPublishedHistory(contentDir, history, newlyPublished(events, history, now < today ? now : today), root);
  return { content: read.content, errors, warnings, recordPublished, translated: translations!.translated };
}

/** Each translation language's files, read and checked against the source content (lib/translations/rules.ts). */
function checkTranslationFiles(content: LoadedContent, contentDir: string, root: string): { findings: Finding[]; translated: Map<string, TranslationCheck['translated']> } {
  const findings: Finding[] = [];
  const translated = new Map<string, TranslationCheck['translated']>();
  for (const language of translationLanguages()) {
    const read = readTranslations(contentDir, language, root);
    if (read.findings.length > 0) {
      findings.push(...read.findings);
      continue;
    }
    const check = checkTranslations(content, read.files, language, sourceLanguage());
    findings.push(...check.findings);
    translated.set(language, check.translated);
  }
  return { findings, translated };
}
