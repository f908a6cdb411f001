import { describe, expect, it } from 'vitest';
import { deriveDocumentVersion, versionSources } from '../../src/lib/document-version.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const none = { whitepaperReviewed: [], updates: [], changesAnnounced: [], certificationsSince: [] };

describe('the derived document version', () => {
  it('is the date of the newest content change up to the build date', () => {
    const sources = {
      whitepaperReviewed: [day('2026-03-01'), day('2026-05-02')],
      updates: [day('2026-04-10')],
      changesAnnounced: [day('2026-06-15')],
      certificationsSince: [day('2025-11-30')],
    };
    expect(deriveDocumentVersion(sources, day('2026-11-27'))).toBe('2026-06-15');
    expect(deriveDocumentVersion({ ...sources, certificationsSince: [day('2026-11-27')] }, day('2026-11-27'))).toBe('2026-11-27');
  });

  it('leaves out dates still ahead, and falls back to the build date when the content has none', () => {
    expect(deriveDocumentVersion({ ...none, updates: [day('2026-01-05'), day('2027-01-01')] }, day('2026-11-27'))).toBe('2026-01-05');
    expect(deriveDocumentVersion(none, day('2026-11-27'))).toBe('2026-11-27');
  });

  it('reads the sources from the entries, leaving out draft sections and certifications without a since date', () => {
    const sources = versionSources({
      whitepaper: [{ data: { lastReviewed: day('2026-02-01') } }, { data: { lastReviewed: day('2026-09-01'), draft: true } }],
      updates: [{ data: { date: day('2026-03-01') } }],
      subprocessorChanges: [{ data: { announced: day('2026-04-01') } }],
      certifications: [{ data: { since: day('2026-05-01') } }, { data: {} }],
    });
    expect(sources).toEqual({ whitepaperReviewed: [day('2026-02-01')], updates: [day('2026-03-01')], changesAnnounced: [day('2026-04-01')], certificationsSince: [day('2026-05-01')] });
  });
});
