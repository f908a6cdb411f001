import { describe, expect, it } from 'vitest';
import { atAGlance, glanceDate, isCryptographyControl, type AtAGlanceInput } from '../../src/lib/overview/at-a-glance.ts';
import type { ChangeEvent } from '../../src/lib/subprocessors/changes.ts';
import type { Certification } from '../../src/schemas/certification.ts';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = date('2026-11-27');
const cert = (data: Partial<Certification>): Certification => ({ framework: 'ISO/IEC 27001:2022', kind: 'certification', status: 'in-progress', order: 1, statement: 'Started.', evidence: [], ...data });
const change = (id: string, type: 'baseline' | 'added' | 'removed', effective: string, extra: object = {}): ChangeEvent => ({
  id,
  data: { type, announced: date('2026-01-01'), effective: date(effective), ...extra } as ChangeEvent['data'],
});
const hostingRegion = { provider: 'Hetzner', region: 'Falkenstein', country: 'DE' };
const input = (over: Partial<AtAGlanceInput> = {}): AtAGlanceInput => ({
  company: { hostingRegion },
  certifications: [],
  controls: [],
  current: [],
  changes: [],
  lastUpdated: date('2026-11-20'),
  today,
  ...over,
});

describe('a certification’s date in the band', () => {
  it('is the target while the status looks ahead, preferring its label', () => {
    expect(glanceDate(cert({ status: 'in-progress', target: date('2027-06-30') }))).toEqual({ field: 'target', value: date('2027-06-30') });
    expect(glanceDate(cert({ status: 'planned', target: date('2027-06-30'), targetLabel: 'H1 2027' }))).toEqual({ field: 'target', value: 'H1 2027' });
    expect(glanceDate(cert({ status: 'under-evaluation' }))).toBeUndefined();
  });

  it('is the end of validity once reached, else the start; never a field the status leaves behind', () => {
    expect(glanceDate(cert({ status: 'certified', since: date('2026-01-10'), validUntil: date('2029-01-09') }))).toEqual({ field: 'validUntil', value: date('2029-01-09') });
    expect(glanceDate(cert({ status: 'compliant', since: date('2018-05-25') }))).toEqual({ field: 'since', value: date('2018-05-25') });
    // A certified framework's old target is not its date.
    expect(glanceDate(cert({ status: 'certified', target: date('2025-12-31'), since: date('2026-01-10') }))).toEqual({ field: 'since', value: date('2026-01-10') });
    expect(glanceDate(cert({ status: 'aligned', validUntil: date('2029-01-09') }))).toBeUndefined();
  });
});

describe('the encryption fact', () => {
  it('comes from controls mapped to a cryptography requirement that carry a key fact, in their order', () => {
    expect(isCryptographyControl({ frameworks: { iso27001: ['8.24'] } })).toBe(true);
    expect(isCryptographyControl({ frameworks: { ccm: ['IAM-14', 'CEK-03'] } })).toBe(true);
    expect(isCryptographyControl({ frameworks: { iso27001: ['8.5'], soc2: ['CC6.1'] } })).toBe(false);
    expect(isCryptographyControl({})).toBe(false);
    const glance = atAGlance(
      input({
        controls: [
          { data: { section: 'keys', frameworks: { ccm: ['CEK-03'] }, keyFact: { label: 'Encryption at rest', value: 'AES-256' } } },
          { data: { section: 'access', frameworks: { ccm: ['IAM-14'] }, keyFact: { label: 'MFA', value: 'Required' } } },
          { data: { section: 'keys', frameworks: { iso27001: ['8.24'] } } },
          { data: { section: 'transport', frameworks: { iso27001: ['8.24'] }, keyFact: { label: 'In transit', value: 'TLS 1.3' } } },
        ],
      }),
    );
    expect(glance.encryption).toEqual([
      { label: 'Encryption at rest', value: 'AES-256', section: 'keys' },
      { label: 'In transit', value: 'TLS 1.3', section: 'transport' },
    ]);
  });

  it('is empty when no such control states one (the band then leaves it out)', () => {
    expect(atAGlance(input({ controls: [{ data: { section: 'access', keyFact: { label: 'MFA', value: 'Required' } } }] })).encryption).toEqual([]);
  });
});

describe('the band', () => {
  it('lists the countries of today’s sub-processors, most used first, each sub-processor counted once', () => {
    const current = [{ data: { locations: ['US', 'IE'] } }, { data: { locations: ['DE', 'DE'] } }, { data: { locations: ['US'] } }, { data: { locations: ['IE'] } }];
    expect(atAGlance(input({ current })).processingCountries).toEqual(['IE', 'US', 'DE']);
    expect(atAGlance(input()).processingCountries).toEqual([]);
  });

  it('names the change that takes effect next, not the one announced last, and none when nothing lies ahead', () => {
    const changes = [
      change('baseline', 'baseline', '2026-01-01', { subprocessors: ['a'] }),
      change('later', 'added', '2027-02-01', { subprocessor: 'c' }),
      change('sooner', 'removed', '2026-12-15', { subprocessor: 'a' }),
      change('today', 'added', '2026-11-27', { subprocessor: 'b' }),
    ];
    expect(atAGlance(input({ changes })).nextChange?.id).toBe('sooner');
    expect('nextChange' in atAGlance(input({ changes: changes.slice(0, 1).concat(changes[3]!) }))).toBe(false);
  });

  it('keeps every certification in order with its date, and the hosting region and last update as given', () => {
    const glance = atAGlance(
      input({
        certifications: [
          { id: 'gdpr', data: cert({ framework: 'GDPR', status: 'compliant', since: date('2018-05-25') }) },
          { id: 'soc-2', data: cert({ framework: 'SOC 2', status: 'planned' }) },
        ],
      }),
    );
    expect(glance.certifications).toEqual([
      { id: 'gdpr', framework: 'GDPR', status: 'compliant', date: { field: 'since', value: date('2018-05-25') } },
      { id: 'soc-2', framework: 'SOC 2', status: 'planned' },
    ]);
    expect(glance.hosting).toBe(hostingRegion);
    expect(glance.lastUpdated).toEqual(date('2026-11-20'));
  });
});
