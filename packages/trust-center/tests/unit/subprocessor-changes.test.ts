import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/lib/dates.ts';
import { formatFinding, type Finding } from '../../src/lib/rules/finding.ts';
import { checkSubprocessorChanges } from '../../src/lib/rules/subprocessor-changes.ts';
import { currentSubprocessorIds, isUpcoming, newestFirst, objectionDeadline, sinceDate, sinceDates, type ChangeEvent } from '../../src/lib/subprocessors/changes.ts';
import type { LoadedEntry } from '../../src/lib/content/read.ts';
import type { Subprocessor } from '../../src/schemas/subprocessor.ts';
import type { SubprocessorChange } from '../../src/schemas/subprocessor-change.ts';

const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const messages = (findings: Finding[]) => findings.map(formatFinding);

function event(id: string, data: Omit<Partial<SubprocessorChange>, 'announced' | 'effective'> & { announced: string; effective: string }): ChangeEvent & { file: string } {
  const { announced, effective, ...rest } = data;
  return { id, file: `content/subprocessor-changes/${id}.mdx`, data: { type: 'added', ...rest, announced: date(announced), effective: date(effective) } as SubprocessorChange };
}

function subprocessor(id: string): LoadedEntry<Subprocessor> {
  return { id, file: `content/subprocessors/${id}.yaml`, data: { name: id } as Subprocessor };
}

const baseline = event('2026-01-01-list', { type: 'baseline', subprocessors: ['aws', 'clerk'], announced: '2026-01-01', effective: '2026-01-01' });
const all = [subprocessor('aws'), subprocessor('clerk'), subprocessor('axiom')];
const addAxiom = event('2026-11-01-axiom', { subprocessor: 'axiom', announced: '2026-11-01', effective: '2026-12-01' });

describe('change-log rules', () => {
  it('accepts a baseline and an addition announced 30 days ahead', () => {
    expect(checkSubprocessorChanges([baseline, addAxiom], all, 30)).toEqual([]);
  });

  it('fails an addition announced 10 days before it takes effect (notice-period)', () => {
    const late = event('2026-11-21-axiom', { subprocessor: 'axiom', announced: '2026-11-21', effective: '2026-12-01' });
    expect(messages(checkSubprocessorChanges([baseline, late], all, 30))).toEqual([
      "content/subprocessor-changes/2026-11-21-axiom.mdx: effective: 2026-12-01 is 10 days after the announcement on 2026-11-21; an addition needs 30 days' notice (notice-period)",
    ]);
  });

  it('fails an effective date before the announcement', () => {
    const removal = event('2026-11-21-clerk', { type: 'removed', subprocessor: 'clerk', announced: '2026-11-21', effective: '2026-11-01' });
    expect(messages(checkSubprocessorChanges([baseline, addAxiom, removal], all, 30))).toEqual([
      'content/subprocessor-changes/2026-11-21-clerk.mdx: effective: 2026-11-01 is before the announcement on 2026-11-21 (effective-before-announced)',
    ]);
  });

  it('fails an event about an unknown sub-processor', () => {
    const unknown = event('2026-11-01-azure', { type: 'removed', subprocessor: 'azure', announced: '2026-11-01', effective: '2026-11-02' });
    expect(messages(checkSubprocessorChanges([baseline, addAxiom, unknown], all, 30))).toEqual([
      'content/subprocessor-changes/2026-11-01-azure.mdx: subprocessor: "azure" is not a sub-processor (unknown-reference)',
      'content/subprocessor-changes/2026-11-01-azure.mdx: subprocessor: "azure" is not on the list on 2026-11-02, so it cannot be removed (change-sequence)',
    ]);
  });

  it('fails a sub-processor file that no event added (unannounced-subprocessor)', () => {
    expect(messages(checkSubprocessorChanges([baseline], all, 30))).toEqual([
      'content/subprocessors/axiom.yaml: (file): no baseline or "added" event in the change log names "axiom", so it cannot be on the list (unannounced-subprocessor)',
    ]);
  });

  it('fails adding what is already listed, and updating what is not', () => {
    const again = event('2026-10-01-aws', { subprocessor: 'aws', announced: '2026-10-01', effective: '2026-11-01' });
    const update = event('2026-10-02-axiom', { type: 'updated', subprocessor: 'axiom', changes: [{ field: 'locations', from: ['US'], to: ['DE'] }], announced: '2026-10-02', effective: '2026-10-02' });
    expect(messages(checkSubprocessorChanges([baseline, addAxiom, again, update], all, 30))).toEqual([
      'content/subprocessor-changes/2026-10-02-axiom.mdx: subprocessor: "axiom" is not on the list on 2026-10-02, so it cannot be updated (change-sequence)',
      'content/subprocessor-changes/2026-10-01-aws.mdx: subprocessor: "aws" is already on the list on 2026-11-01 (change-sequence)',
    ]);
  });

  it('fails an update naming a field sub-processors do not have', () => {
    const update = event('2026-11-02-aws', { type: 'updated', subprocessor: 'aws', changes: [{ field: 'colour', from: 'red', to: 'blue' }], announced: '2026-11-02', effective: '2026-12-02' });
    expect(messages(checkSubprocessorChanges([baseline, addAxiom, update], all, 30))).toEqual([
      'content/subprocessor-changes/2026-11-02-aws.mdx: changes.0.field: "colour" is not a sub-processor field (unknown-reference)',
    ]);
  });

  it('fails a second baseline and ids that clash with routes', () => {
    const second = event('2026-02-01-list', { type: 'baseline', subprocessors: ['axiom'], announced: '2026-02-01', effective: '2026-02-01' });
    const numeric = { ...event('2', { subprocessor: 'axiom', announced: '2026-01-01', effective: '2026-03-01' }) };
    expect(messages(checkSubprocessorChanges([baseline, second], [...all, subprocessor('changes')], 30))).toEqual([
      'content/subprocessors/changes.yaml: (file name): "changes" is reserved for the change log\'s address; rename the file (reserved-id)',
      'content/subprocessor-changes/2026-02-01-list.mdx: type: only one baseline event may exist; content/subprocessor-changes/2026-01-01-list.mdx is the first (duplicate-baseline)',
      'content/subprocessors/changes.yaml: (file): no baseline or "added" event in the change log names "changes", so it cannot be on the list (unannounced-subprocessor)',
    ]);
    expect(messages(checkSubprocessorChanges([baseline, numeric], all, 30))).toContain(
      'content/subprocessor-changes/2.mdx: (file name): "2" would clash with the change log\'s page numbers; start it with a date and a word (reserved-id)',
    );
  });

  it('fails ids that clash with the filtered views and the list\'s pages', () => {
    const reserved = (findings: Finding[]) => messages(findings.filter((finding) => finding.rule === 'reserved-id'));
    expect(reserved(checkSubprocessorChanges([baseline], [...all, subprocessor('category'), subprocessor('location'), subprocessor('transfer'), subprocessor('2'), subprocessor('2fa')], 30))).toEqual([
      'content/subprocessors/category.yaml: (file name): "category" is reserved for the list filtered by category; rename the file (reserved-id)',
      'content/subprocessors/location.yaml: (file name): "location" is reserved for the list filtered by location; rename the file (reserved-id)',
      'content/subprocessors/transfer.yaml: (file name): "transfer" is reserved for the list filtered by transfer; rename the file (reserved-id)',
      'content/subprocessors/2.yaml: (file name): "2" would clash with the list\'s page numbers; start it with a word (reserved-id)',
    ]);
  });
});

