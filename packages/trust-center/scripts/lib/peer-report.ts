// Pure pieces of the side-by-side benchmark (npm run bench -- --peer): medians, ratios and the tables
// it prints. Ratios are ours / Starlight's: below 1.00 we are faster (or leaner).
import { formatBytes, markdownTable } from './bench-report.ts';

export type Site = 'ours' | 'starlight';

/** One measured build of either site. */
export interface PeerBuild {
  site: Site;
  /** Extra pages on top of today's content: 0, 1,000, 5,000. */
  extra: number;
  /** Its place in the run, from 1: builds alternate between the sites. */
  order: number;
  seconds: number;
  cpuSeconds: number;
  /** The largest process's peak memory (VmHWM), bytes. */
  peakProcessBytes: number;
  /** The whole process tree's peak memory (PSS), bytes. */
  peakTreeBytes: number;
  /** HTML files in dist/. */
  pages: number;
  /** Our PDF step's wall time, from the build's log; Starlight has none. */
  pdfSeconds?: number;
  /** CPU seconds by process kind (scripts/lib/measure.ts: node, Chromium <type>, pagefind_extended, …). */
  cpuByKind?: Record<string, number>;
  /** /proc/loadavg's 1-, 5- and 15-minute averages just before and just after the build. */
  loadBefore: string;
  loadAfter: string;
}

/**
 * A build's CPU seconds by what used them: Chromium's processes (our PDFs and social images),
 * Pagefind's, and the rest (Node: Astro and the engine, with esbuild and git). NaN each when the
 * build has no breakdown.
 */
export function cpuShares(cpuByKind: Record<string, number> | undefined): { chromium: number; pagefind: number; rest: number } {
  if (!cpuByKind) return { chromium: Number.NaN, pagefind: Number.NaN, rest: Number.NaN };
  const shares = { chromium: 0, pagefind: 0, rest: 0 };
  for (const [kind, used] of Object.entries(cpuByKind)) {
    if (kind.startsWith('Chromium')) shares.chromium += used;
    else if (kind.startsWith('pagefind')) shares.pagefind += used;
    else shares.rest += used;
  }
  return shares;
}

/** The median: the middle value, or the mean of the two middle ones; NaN for none. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * "2.21×" for ours / theirs; "–" when either is missing or not positive (a cost per extra page comes
 * out negative when the machine was busier during the smaller build: noise, not a ratio).
 */
export function ratio(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || ours <= 0 || theirs <= 0) return '–';
  return `${(ours / theirs).toFixed(2)}×`;
}

/** The load averages (first three fields) of a /proc/loadavg line: "1.52 0.98 0.61". */
export function loadAverages(procLoadavg: string): string {
  return procLoadavg.trim().split(/\s+/).slice(0, 3).join(' ');
}

/** "+1,000" for 1000 extra pages, "today's content" for none. */
export function sizeLabel(extra: number): string {
  return extra === 0 ? "today's content" : `+${extra.toLocaleString('en-US')} pages`;
}

