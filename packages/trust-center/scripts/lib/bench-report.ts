// Pure pieces of the benchmark: reading what a build printed, and the table it reports.

/** One PDF as the pdf-documents integration logs it. */
export interface PdfLine {
  file: string;
  pages: number;
  bytes: number;
  seconds: number;
  /** The clock time of the log line (HH:MM:SS), when it is written: the moment the PDF was done. */
  at?: string;
}

/** What one build printed that the benchmark reports. */
export interface BuildLog {
  pdfs: PdfLine[];
  /** All PDFs, from the integration's summary line. */
  pdfSeconds?: number;
  /** The clock time of that summary line (HH:MM:SS): the moment the PDF step ended. */
  pdfAt?: string;
  /** Astro's "generating static routes" step. */
  renderSeconds?: number;
  /** Milliseconds per route, as Astro logs them (`├─ /faq/index.html (+20ms)`). */
  routes: { route: string; ms: number }[];
}

// Astro colours its output unless NO_COLOR is set; strip escapes anyway.
const ANSI = /\u001b\[[0-9;]*m/g;

export function parseBuildLog(output: string): BuildLog {
  const text = output.replace(ANSI, '');
  const pdfs = [...text.matchAll(/^(?:(\d\d:\d\d:\d\d) )?(?:\[WARN\] )?\[pdf-documents\] (documents\/[\w-]+\.pdf): (\d+) pages, (\d+) bytes \([^)]*\), ([\d.]+) s/gm)].map((m) => ({
    file: m[2]!,
    pages: Number(m[3]),
    bytes: Number(m[4]),
    seconds: Number(m[5]),
    ...(m[1] ? { at: m[1] } : {}),
  }));
  const summary = /^(?:(\d\d:\d\d:\d\d) )?\[pdf-documents\] \d+ PDFs in ([\d.]+) s/m.exec(text);
  const pdfSeconds = summary?.[2];
  // The route list ends with "✓ Completed in 1.02s." (or "1m 3s", "870ms") on a line of its own (no [build] tag).
  const routesBlock = /generating static routes([\s\S]*?)✓ Completed in ([^.\n]+(?:\.\d+)?(?:m?s)?)\.?\s*$/m.exec(text);
  const routes = [...(routesBlock?.[1] ?? '').matchAll(/[├└]─ (\S+) \(\+([^)]+)\)/g)].map((m) => ({ route: m[1]!, ms: durationMs(m[2]!) }));
  const renderSeconds = routesBlock ? durationMs(routesBlock[2]!) / 1000 : undefined;
  return {
    pdfs,
    routes,
    ...(pdfSeconds === undefined ? {} : { pdfSeconds: Number(pdfSeconds) }),
    ...(summary?.[1] ? { pdfAt: summary[1] } : {}),
    ...(renderSeconds === undefined ? {} : { renderSeconds }),
  };
}

/** Milliseconds of a duration as Astro prints it: "870ms", "1.02s", "1m 3s". */
export function durationMs(text: string): number {
  let ms = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)(ms|m|s)/g)) ms += Number(value) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
  return ms;
}

/** A route's template: `/subprocessors/aws-2/index.html` → `/subprocessors/[id]/`, by the routes' shapes. */
export function routeTemplate(route: string): string {
  const clean = route.replace(/index\.html$/, '');
  if (/^\/subprocessors\/changes\/\d+\/$/.test(clean)) return '/subprocessors/changes/[page]/';
  if (/^\/subprocessors\/changes\/[^/]+\/$/.test(clean)) return '/subprocessors/changes/[id]/';
  if (/^\/subprocessors\/[^/]+\/$/.test(clean) && clean !== '/subprocessors/changes/') return '/subprocessors/[id]/';
  if (/^\/updates\/\d+\/$/.test(clean)) return '/updates/[page]/';
  if (/^\/updates\/[^/]+\/$/.test(clean)) return '/updates/[id]/';
  return clean;
}

/** Time per route template: total and per page, slowest total first. */
export function routeTimes(routes: { route: string; ms: number }[]): { template: string; pages: number; ms: number; perPage: number }[] {
  const byTemplate = new Map<string, { pages: number; ms: number }>();
  for (const { route, ms } of routes) {
    const key = routeTemplate(route);
    const entry = byTemplate.get(key) ?? { pages: 0, ms: 0 };
    entry.pages += 1;
    entry.ms += ms;
    byTemplate.set(key, entry);
  }
  return [...byTemplate]
    .map(([template, { pages, ms }]) => ({ template, pages, ms, perPage: ms / pages }))
    .sort((a, b) => b.ms - a.ms);
}

/** The epoch milliseconds of a log's local clock time (HH:MM:SS) on the day of `reference`, or the next day when that is closer. */
export function clockTime(hhmmss: string, reference: Date): number {
  const [h, m, sec] = hhmmss.split(':').map(Number);
  const at = new Date(reference);
  at.setHours(h!, m!, sec!, 0);
  return at.getTime() < reference.getTime() - 12 * 3_600_000 ? at.getTime() + 86_400_000 : at.getTime();
}

/** CPU seconds used between two moments, from samples of [epoch ms, cumulative CPU seconds] in time order (linear between samples). */
export function cpuBetween(timeline: [number, number][], from: number, to: number): number {
  const at = (time: number): number => {
    if (timeline.length === 0) return 0;
    if (time <= timeline[0]![0]) return timeline[0]![1];
    for (let i = 1; i < timeline.length; i++) {
      const [t1, c1] = timeline[i]!;
      if (time <= t1) {
        const [t0, c0] = timeline[i - 1]!;
        return c0 + ((c1 - c0) * (time - t0)) / (t1 - t0 || 1);
      }
    }
    return timeline.at(-1)![1];
  };
  return Math.max(0, at(to) - at(from));
}

/** Bytes as the README writes them: 1,234,567 B → "1.2 MB"; below 1 kB in bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A Markdown table: a header row, a separator, one row per entry, cells as given. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** How far a measure grows beyond linear from one size to the next: (b / a) / (sizeB / sizeA). 1 is linear. */
export function growthBeyondLinear(a: number, b: number, sizeA: number, sizeB: number): number {
  return b / a / (sizeB / sizeA);
}
