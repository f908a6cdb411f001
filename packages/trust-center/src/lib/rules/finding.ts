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
}

/** The one-line form every finding is printed in: `file: field: message (rule)`. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}: ${finding.field}: ${finding.message} (${finding.rule})`;
}

export function error(file: string, field: string, message: string, rule: string): Finding {
  return { file, field, message, rule, severity: 'error' };
}

export function warning(file: string, field: string, message: string, rule: string): Finding {
  return { file, field, message, rule, severity: 'warning' };
}
