/** One problem found in the content, precise enough to fix without reading code. */
export interface Finding {
  /** Path of the file, relative to the project (for example `content/faq/x.mdx`). */
  file: string;
  /** The field at fault, dotted for nested fields (for example `sections.1`). */
  field: string;
  /** What is wrong, in words an author understands. */
  message: string;
  /** Short name of the rule, so it can be looked up in the README. */
  rule: string;
  /** Errors stop the build; warnings are printed and the build goes on. */
  severity: 'error' | 'warning';
  /**
   * What to do about it, when the message alone is not enough (the valid ids, a file to paste):
   * printed under the one-line finding, indented, so the first line stays the same for grep and tests.
   */
  hint?: string;
}

/** The one-line form every finding is printed in: `file: field: message (rule)`. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.field}: ${finding.message} (${finding.rule})`;
}

/** How a finding is printed (terminal, check, build, dev error page): its one line, then its hint indented under it. */
export function printFinding(finding: Finding): string {
  if (!finding.hint) return formatFinding(finding);
  return [formatFinding(finding), ...finding.hint.split('\n').map((line) => `${HINT_INDENT}${line}`)].join('\n');
}

/** The indent of hint lines: a line that starts with it continues the finding above it. */
export const HINT_INDENT = '    ';

export function error(file: string, field: string, message: string, rule: string, hint?: string): Finding {
  return { file, field, message, rule, severity: 'error', ...(hint ? { hint } : {}) };
}

export function warning(file: string, field: string, message: string, rule: string): Finding {
  return { file, field, message, rule, severity: 'warning' };
}

/** How many warnings of one rule a build or the dev server prints in full before counting the rest. */
export const WARNINGS_SHOWN_PER_RULE = 10;

/**
 * The warnings a build or the dev server prints (`trust-center check` prints every one): of each
 * rule, the first `perRule` as they are, then one line counting the rest. A site with thousands of
 * untranslated news items otherwise printed a line for each at every build and every start of the
 * dev server, burying whatever else there was to read. `lines` are printed findings (printFinding);
 * one whose rule cannot be read is always shown.
 */
export function shownWarnings(lines: readonly string[], perRule: number = WARNINGS_SHOWN_PER_RULE): string[] {
  const ruleOf = (line: string) => /\(([a-z0-9-]+)\)$/.exec(line.split('\n', 1)[0]!)?.[1];
  const total = new Map<string, number>();
  for (const line of lines) {
    const rule = ruleOf(line);
    if (rule !== undefined) total.set(rule, (total.get(rule) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const shown: string[] = [];
  for (const line of lines) {
    const rule = ruleOf(line);
    if (rule === undefined) {
      shown.push(line);
      continue;
    }
    const count = (seen.get(rule) ?? 0) + 1;
    seen.set(rule, count);
    if (count <= perRule) shown.push(line);
    // The count follows the rule's last line shown, so it reads as part of that group.
    if (count === perRule && total.get(rule)! > perRule) {
      shown.push(`… and ${total.get(rule)! - perRule} more ${rule} warning(s) like these; \`trust-center check\` lists every one`);
    }
  }
  return shown;
}
