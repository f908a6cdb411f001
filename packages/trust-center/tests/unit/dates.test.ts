import { describe, expect, it } from 'vitest';
import { buildDate, daysBetween, isoDate } from '../../src/lib/dates.ts';

describe('dates', () => {
  it('uses BUILD_DATE when set', () => {
    expect(isoDate(buildDate({ BUILD_DATE: '2027-01-15' }))).toBe('2027-01-15');
  });

  it("uses today's UTC date otherwise", () => {
    expect(isoDate(buildDate({}, new Date('2026-11-27T23:30:00Z')))).toBe('2026-11-27');
  });

  it('rejects a BUILD_DATE that is not a date', () => {
    expect(() => buildDate({ BUILD_DATE: 'tomorrow' })).toThrow('BUILD_DATE must be a date written YYYY-MM-DD, got "tomorrow"');
  });

  it('counts calendar days, not hours', () => {
    expect(daysBetween(new Date('2026-11-27T23:00:00Z'), new Date('2026-11-28T01:00:00Z'))).toBe(1);
    expect(daysBetween(new Date('2026-11-28T00:00:00Z'), new Date('2026-11-27T00:00:00Z'))).toBe(-1);
  });
});
