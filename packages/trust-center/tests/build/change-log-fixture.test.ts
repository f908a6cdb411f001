import { existsSync } from 'node:fs';
import path from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';

import { manyChanges } from '../helpers/many-changes.ts';
import { builtFixture } from '../helpers/project-copy.ts';

// A synthetic trust center with a long history, built as of a fixed date, so pagination, ordering
// and upcoming states are exercised; the company's own content keeps only true events.
const { files, events, today } = manyChanges();
const { project, dist } = builtFixture(files, today, 180_000);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('a trust center with a long change log', () => {
  const inForce = (e: { effective: string }) => e.effective <= today;
  const total = events.length + 1; // plus the fixture's baseline event

  it('lists exactly the sub-processors the events in force yield', () => {
    const added = events.filter((e) => e.type === 'added' && inForce(e)).map((e) => e.subprocessor);
    const removed = new Set(events.filter((e) => e.type === 'removed' && inForce(e)).map((e) => e.subprocessor));
    const expected = ['cloud', ...added.filter((id) => !removed.has(id))].sort();
    const json = JSON.parse(dist('subprocessors.json')) as { subprocessors: { id: string }[]; upcomingChanges: { id: string; objectionDeadline?: string }[] };
    expect(json.subprocessors.map((s) => s.id).sort()).toEqual(expected);
    const rows = [...dist('subprocessors/index.html').matchAll(/<th scope="row"[^>]*>\s*<a href="\/subprocessors\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(expected);
  });

  it('shows every upcoming change with its effective date and objection deadline', () => {
    const upcoming = events.filter((e) => !inForce(e));
    expect(upcoming.length).toBeGreaterThan(3);
    const page = text(dist('subprocessors/index.html'));
    const json = JSON.parse(dist('subprocessors.json')) as { upcomingChanges: { id: string; objectionDeadline?: string }[] };
    expect(json.upcomingChanges.map((c) => c.id).sort()).toEqual(upcoming.map((e) => e.id).sort());
    for (const event of upcoming) {
      const effective = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${event.effective}T00:00:00Z`));
      expect(page).toContain(`Upcoming, effective ${effective}`);
      const listed = json.upcomingChanges.find((c) => c.id === event.id);
      if (event.type === 'removed') expect(listed?.objectionDeadline).toBeUndefined();
      else expect(listed?.objectionDeadline).toBe(new Date(Date.parse(`${event.effective}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('paginates the log newest first, 20 to a page, with a permalink per event', () => {
    const pages = Math.ceil(total / 20);
    expect(pages).toBeGreaterThan(1);
    const linked: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const html = dist(n === 1 ? 'subprocessors/changes/index.html' : `subprocessors/changes/${n}/index.html`);
      linked.push(...[...html.matchAll(/<h2 id="change-([^"]+)"/g)].map((m) => m[1]!));
    }
    expect(existsSync(path.join(project, 'dist/subprocessors/changes', String(pages + 1)))).toBe(false);
    const byAnnouncement = [...events].sort((a, b) => b.announced.localeCompare(a.announced) || b.effective.localeCompare(a.effective) || b.id.localeCompare(a.id));
    expect(linked).toEqual([...byAnnouncement.map((e) => e.id), '2026-01-01-first-list']);
    for (const id of linked) expect(existsSync(path.join(project, 'dist/subprocessors/changes', id, 'index.html'))).toBe(true);
  });

  it('puts every event in the feed, and a removed sub-processor keeps its page and history', async () => {
    const feed = await extractFromXml(dist('subprocessors/changes/feed.xml'));
    expect(feed.entries).toHaveLength(total);
    const removedPage = text(dist('subprocessors/sp-01/index.html'));
    expect(removedPage).toContain('No longer a sub-processor');
    expect(removedPage).toContain('Removed: Provider 01');
    expect(removedPage).toContain('Added: Provider 01');
  });
});
