import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HISTORY_LOCK } from '../../../src/lib/content/published-history.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { validFixture, writeFixture } from '../../helpers/fixture-content.ts';
import type { BadContentCase } from './case.ts';

const f = validFixture;
const fix = (name: string) => f[name]!;
const buildDay = new Date('2026-11-27T00:00:00Z');

/** The lock a successful build of the fixture with `changes` wrote: the history as it was published. */
function publishedLock(changes: Record<string, string | null>): string {
  const dir = writeFixture(changes, mkdtempSync(path.join(tmpdir(), 'published-')));
  try {
    const checked = validateContent(dir, buildDay, dir);
    if (!checked.recordPublished) throw new Error(`the published fixture is invalid: ${checked.errors.join('; ')}`);
    checked.recordPublished(buildDay);
    return readFileSync(path.join(dir, HISTORY_LOCK), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const publishedAs = (changes: Record<string, string | null>) => (contentDir: string) => writeFileSync(path.join(contentDir, HISTORY_LOCK), publishedLock(changes));

const mail = 'name: Example Mail\npurpose: Email delivery\ncategory: email delivery\nlocations: [DE]\ntransferMechanism: none\nwebsite: https://mail.example.com\n';
const baselineWithMail = fix('subprocessor-changes/2026-01-01-first-list.mdx').replace('subprocessors: [cloud]', 'subprocessors: [cloud, mail]');
const mailAdded = '---\ntype: added\nsubprocessor: mail\nannounced: 2026-02-01\neffective: 2026-03-05\n---\n\nEmail delivery moves to Example Mail.\n';
const mailRemoved = '---\ntype: removed\nsubprocessor: mail\nannounced: 2026-05-01\neffective: 2026-06-01\n---\n\nEmail delivery moves in-house.\n';

/** The site must not contradict itself or rewrite what it published: one row per truth rule. */
export const cases: BadContentCase[] = [
  {
    name: 'a published change event edited afterwards',
    changes: { 'subprocessor-changes/2026-01-01-first-list.mdx': fix('subprocessor-changes/2026-01-01-first-list.mdx').replace('The first published list.', 'The list.') },
    setup: publishedAs({}),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.mdx: (event): was published on 2026-01-01 and has since been edited; published history cannot change, add a new event instead (published-history)',
  },
  {
    name: "a sub-processor's file and its name in the published baseline deleted",
    changes: {},
    setup: publishedAs({ 'subprocessors/mail.yaml': mail, 'subprocessor-changes/2026-01-01-first-list.mdx': baselineWithMail }),
    line: 'broken/subprocessor-changes/2026-01-01-first-list.mdx: (event): was published on 2026-01-01 and has since been edited; published history cannot change, add a new event instead (published-history)',
  },
  {
    name: 'a published change event deleted',
    changes: {},
    setup: publishedAs({ 'subprocessors/mail.yaml': mail, 'subprocessor-changes/2026-02-01-mail.mdx': mailAdded }),
    line: 'broken/subprocessor-changes/2026-02-01-mail: (event): was published on 2026-02-01 and has since been deleted (no 2026-02-01-mail.md or 2026-02-01-mail.mdx); published history cannot change, restore it and add a new event instead (published-history)',
  },
  {
    name: 'an answer that lists a sub-processor removed from the list',
    changes: {
      'subprocessors/mail.yaml': mail,
      'subprocessor-changes/2026-02-01-mail.mdx': mailAdded,
      'subprocessor-changes/2026-05-01-mail.mdx': mailRemoved,
      'faq/where.mdx': fix('faq/where.mdx').replace('subprocessors: [cloud]', 'subprocessors: [cloud, mail]'),
    },
    line: 'broken/faq/where.mdx: subprocessors.1: "mail" was removed from the sub-processor list on 2026-06-01; remove the reference (not-current-subprocessor)',
  },
  {
    name: 'a certified certification that keeps its old target',
    changes: { 'certifications/iso.yaml': fix('certifications/iso.yaml').replace('status: in-progress', 'status: certified\nvalidUntil: 2029-10-31') },
    line: 'broken/certifications/iso.yaml: target: is set while status is "certified"; a target belongs to work not yet done, remove it (certification-status)',
  },
  {
    name: 'a planned certification with a certificate date',
    changes: { 'certifications/iso.yaml': fix('certifications/iso.yaml').replace('status: in-progress', 'status: planned\nvalidUntil: 2029-10-31') },
    line: 'broken/certifications/iso.yaml: validUntil: is set while status is "planned"; only a framework that is "certified", "expired" or "compliant" has a valid-until date, remove it (certification-status)',
  },
  {
    name: 'two sub-processors with one display name',
    changes: {
      'subprocessors/mirror.yaml': fix('subprocessors/cloud.yaml').replace('name: Example Cloud', 'name: "example  CLOUD"'),
      'subprocessor-changes/2026-01-01-first-list.mdx': fix('subprocessor-changes/2026-01-01-first-list.mdx').replace('[cloud]', '[cloud, mirror]'),
    },
    line: 'broken/subprocessors/mirror.yaml: name: "example  CLOUD" is also the name of broken/subprocessors/cloud.yaml; give each sub-processor its own name (duplicate-name)',
  },
  {
    name: 'two questions at one FAQ position',
    changes: { 'faq/why.mdx': fix('faq/where.mdx').replace('Where is my data?', 'Why Frankfurt?') },
    line: 'broken/faq/why.mdx: order: 1 is also the order of broken/faq/where.mdx; give each question its own position (duplicate-order)',
  },
];
