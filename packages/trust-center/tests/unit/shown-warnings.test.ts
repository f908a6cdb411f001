import { describe, expect, it } from 'vitest';
import { formatFinding, printFinding, shownWarnings, warning } from '../../src/lib/rules/finding.ts';

const missing = (n: number) => formatFinding(warning(`content/updates/item-${n}.md`, '(translation)', 'has no nb translation: nb pages show the en text with a notice', 'translation-missing'));

describe('shownWarnings (what a build and the dev server print)', () => {
  it('prints every warning when no rule has more than the limit', () => {
    const lines = [missing(1), formatFinding(warning('content/certifications.yaml', 'soc2.expires', 'expires in 20 days', 'certification-expiring')), missing(2)];
    expect(shownWarnings(lines, 2)).toEqual(lines);
  });

  it("prints a rule's first warnings in order and counts the rest in one line right after them, leaving other rules whole", () => {
    const other = formatFinding(warning('content/faq/x.md', 'reviewed', 'last reviewed 400 days ago', 'stale-review'));
    const lines = [missing(1), missing(2), other, missing(3), missing(4), missing(5)];
    expect(shownWarnings(lines, 2)).toEqual([missing(1), missing(2), '… and 3 more translation-missing warning(s) like these; `trust-center check` lists every one', other]);
  });

  it('reads the rule from the first line of a finding with a hint, and always shows a line without a rule', () => {
    const withHint = printFinding({ ...warning('content/a.yaml', 'x', 'something', 'some-rule'), hint: 'do this (not that)' });
    const plain = 'a line from elsewhere';
    expect(shownWarnings([withHint, withHint, plain, plain], 1)).toEqual([withHint, '… and 1 more some-rule warning(s) like these; `trust-center check` lists every one', plain, plain]);
  });

  it('keeps thousands of one warning to the limit and a count', () => {
    const lines = Array.from({ length: 5000 }, (_, n) => missing(n));
    const shown = shownWarnings(lines);
    expect(shown).toHaveLength(11);
    expect(shown.slice(0, 10)).toEqual(lines.slice(0, 10));
    expect(shown[10]).toBe('… and 4990 more translation-missing warning(s) like these; `trust-center check` lists every one');
  });
});
