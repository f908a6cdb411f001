import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeLog, copyId, copySectionNumber, generateBenchContent } from '../../scripts/lib/bench-content.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { writeFixture } from '../helpers/fixture-content.ts';

const today = new Date('2026-11-27T00:00:00Z');
// The smallest valid company (tests/helpers/fixture-content.ts) as the template the benchmark multiplies.
const template = writeFixture({});

describe('benchmark content', () => {
  it('numbers copies after the original', () => {
    expect(copyId('aws', 1)).toBe('aws');
    expect(copyId('aws', 3)).toBe('aws-3');
    expect(copySectionNumber('2.1', 1, 12)).toBe('2.1');
    expect(copySectionNumber('2.1', 2, 12)).toBe('14.1');
    expect(copySectionNumber('12', 3, 12)).toBe('36');
  });

  it('writes a change log of the asked length: one baseline, every other sub-processor added, removals and updates', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `sp-${i}`);
    const events = changeLog(ids, 100, today, 30);
    expect(events).toHaveLength(100);
    expect(events.filter((e) => e.type === 'baseline')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'added').map((e) => e.subprocessors[0])).toEqual(ids.slice(40));
    expect(events.filter((e) => e.type === 'removed').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'updated').length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.id)).size).toBe(100);
    // The last announcements are still ahead of their effective date: the log has upcoming changes.
    expect(events.some((e) => Date.parse(e.effective) > today.getTime())).toBe(true);
  });

  it('refuses a change log too short for the sub-processors it must add', () => {
    expect(() => changeLog(['a', 'b', 'c', 'd'], 2, today, 30)).toThrow(/cannot hold/);
  });

  it.each([1, 3])('at %ix passes every content rule of the build', (factor) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-content-'));
    const counts = generateBenchContent(template, dir, factor, today);
    const original = (folder: string) => readdirSync(path.join(template, folder)).length;
    expect(counts).toEqual({
      subprocessors: original('subprocessors') * factor,
      sections: original('whitepaper') * factor,
      faq: original('faq') * factor,
      changes: 10 * factor,
    });
    const { errors } = validateContent(dir, today, dir);
    expect(errors).toEqual([]);
  });
});
