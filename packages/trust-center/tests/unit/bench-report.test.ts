import { describe, expect, it } from 'vitest';
import { clockTime, cpuBetween, durationMs, formatBytes, growthBeyondLinear, markdownTable, parseBuildLog, routeTemplate, routeTimes } from '../../scripts/lib/bench-report.ts';

// Trimmed from a real `astro build` with NO_COLOR=1.
const log = `13:46:14 [content-rules] content checked as of 2026-11-27: no errors, 0 warning(s)
13:46:29 [build] Rearranging server assets...

 generating static routes 
13:46:29   ├─ /faq/index.html (+1.09s) 
13:46:29   ├─ /subprocessors/aws/index.html (+88ms) 
13:46:29   ├─ /subprocessors/aws-2/index.html (+4ms) 
13:46:29   ├─ /subprocessors/changes/2/index.html (+9ms) 
13:46:29   ├─ /subprocessors/changes/2026-01-01-added-aws-2-1/index.html (+12ms) 
13:46:29   ├─ /subprocessors/changes/index.html (+15ms) 
13:46:29   └─ /index.html (+10ms) 
13:49:08 ✓ Completed in 1m 3s.

13:49:09 [build] ✓ Completed in 1m 24s.
13:46:47 [pdf-documents] documents/whitepaper.pdf: 49 pages, 395240 bytes (395 kB), 7.6 s, 2 renderings
13:49:56 [WARN] [pdf-documents] documents/faq.pdf: 472 pages, 3354986 bytes (3.4 MB), 45.2 s, 2 renderings: over the 1 MB budget
13:47:13 [pdf-documents] 2 PDFs in 52.9 s; page count and size written next to 11 PDF link(s); print routes removed
`;

describe('reading a build log', () => {
  it('finds the PDFs, the render step and the time of each route', () => {
    const parsed = parseBuildLog(log);
    expect(parsed.pdfs).toEqual([
      { file: 'documents/whitepaper.pdf', pages: 49, bytes: 395240, seconds: 7.6, at: '13:46:47' },
      { file: 'documents/faq.pdf', pages: 472, bytes: 3354986, seconds: 45.2, at: '13:49:56' },
    ]);
    expect(parsed.pdfSeconds).toBe(52.9);
    expect(parsed.pdfAt).toBe('13:47:13');
    expect(parsed.renderSeconds).toBe(63);
    expect(parsed.routes).toHaveLength(7);
    expect(parsed.routes[0]).toEqual({ route: '/faq/index.html', ms: 1090 });
  });

  it('leaves out what the log does not have, and ignores colours', () => {
    expect(parseBuildLog('\u001b[32mnothing\u001b[39m')).toEqual({ pdfs: [], routes: [] });
  });

  it('reads durations as Astro prints them', () => {
    expect(durationMs('870ms')).toBe(870);
    expect(durationMs('1.02s')).toBe(1020);
    expect(durationMs('1m 3s')).toBe(63_000);
  });
});

describe('route templates', () => {
  it('groups pages by the route that made them', () => {
    expect(routeTemplate('/subprocessors/aws-2/index.html')).toBe('/subprocessors/[id]/');
    expect(routeTemplate('/subprocessors/changes/index.html')).toBe('/subprocessors/changes/');
    expect(routeTemplate('/subprocessors/changes/3/index.html')).toBe('/subprocessors/changes/[page]/');
    expect(routeTemplate('/subprocessors/changes/2026-01-01-added-x/index.html')).toBe('/subprocessors/changes/[id]/');
    expect(routeTemplate('/updates/2/index.html')).toBe('/updates/[page]/');
    expect(routeTemplate('/updates/2026-01-01-soc-2/index.html')).toBe('/updates/[id]/');
    expect(routeTemplate('/updates/2026-hello/index.html')).toBe('/updates/[id]/');
    expect(routeTemplate('/subprocessors/changes/feed.xml')).toBe('/subprocessors/changes/feed.xml');
    expect(routeTemplate('/index.html')).toBe('/');
  });

  it('sums time per template, slowest first', () => {
    const times = routeTimes(parseBuildLog(log).routes);
    expect(times[0]).toEqual({ template: '/faq/', pages: 1, ms: 1090, perPage: 1090 });
    expect(times.find((t) => t.template === '/subprocessors/[id]/')).toEqual({ template: '/subprocessors/[id]/', pages: 2, ms: 92, perPage: 46 });
  });
});

describe('CPU time of a step', () => {
  it('reads a log clock time on the day of the build, or the next day after midnight', () => {
    const start = new Date(2026, 10, 27, 23, 59, 0);
    expect(new Date(clockTime('23:59:30', start)).getDate()).toBe(27);
    expect(new Date(clockTime('00:00:10', start)).getDate()).toBe(28);
  });

  it('interpolates cumulative CPU between samples', () => {
    const timeline: [number, number][] = [[0, 0], [1000, 2], [2000, 2], [3000, 5]];
    expect(cpuBetween(timeline, 500, 2500)).toBe(2.5);
    expect(cpuBetween(timeline, -100, 5000)).toBe(5);
    expect(cpuBetween([], 0, 10)).toBe(0);
  });
});

describe('report helpers', () => {
  it('formats bytes, tables and growth', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(5_432)).toBe('5.4 kB');
    expect(formatBytes(395_240)).toBe('395 kB');
    expect(formatBytes(3_354_986)).toBe('3.4 MB');
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
    expect(growthBeyondLinear(10, 100, 1, 10)).toBe(1);
    expect(growthBeyondLinear(10, 400, 1, 10)).toBe(4);
  });
});
