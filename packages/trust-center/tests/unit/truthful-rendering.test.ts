import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { certificationFacts } from '../../src/lib/certifications/facts.ts';
import type { LoadedEntry } from '../../src/lib/content/read.ts';
import { isoDate } from '../../src/lib/dates.ts';
import { subprocessorsCsv } from '../../src/lib/exports/subprocessors.ts';
import { checkChangeFields } from '../../src/lib/rules/change-fields.ts';
import { checkDocumentOrder } from '../../src/lib/rules/documents.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { currentSubprocessorIds, sinceDates, type ChangeEvent } from '../../src/lib/subprocessors/changes.ts';
import { changeHtml } from '../../src/lib/subprocessors/describe.ts';
import { fieldLabel, fieldValue, retentionText, subprocessorFacts } from '../../src/lib/subprocessors/facts.ts';
import { statusKind, statusOf, statusText, subprocessorStatuses, upcomingText } from '../../src/lib/subprocessors/status.ts';
import type { Certification } from '../../src/schemas/certification.ts';
import type { TrustDocument } from '../../src/schemas/document.ts';
import type { Subprocessor } from '../../src/schemas/subprocessor.ts';
import type { SubprocessorChange } from '../../src/schemas/subprocessor-change.ts';
import type { SubprocessorExport } from '../../src/schemas/subprocessor-export.ts';

