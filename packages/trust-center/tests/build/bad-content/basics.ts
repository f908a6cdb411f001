import { validFixture } from '../../helpers/fixture-content.ts';
import type { BadContentCase } from './case.ts';

const f = validFixture;
const fix = (name: string) => f[name]!;

/** Each broken input, the change that breaks it, and the one line the build must print. */
export const cases: BadContentCase[] = [
  {
    name: 'a missing required field',
    changes: { 'subprocessors/cloud.yaml': fix('subprocessors/cloud.yaml').replace(/^purpose: .*\n/m, '') },
    line: 'broken/subprocessors/cloud.yaml: purpose: is required but missing (schema)',
  },
  {
    name: 'a wrong date',
    changes: { 'certifications/iso.yaml': fix('certifications/iso.yaml').replace('2026-12-31', '2026-31-12') },
    line: 'broken/certifications/iso.yaml: target: 2026-31-12 is not a calendar date (there is no month 31; months run from 01 to 12) (schema)',
  },
  {
    name: 'an unknown reference',
    changes: { 'faq/where.mdx': fix('faq/where.mdx').replace('sections: [overview]', 'sections: [overview, pricing]') },
    line: 'broken/faq/where.mdx: sections.1: "pricing" is not a whitepaper section (unknown-reference)',
    next: '    valid whitepaper sections, closest first: overview, encryption',
  },
  {
    name: 'a misspelt reference',
    changes: { 'faq/where.mdx': fix('faq/where.mdx').replace('sections: [overview]', 'sections: [overveiw]') },
    line: 'broken/faq/where.mdx: sections.0: "overveiw" is not a whitepaper section; did you mean "overview"? (unknown-reference)',
  },
  {
    name: 'a news item named only with digits (its address would be a page of the news archive)',
    changes: { 'updates/2026-01-01-hello.mdx': null, 'updates/2.mdx': fix('updates/2026-01-01-hello.mdx') },
    line: 'broken/updates/2.mdx: (file name): "2" would clash with the news archive\'s page numbers; start it with a date and a word (reserved-id)',
  },
  {
    name: 'an unquoted section number',
    changes: { 'whitepaper/encryption.mdx': fix('whitepaper/encryption.mdx').replace('number: "1.1"', 'number: 1.1') },
    line: 'broken/whitepaper/encryption.mdx: number: is the number 1.1; quote section numbers ("1.1") so they stay text (unquoted, 4.10 would be read as 4.1) (schema)',
  },
  {
    name: 'a sub-processor file no change event announces',
    changes: { 'subprocessors/mail.yaml': fix('subprocessors/cloud.yaml').replace('name: Example Cloud', 'name: Example Mail') },
    line: 'broken/subprocessors/mail.yaml: (file): no baseline or "added" event in the change log names "mail", so it cannot be on the list (unannounced-subprocessor)',
    next: '    announce it: create broken/subprocessor-changes/2026-11-27-mail.md with these lines (without the indent), then adjust the dates and the reason:',
  },
  {
    name: 'a duplicate id',
    changes: { 'controls.yaml': fix('controls.yaml') + fix('controls.yaml') },
    line: 'broken/controls.yaml: tls.id: "tls" is used by more than one entry (duplicate-id)',
  },
  {
    name: 'a framework id that does not exist (ISO/IEC 27001:2013 numbering)',
    changes: { 'controls.yaml': `${fix('controls.yaml')}  frameworks:\n    iso27001: ["8.24", "A.10.1.1"]\n` },
    line: 'broken/controls.yaml: tls.frameworks.iso27001.1: "A.10.1.1" is not an ISO/IEC 27001:2022 Annex A control (unknown-framework-id)',
  },
  {
    name: 'an unquoted framework id (YAML reads 8.10 as the number 8.1)',
    changes: { 'controls.yaml': `${fix('controls.yaml')}  frameworks:\n    iso27001: [8.10]\n` },
    line: 'broken/controls.yaml: tls.frameworks.iso27001.0: is the number 8.1; quote framework ids ("8.1") so they stay text (unquoted, 8.10 would be read as 8.1) (schema)',
  },
  {
    name: 'malformed YAML',
    changes: { 'company.yaml': fix('company.yaml').replace('name: Example', 'name: Example: Inc') },
    line: 'broken/company.yaml: line 1: invalid YAML: Nested mappings are not allowed in compact mappings (yaml-syntax)',
  },
  {
    name: 'malformed MDX',
    changes: { 'whitepaper/overview.mdx': fix('whitepaper/overview.mdx').replace('Example makes software.', 'Example makes {software.') },
    line: 'broken/whitepaper/overview.mdx: line 8: invalid MDX: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-syntax)',
  },
  {
    name: 'a missing security contact (security.txt needs it)',
    changes: { 'company.yaml': fix('company.yaml').replace(/^  security: .*\n/m, '') },
    line: 'broken/company.yaml: contacts.security: is required but missing (schema)',
  },
  {
    name: 'an unknown key',
    changes: { 'company.yaml': `${fix('company.yaml')}website: https://example.com\n` },
    line: 'broken/company.yaml: website: is not a field of this schema (check its spelling) (schema)',
  },
  {
    name: 'a notice period broken: an addition announced 10 days ahead',
    changes: {
      'subprocessors/mail.yaml': 'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n',
      'subprocessor-changes/2026-12-01-mail.mdx': '---\ntype: added\nsubprocessor: mail\nannounced: 2026-12-01\neffective: 2026-12-11\n---\n\nEmail delivery moves to Example Mail.\n',
    },
    line: "broken/subprocessor-changes/2026-12-01-mail.mdx: effective: 2026-12-11 is 10 days after the announcement on 2026-12-01; an addition needs 30 days' notice (notice-period)",
  },
  {
    name: 'a certification target that has passed while in progress',
    changes: { 'certifications/iso.yaml': fix('certifications/iso.yaml').replace('2026-12-31', '2026-06-30') },
    line: 'broken/certifications/iso.yaml: target: 2026-06-30 has passed while status is "in progress" (stale-certification)',
  },
];