const seconds = (s: number) => (Number.isFinite(s) ? `${s.toFixed(1)} s` : '–');
const mib = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1_048_576).toLocaleString('en-US')} MiB` : '–');

/** A figure of both sites and its ratio: "5.6 s / 15.0 s / 2.68×" (Starlight / ours / ratio). */
function pair(format: (n: number) => string, theirs: number, ours: number): string {
  return `${format(theirs)} / ${format(ours)} / ${ratio(ours, theirs)}`;
}

/** The medians of one site at one size. */
function medians(builds: PeerBuild[], site: Site, extra: number) {
  const mine = builds.filter((b) => b.site === site && b.extra === extra);
  const pick = (f: (b: PeerBuild) => number | undefined) => median(mine.map(f).filter((v): v is number => v !== undefined));
  return {
    count: mine.length,
    seconds: pick((b) => b.seconds),
    withoutPdfs: pick((b) => (b.pdfSeconds === undefined ? b.seconds : b.seconds - b.pdfSeconds)),
    cpuSeconds: pick((b) => b.cpuSeconds),
    withoutChromium: pick((b) => b.cpuSeconds - (cpuShares(b.cpuByKind).chromium || 0)),
    peakProcessBytes: pick((b) => b.peakProcessBytes),
    peakTreeBytes: pick((b) => b.peakTreeBytes),
    pages: pick((b) => b.pages),
  };
}

/** The sizes measured, in order. */
function sizes(builds: PeerBuild[]): number[] {
  return [...new Set(builds.map((b) => b.extra))].sort((a, b) => a - b);
}

/**
 * The summary table: per size, the medians of each site (the count says how many builds each
 * median is of) and the ratios; then, per larger size, the cost of one extra page (the difference to
 * today's content over the number of extra pages), wall and CPU.
 */
export function peerSummaryTable(builds: PeerBuild[]): string {
  const rows = sizes(builds).map((extra) => {
    const s = medians(builds, 'starlight', extra);
    const o = medians(builds, 'ours', extra);
    const count = s.count === o.count ? `${o.count} each` : `${s.count} / ${o.count}`;
    return [
      sizeLabel(extra),
      count,
      pair(seconds, s.seconds, o.seconds),
      pair(seconds, s.seconds, o.withoutPdfs),
      pair(seconds, s.cpuSeconds, o.cpuSeconds),
      pair(seconds, s.withoutChromium, o.withoutChromium),
      pair(mib, s.peakProcessBytes, o.peakProcessBytes),
      pair(mib, s.peakTreeBytes, o.peakTreeBytes),
      `${s.pages} / ${o.pages}`,
    ];
  });
  const base = sizes(builds)[0] === 0 ? { s: medians(builds, 'starlight', 0), o: medians(builds, 'ours', 0) } : undefined;
  if (base) {
    for (const extra of sizes(builds).filter((n) => n > 0)) {
      const s = medians(builds, 'starlight', extra);
      const o = medians(builds, 'ours', extra);
      const per = (a: number, b: number) => ((b - a) * 1000) / extra;
      const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '–');
      rows.push([
        `cost per extra page at ${sizeLabel(extra)}`,
        '',
        pair(ms, per(base.s.seconds, s.seconds), per(base.o.seconds, o.seconds)),
        pair(ms, per(base.s.withoutPdfs, s.withoutPdfs), per(base.o.withoutPdfs, o.withoutPdfs)),
        pair(ms, per(base.s.cpuSeconds, s.cpuSeconds), per(base.o.cpuSeconds, o.cpuSeconds)),
        pair(ms, per(base.s.withoutChromium, s.withoutChromium), per(base.o.withoutChromium, o.withoutChromium)),
        '',
        '',
        '',
      ]);
    }
  }
  return markdownTable(
    [
      'size',
      'builds (median of)',
      'wall time: Starlight / ours / ratio',
      'wall time without our PDF step (computed)',
      'CPU time, whole tree',
      'CPU time without Chromium (measured per process)',
      'peak memory, largest process',
      'peak memory, whole tree (PSS)',
      'pages (HTML): Starlight / ours',
    ],
    rows,
  );
}

/** Every build in the order it ran, with the load averages around it. */
export function peerBuildsTable(builds: PeerBuild[]): string {
  return markdownTable(
    ['#', 'size', 'site', 'wall', 'of which PDFs', 'CPU', 'CPU: Chromium / Pagefind / rest', 'largest process', 'whole tree', 'pages', 'load before', 'load after'],
    [...builds]
      .sort((a, b) => a.order - b.order)
      .map((b) => [
        String(b.order),
        sizeLabel(b.extra),
        b.site === 'ours' ? 'ours' : 'Starlight',
        seconds(b.seconds),
        b.pdfSeconds === undefined ? '–' : seconds(b.pdfSeconds),
        seconds(b.cpuSeconds),
        (({ chromium, pagefind, rest }) => [chromium, pagefind, rest].map(seconds).join(' / '))(cpuShares(b.cpuByKind)),
        mib(b.peakProcessBytes),
        mib(b.peakTreeBytes),
        String(b.pages),
        b.loadBefore,
        b.loadAfter,
      ]),
  );
}

/** The first-query figure of one site, or why there is none. */
export function firstQueryLine(site: Site, word: string, result: { bytes: number; files: number } | string): string {
  const name = site === 'ours' ? 'ours' : 'Starlight';
  return typeof result === 'string' ? `${name}: ${result}` : `${name}: ${formatBytes(result.bytes)} in ${result.files} files for “${word}”`;
}

/** Which sizes ran fewer builds than today's (medians of one), for the note under the table. */
export function singleBuildSizes(builds: PeerBuild[]): number[] {
  return sizes(builds).filter((extra) => builds.filter((b) => b.extra === extra && b.site === 'ours').length < 2);
}