const today = new Date('2026-11-27T00:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

function event(id: string, data: Omit<Partial<SubprocessorChange>, 'announced' | 'effective'> & { announced: string; effective: string }): ChangeEvent & { file: string } {
  const { announced, effective, ...rest } = data;
  return { id, file: `content/subprocessor-changes/${id}.mdx`, data: { type: 'added', ...rest, announced: date(announced), effective: date(effective) } as SubprocessorChange };
}

const baseline = event('2026-01-01-list', { type: 'baseline', subprocessors: ['aws', 'clerk', 'mail'], announced: '2026-01-01', effective: '2026-01-01' });
const removeClerk = event('2026-11-20-clerk', { type: 'removed', subprocessor: 'clerk', announced: '2026-11-20', effective: '2026-12-27' });
const updateAws = event('2026-11-01-aws', {
  type: 'updated',
  subprocessor: 'aws',
  announced: '2026-11-01',
  effective: '2026-12-15',
  changes: [{ field: 'transferMechanism', from: 'eu-us-dpf', to: 'none' }],
});
const addAxiom = event('2026-11-10-axiom', { subprocessor: 'axiom', announced: '2026-11-10', effective: '2026-12-20' });
const removeMail = event('2026-06-01-mail', { type: 'removed', subprocessor: 'mail', announced: '2026-06-01', effective: '2026-06-15' });
const log = [baseline, removeClerk, updateAws, addAxiom, removeMail];
const statuses = subprocessorStatuses(log, today);

describe('a sub-processor’s status, from the change log alone', () => {
  it('tells each of current, upcoming removal, upcoming update, upcoming addition, removed and not listed apart', () => {
    const extra = event('2026-02-01-db', { subprocessor: 'db', announced: '2026-01-01', effective: '2026-02-01' });
    const all = subprocessorStatuses([...log, extra], today);
    expect(statusKind(statusOf(all, 'db'))).toBe('current');
    expect(statusKind(statusOf(all, 'clerk'))).toBe('upcoming-removal');
    expect(statusKind(statusOf(all, 'aws'))).toBe('upcoming-update');
    expect(statusKind(statusOf(all, 'axiom'))).toBe('upcoming-addition');
    expect(statusKind(statusOf(all, 'mail'))).toBe('removed');
    expect(statusKind(statusOf(all, 'never-named'))).toBe('not-listed');
  });

  it('words every status with its date', () => {
    expect(statusText(statusOf(statuses, 'clerk'))).toBe('On the current list since 1 January 2026; to be removed on 27 December 2026');
    expect(statusText(statusOf(statuses, 'aws'))).toBe('On the current list since 1 January 2026; to be updated on 15 December 2026');
    expect(statusText(statusOf(statuses, 'axiom'))).toBe('Not on the list yet; to be added on 20 December 2026');
    expect(statusText(statusOf(statuses, 'mail'))).toBe('No longer a sub-processor, since 15 June 2026');
    expect(statusText(statusOf(statuses, 'nobody'))).toBe('Not on the list');
    expect(upcomingText(statusOf(statuses, 'clerk'))).toBe('To be removed on 27 December 2026');
    expect(upcomingText(statusOf(statuses, 'mail'))).toBeUndefined();
  });

  it('follows the days: on its effective day a change is in force', () => {
    const onTheDay = subprocessorStatuses(log, date('2026-12-27'));
    expect(statusText(statusOf(onTheDay, 'clerk'))).toBe('No longer a sub-processor, since 27 December 2026');
    expect(statusText(statusOf(onTheDay, 'axiom'))).toBe('On the current list since 20 December 2026');
    expect(statusText(statusOf(onTheDay, 'aws'))).toBe('On the current list since 1 January 2026');
  });

  it('says the soonest change first when two are ahead', () => {
    const later = event('2027-01-01-aws', { type: 'removed', subprocessor: 'aws', announced: '2026-11-01', effective: '2027-01-01' });
    const status = statusOf(subprocessorStatuses([...log, later], today), 'aws');
    expect(status.upcoming.map((change) => change.type)).toEqual(['updated', 'removed']);
    expect(statusKind(status)).toBe('upcoming-update');
  });

  it('agrees with the list and since-dates the change log yields, on every day of a year', () => {
    const readd = event('2026-09-01-mail', { subprocessor: 'mail', announced: '2026-08-01', effective: '2026-09-01' });
    const events = [...log, readd];
    for (let day = date('2026-01-01'); day < date('2027-01-01'); day = new Date(day.getTime() + 86_400_000)) {
      const derived = subprocessorStatuses(events, day);
      const listed = [...derived].filter(([, status]) => status.listed).map(([id]) => id).sort();
      expect(listed).toEqual([...currentSubprocessorIds(events, day)].sort());
      const since = Object.fromEntries([...sinceDates(events, day)].map(([id, when]) => [id, isoDate(when)]));
      expect(Object.fromEntries(listed.map((id) => [id, isoDate(derived.get(id)!.since!)]))).toEqual(since);
    }
  });
});

const openai: Subprocessor = {
  name: 'OpenAI',
  purpose: 'AI model inference',
  category: 'AI processing',
  dataCategories: ['Prompts'],
  locations: ['US', 'IE'],
  locationNote: 'US-based provider',
  transferMechanism: 'sccs',
  zeroDataRetention: true,
  retentionNote: 'API connections with zero-data-retention configurations',
  website: 'https://openai.com',
  keywords: [],
};

describe('a sub-processor’s fields in words', () => {
  it('states the retention note wherever retention is shown, zero retention first', () => {
    expect(retentionText(openai)).toBe('Zero data retention: API connections with zero-data-retention configurations');
    expect(retentionText({ zeroDataRetention: false, retentionNote: '30 days' })).toBe('30 days');
    expect(retentionText({ zeroDataRetention: true })).toBe('Zero data retention');
    expect(retentionText({ zeroDataRetention: false })).toBe('Not stated');
    expect(subprocessorFacts(openai).find((fact) => fact.label === 'Data retention')?.value).toBe(retentionText(openai));
  });

  it('labels fields and values as the pages do', () => {
    expect(fieldLabel('transferMechanism')).toBe('Transfer mechanism');
    expect(fieldLabel('locations')).toBe('Processing locations');
    expect(fieldLabel('zeroDataRetention')).toBe('Zero data retention');
    expect(fieldValue('transferMechanism', 'eu-us-dpf')).toBe('EU-US Data Privacy Framework');
    expect(fieldValue('transferMechanism', 'none')).toBe('None needed (inside the EU/EEA)');
    expect(fieldValue('locations', ['US', 'DE'])).toBe('United States, Germany');
    expect(fieldValue('headquarters', 'IE')).toBe('Ireland');
    expect(fieldValue('category', 'infrastructure')).toBe('Infrastructure');
    expect(fieldValue('zeroDataRetention', false)).toBe('No');
    expect(fieldValue('dataCategories', [])).toBe('None');
    expect(fieldValue('dataCategories', ['Names', 'E-mail addresses'])).toBe('Names; E-mail addresses');
  });

  it('gives feed readers the changed fields in words, never schema keys', () => {
    const html = changeHtml(updateAws, new Map(), '<p>Moved.</p>');
    expect(html).toContain('<strong>Transfer mechanism:</strong> EU-US Data Privacy Framework → None needed (inside the EU/EEA)');
    expect(html).not.toContain('transferMechanism');
    expect(html).not.toContain('eu-us-dpf');
  });

  it('writes the same status and retention into the CSV as the pages', () => {
    const row: SubprocessorExport['subprocessors'][number] = {
      ...openai,
      id: 'openai',
      since: '2026-01-01',
      status: 'upcoming-removal',
      upcoming: [{ id: '2026-11-20-openai', type: 'removed', effective: '2026-12-27' }],
      url: 'https://trust.example.com/subprocessors/openai/',
    };
    const [parsed] = parseCsv(subprocessorsCsv([row]), { bom: true, columns: true }) as Record<string, string>[];
    const expected = statusText({ listed: true, since: date('2026-01-01'), upcoming: [{ id: '2026-11-20-openai', type: 'removed', effective: date('2026-12-27') }] });
    expect(parsed).toMatchObject({
      Status: expected,
      'Data retention': retentionText(openai),
      Category: 'AI processing',
      'Processing locations': 'United States; Ireland',
      'Transfer mechanism': 'Standard Contractual Clauses',
      'Zero data retention': 'Yes',
    });
  });
});

describe('a certification’s card', () => {
  const base: Certification = { framework: 'ISO/IEC 27001:2022', kind: 'certification', status: 'certified', order: 1, statement: 'Certified.', evidence: [] };
  const labels = (c: Certification) => certificationFacts(c, true).map((fact) => fact.label);

  it('shows no old target once certified', () => {
    const certified = { ...base, target: date('2026-12-31'), targetLabel: 'H2 2026', since: date('2026-10-01'), validUntil: date('2029-10-01'), auditor: 'Example Audit' };
    expect(labels(certified)).toEqual(['Kind', 'Since', 'Valid until', 'Auditor']);
    expect(certificationFacts(certified, true).map((fact) => fact.value)).not.toContain('H2 2026');
  });

  it('shows the target, not certificate dates, while in progress or planned', () => {
    expect(labels({ ...base, status: 'in-progress', targetLabel: 'H2 2026', since: date('2026-01-01') })).toEqual(['Kind', 'Target']);
    expect(labels({ ...base, status: 'planned', target: date('2027-06-30'), validUntil: date('2030-01-01') })).toEqual(['Kind', 'Target']);
  });

  it('says when an expired certificate expired', () => {
    expect(certificationFacts({ ...base, status: 'expired', validUntil: date('2026-01-31') }, false)).toEqual([
      { label: 'Kind', value: 'Certification' },
      { label: 'Expired on', value: '31 January 2026' },
    ]);
  });
});

describe('rules: document order (duplicate-order) and change fields (unknown-field)', () => {
  const doc = (id: string, order: number): LoadedEntry<TrustDocument> => ({
    id,
    file: 'content/documents.yaml',
    data: { id, title: id, description: 'D.', order, access: 'external', url: 'https://example.com/' },
  });

  it('accepts documents each with its own order', () => {
    expect(checkDocumentOrder([doc('dpa', 2), doc('pack', 1)])).toEqual([]);
  });

  it('refuses two documents with one order', () => {
    expect(checkDocumentOrder([doc('dpa', 1), doc('pack', 2), doc('report', 1)]).map(formatFinding)).toEqual([
      'content/documents.yaml: report.order: 1 is already the order of "dpa"; give each document its own place (duplicate-order)',
    ]);
  });

  it('accepts changes to real fields', () => {
    expect(checkChangeFields([updateAws])).toEqual([]);
  });

  it('refuses a change to a field a sub-processor does not have', () => {
    const typo = event('2026-11-01-aws', { type: 'updated', subprocessor: 'aws', announced: '2026-11-01', effective: '2026-12-15', changes: [{ field: 'transfer', from: 'a', to: 'b' }] });
    expect(checkChangeFields([typo]).map(formatFinding)).toEqual([
      'content/subprocessor-changes/2026-11-01-aws.mdx: changes.0.field: "transfer" is not a sub-processor field (one of: name, legalEntity, headquarters, purpose, category, dataCategories, locations, locationNote, transferMechanism, zeroDataRetention, retentionNote, website, keywords) (unknown-field)',
    ]);
  });
});