describe('the list as of a date', () => {
  const removeClerk = event('2026-12-01-clerk', { type: 'removed', subprocessor: 'clerk', announced: '2026-11-20', effective: '2026-12-10' });
  const events = [baseline, addAxiom, removeClerk];

  it('applies only the events in force', () => {
    expect([...currentSubprocessorIds(events, today)].sort()).toEqual(['aws', 'clerk']);
    expect([...currentSubprocessorIds(events, date('2026-12-01'))].sort()).toEqual(['aws', 'axiom', 'clerk']);
    expect([...currentSubprocessorIds(events, date('2026-12-10'))].sort()).toEqual(['aws', 'axiom']);
  });

  it('marks future changes upcoming until their effective day', () => {
    expect(isUpcoming(addAxiom, date('2026-11-30'))).toBe(true);
    expect(isUpcoming(addAxiom, date('2026-12-01'))).toBe(false);
  });

  it('derives the objection deadline as the day before an addition takes effect', () => {
    expect(isoDate(objectionDeadline(addAxiom)!)).toBe('2026-11-30');
    expect(objectionDeadline(removeClerk)).toBeUndefined();
    expect(objectionDeadline(baseline)).toBeUndefined();
  });

  it('orders the log by announcement, newest first', () => {
    expect(newestFirst(events).map((e) => e.id)).toEqual(['2026-12-01-clerk', '2026-11-01-axiom', '2026-01-01-list']);
  });

  it('knows since when a sub-processor is listed', () => {
    expect(isoDate(sinceDate(events, 'aws', today)!)).toBe('2026-01-01');
    expect(sinceDate(events, 'axiom', today)).toBeUndefined();
  });

  it('knows it for every sub-processor in one pass: a removal ends it, a re-addition starts it again', () => {
    const removeAws = event('2026-03-01-aws-out', { type: 'removed', subprocessor: 'aws', announced: '2026-03-01', effective: '2026-03-15' });
    const readdAws = event('2026-05-01-aws-back', { subprocessor: 'aws', announced: '2026-05-01', effective: '2026-06-01' });
    const since = sinceDates([...events, removeAws, readdAws], today);
    expect(Object.fromEntries([...since].map(([id, when]) => [id, isoDate(when)]))).toEqual({ aws: '2026-06-01', clerk: '2026-01-01' });
  });
});
