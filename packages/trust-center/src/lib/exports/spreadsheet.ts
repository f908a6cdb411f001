/**
 * Characters that make a spreadsheet program read a cell as a formula (or, for tab and carriage
 * return, shift it into one), as listed by OWASP's "CSV Injection" guidance.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet shows as the text it holds, never runs: a cell starting with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading single quote, as OWASP recommends. Content text
 * such as a sub-processor's purpose reaches procurement teams' spreadsheets through this file.
 */
export function spreadsheetText(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
