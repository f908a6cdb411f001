import { runRules } from '../rules';
import { formatFinding } from '../rules/finding';
import { readContent, type LoadedContent } from './read';

export interface Validation {
  /** The content, when it has no errors. */
  content?: LoadedContent;
  /** One line per error; any error stops the build. */
  errors: string[];
  /** One line per warning; printed, the build goes on. */
  warnings: string[];
}

/** Reads the content folder, checks every schema and rule as of `today`, and returns one-line messages. */
export function validateContent(contentDir: string, today: Date, root: string = process.cwd()): Validation {
  const read = readContent(contentDir, root);
  const findings = read.content ? runRules(read.content, today) : read.findings;
  const errors = findings.filter((f) => f.severity === 'error').map(formatFinding);
  const warnings = findings.filter((f) => f.severity === 'warning').map(formatFinding);
  return { ...(errors.length === 0 && read.content ? { content: read.content } : {}), errors, warnings };
}
