import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { HINT_INDENT } from '../../src/lib/rules/finding.ts';
import { closeMatches, didYouMean, editDistance, validList } from '../../src/lib/rules/suggest.ts';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';

const today = new Date('2026-11-27T00:00:00Z');
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** The valid fixture with `changes`, checked as of `today`; errors as printed (each finding with its hint lines). */
function check(changes: Record<string, string | null>, setup?: (dir: string) => void): { dir: string; errors: string[] } {
  const dir = writeFixture(changes);
  folders.push(dir);
  setup?.(dir);
  return { dir, errors: validateContent(dir, today, path.dirname(dir)).errors.map((line) => line.replaceAll(`${path.basename(dir)}/`, '')) };
}

describe('suggestions for a name that matches nothing', () => {
  it('measures edits', () => {
    expect(editDistance('encrypton', 'encryption')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('offers close names only, closest first', () => {
    expect(closeMatches('encrypton', ['overview', 'encryption', 'access-control'])).toEqual(['encryption']);
    expect(closeMatches('aws', ['aws-eu', 'azure', 'gcp'])).toEqual(['aws-eu']);
    expect(didYouMean('pricing', ['overview', 'encryption'])).toBe('');
    expect(didYouMean('clod', ['cloud', 'clode'])).toBe('; did you mean "clode" or "cloud"?');
  });

  it('lists the valid names closest first and caps a long list', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `vendor-${String.fromCharCode(97 + i)}`);
    expect(validList('valid sub-processors', 'vendor-k', ids)).toBe(
      'valid sub-processors, closest first: vendor-k, vendor-a, vendor-b, vendor-c, vendor-d, vendor-e, vendor-f, vendor-g and 4 more',
    );
    expect(validList('valid sub-processors', 'x', [])).toBe('there are no valid sub-processors yet');
  });
});

describe('messages with hints, as the check and the build print them', () => {
  it('an unknown reference names the likely id and lists the valid ones under the line', () => {
    const faq = validFixture['faq/where.mdx'];
    expect(faq, 'the fixture has this question').toBeDefined();
    const { errors } = check({ 'faq/where.mdx': faq!.replace('subprocessors: [cloud]', 'subprocessors: [clod]') });
    expect(errors).toEqual([
      `faq/where.mdx: subprocessors.0: "clod" is not a sub-processor; did you mean "cloud"? (unknown-reference)\n${HINT_INDENT}valid sub-processors: cloud`,
    ]);
  });

  it('an unquoted section number is answered with "quote section numbers", not a type error', () => {
    const section = validFixture['whitepaper/encryption.mdx']!;
    const { errors } = check({ 'whitepaper/encryption.mdx': section.replace('number: "1.1"', 'number: 1.1') });
    expect(errors).toEqual([
      'whitepaper/encryption.mdx: number: is the number 1.1; quote section numbers ("1.1") so they stay text (unquoted, 4.10 would be read as 4.1) (schema)',
    ]);
  });

  it('other text fields given a number or a yes/no say to quote the value', () => {
    const company = validFixture['company.yaml']!;
    const { errors } = check({ 'company.yaml': company.replace('organisationNumber: "123 456 789"', 'organisationNumber: 123456789') });
    expect(errors).toEqual(['company.yaml: organisationNumber: is the number 123456789, not text; put it in quotes ("123456789") (schema)']);
  });

  it('an unannounced sub-processor comes with an event file that, pasted, announces it', () => {
    const added = `name: Example Mail
purpose: Email
category: communication
locations: [DE]
transferMechanism: none
website: https://mail.example.com
`;
    const { dir, errors } = check({ 'subprocessors/mail.yaml': added });
    expect(errors).toHaveLength(1);
    const [line, ...hint] = errors[0]!.split('\n');
    expect(line).toBe('subprocessors/mail.yaml: (file): no baseline or "added" event in the change log names "mail", so it cannot be on the list (unannounced-subprocessor)');
    expect(hint[0]).toBe(`${HINT_INDENT}announce it: create subprocessor-changes/2026-11-27-mail.md with these lines (without the indent), then adjust the dates and the reason:`);
    const event = hint.slice(1).map((text) => text.slice(HINT_INDENT.length)).join('\n');
    expect(event).toContain('type: added\nsubprocessor: mail\nannounced: 2026-11-27\neffective: 2026-12-27\n---');
    // Pasting it as told leaves the content valid: the notice period (30 days) is honoured.
    writeFileSync(path.join(dir, 'subprocessor-changes/2026-11-27-mail.md'), `${event}\n`);
    expect(validateContent(dir, today, path.dirname(dir)).errors).toEqual([]);
  });

  it('without a baseline, the hint is the baseline that publishes the first list', () => {
    const { errors } = check({ 'subprocessor-changes/2026-01-01-first-list.mdx': null }, (dir) => mkdirSync(path.join(dir, 'subprocessor-changes'), { recursive: true }));
    // (The question citing "cloud" fails too: without an event it is not on the list.)
    const unannounced = errors.find((text) => text.startsWith('subprocessors/cloud.yaml'));
    expect(unannounced?.split('\n').map((text) => text.trimEnd())).toEqual([
      'subprocessors/cloud.yaml: (file): no baseline or "added" event in the change log names "cloud", so it cannot be on the list (unannounced-subprocessor)',
      `${HINT_INDENT}the change log has no baseline yet: create subprocessor-changes/2026-11-27-published-list.md with these lines (without the indent):`,
      `${HINT_INDENT}---`,
      `${HINT_INDENT}type: baseline`,
      `${HINT_INDENT}subprocessors:`,
      `${HINT_INDENT}  - cloud`,
      `${HINT_INDENT}announced: 2026-11-27`,
      `${HINT_INDENT}effective: 2026-11-27`,
      `${HINT_INDENT}---`,
      '',
      `${HINT_INDENT}The sub-processor list as first published.`,
    ]);
  });
});
