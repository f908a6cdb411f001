// npm run bench [-- 1 10 100] [--keep]
// npm run bench -- --peer [0 1000 5000] [--rounds=1] [--word=data] [--keep]: side by side with Starlight
// (scripts/lib/bench-peer.ts).
//
// Builds a synthetic trust center at 1x, 10x and 100x today's content (scripts/lib/bench-content.ts)
// in a temporary project copy each, with CONTENT_DIR pointing at the generated folder (the
// project's own content/ is only read), and prints for each: wall time, pages per second, peak
// memory, dist/ size, search-index size, PDF time and sizes; then the time per route template,
// which is where a page that reads a whole collection per page shows up.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import path from 'node:path';
import { generateBenchContent, type BenchCounts } from './lib/bench-content.ts';
import { runPeerBench } from './lib/bench-peer.ts';
import { measure, type BuildRun } from './lib/measure.ts';
import { PAGEFIND_WASM_CACHE } from '../src/integrations/pagefind.ts';
import { clockTime, cpuBetween, formatBytes, growthBeyondLinear, markdownTable, parseBuildLog, routeTimes, type BuildLog } from './lib/bench-report.ts';

// The site being measured: the folder the command runs in.
const root = process.cwd();
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const factors = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
if (factors.length === 0) factors.push(1, 10, 100);

const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const buildDate = today.toISOString().slice(0, 10);
// Inside the project, not the system's temporary folder: with the engine linked from outside both the
// project copy and its workspace, Astro 7.3 cannot build an injected route ("No cached compile metadata
// found for …", the engine's path joined onto the copy's; see tests/helpers/project-copy.ts). Ignored by git.
mkdirSync(path.join(root, '.builds'), { recursive: true });
const work = mkdtempSync(path.join(root, '.builds', 'trust-bench-'));

interface Result {
  factor: number;
  counts: BenchCounts;
  seconds: number;
  cpuSeconds: number;
  cpuByKind: Record<string, number>;
  pages: number;
  peakBuildBytes: number;
  peakTreeBytes: number;
  distBytes: number;
  searchBytes: number | undefined;
  log: BuildLog;
  pdfBytes: { file: string; bytes: number }[];
  /** CPU seconds of the whole PDF step, all processes. */
  pdfCpuSeconds: number;
}

/** A copy of the project without its content: its own caches, the packages linked one by one (as tests/helpers/project-copy.ts). */
function copyProject(dir: string) {
  mkdirSync(dir, { recursive: true });
  // brand/: the logo and favicon files the site's config names.
  for (const entry of ['src', 'public', 'brand', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  // The re-compressed Pagefind wasm is the project's, not the build's: it depends only on the installed
  // Pagefind, is made once per project (about 2 s) and kept like node_modules, so every measured build
  // uses the project's cache, as an author's builds after the first one do.
  const wasmCache = path.join(root, PAGEFIND_WASM_CACHE);
  mkdirSync(wasmCache, { recursive: true });
  mkdirSync(path.join(dir, path.dirname(PAGEFIND_WASM_CACHE)), { recursive: true });
  symlinkSync(wasmCache, path.join(dir, PAGEFIND_WASM_CACHE));
}

function sizeOf(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

function countFiles(dir: string, extension: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith(extension)).length;
}

/** Runs the build (scripts/build.ts) in `dir`, measured: what `npm run build` runs, Astro's build into a temporary folder that then replaces dist/. */
function build(dir: string, contentDir: string, logFile: string): Promise<BuildRun> {
  return measure(process.execPath, [path.join(import.meta.dirname, 'build.ts')], {
    cwd: dir,
    // The cache off: every run measures a clean build, PDFs printed.
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: buildDate, NO_COLOR: '1', FORCE_COLOR: '0', TRUST_CENTER_PDF_CACHE: 'off' },
    logFile,
  });
}

async function run(factor: number): Promise<Result> {
  const contentDir = path.join(work, `content-${factor}x`);
  const project = path.join(work, `project-${factor}x`);
  const counts = generateBenchContent(path.join(root, 'content'), contentDir, factor, today);
  copyProject(project);
  console.log(`\n${factor}x: ${counts.subprocessors} sub-processors, ${counts.sections} whitepaper sections, ${counts.faq} FAQ answers, ${counts.changes} change events; building…`);
  const { output, seconds, peakBuildBytes, peakTreeBytes, cpuSeconds, cpuByKind, timeline, startedAt } = await build(project, contentDir, path.join(work, `build-${factor}x.log`));
  const dist = path.join(project, 'dist');
  const pagefind = path.join(dist, 'pagefind');
  const documents = path.join(dist, 'documents');
  const log = parseBuildLog(output);
  // The CPU time of the PDF step: from its summary line (when it ended, to the second) back by its
  // wall time. Not per PDF: they print side by side.
  const end = log.pdfAt ? clockTime(log.pdfAt, startedAt) + 500 : undefined;
  const pdfCpuSeconds = end !== undefined && log.pdfSeconds !== undefined ? cpuBetween(timeline, end - log.pdfSeconds * 1000, end) : Number.NaN;
  const result: Result = {
    factor,
    counts,
    seconds,
    cpuSeconds,
    cpuByKind,
    pages: countFiles(dist, '.html'),
    peakBuildBytes,
    peakTreeBytes,
    distBytes: sizeOf(dist),
    searchBytes: existsSync(pagefind) ? sizeOf(pagefind) : undefined,
    log,
    pdfCpuSeconds,
    pdfBytes: readdirSync(documents)
      .filter((name) => name.endsWith('.pdf'))
      .sort()
      .map((file) => ({ file, bytes: statSync(path.join(documents, file)).size })),
  };
  console.log(`${factor}x: ${result.pages} pages in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} CPU s)`);
  if (!keep) rmSync(project, { recursive: true, force: true });
  return result;
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MiB`;

function report(results: Result[]) {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  console.log(`\nMachine: ${cpus().length} cores (${cpu}), ${mb(totalmem())} memory (${mb(freemem())} free at the end), Node ${process.version}; build date ${buildDate}`);
  console.log(
    `\n${markdownTable(
      ['size', 'content (sub-processors / sections / FAQ / changes)', 'pages', 'wall time', 'CPU time', 'pages/s', 'peak memory: build process / with Chromium', 'dist/', 'search index', 'render pages', 'PDFs: time', 'PDF sizes (whitepaper / FAQ / sub-processors / security pack)'],
      results.map((r) => {
        const pdf = (name: string) => {
          const line = r.log.pdfs.find((p) => p.file === `documents/${name}.pdf`);
          const bytes = r.pdfBytes.find((p) => p.file === `${name}.pdf`)?.bytes;
          return bytes === undefined ? '–' : `${formatBytes(bytes)}${line ? ` (${line.pages} p.)` : ''}`;
        };
        return [
          `${r.factor}x`,
          `${r.counts.subprocessors} / ${r.counts.sections} / ${r.counts.faq} / ${r.counts.changes}`,
          String(r.pages),
          `${r.seconds.toFixed(1)} s`,
          `${r.cpuSeconds.toFixed(1)} s`,
          (r.pages / r.seconds).toFixed(1),
          `${mb(r.peakBuildBytes)} / ${mb(r.peakTreeBytes)}`,
          formatBytes(r.distBytes),
          r.searchBytes === undefined ? 'n/a (no index)' : formatBytes(r.searchBytes),
          r.log.renderSeconds === undefined ? '–' : `${r.log.renderSeconds.toFixed(1)} s`,
          r.log.pdfSeconds === undefined ? '–' : `${r.log.pdfSeconds.toFixed(1)} s`,
          ['whitepaper', 'faq', 'subprocessors', 'security-pack'].map(pdf).join(' / '),
        ];
      }),
    )}`,
  );

  // Per-page time of each route template: flat when a page's work does not depend on the size of the site.
  const templates = new Map<string, Map<number, { pages: number; perPage: number; ms: number }>>();
  for (const r of results) {
    for (const t of routeTimes(r.log.routes)) {
      if (!templates.has(t.template)) templates.set(t.template, new Map());
      templates.get(t.template)!.set(r.factor, t);
    }
  }
  const largest = results.at(-1)!;
  const rows = [...templates]
    .sort(([, a], [, b]) => (b.get(largest.factor)?.ms ?? 0) - (a.get(largest.factor)?.ms ?? 0))
    .slice(0, 12)
    .map(([template, byFactor]) => [
      template,
      ...results.map((r) => {
        const t = byFactor.get(r.factor);
        return t ? `${t.pages} × ${t.perPage.toFixed(1)} ms = ${(t.ms / 1000).toFixed(1)} s` : '–';
      }),
    ]);
  console.log(`\nRender time per route template (pages × ms per page = total), largest first:\n\n${markdownTable(['route', ...results.map((r) => `${r.factor}x`)], rows)}`);

  const pdfNames = [...new Set(results.flatMap((r) => r.log.pdfs.map((p) => p.file)))];
  console.log(
    `\nEach PDF: pages and wall time (they print side by side, one per core; the cache is off); then the whole PDF step's CPU time, all processes:\n\n${markdownTable(
      ['PDF', ...results.map((r) => `${r.factor}x`)],
      pdfNames.map((file) => [
        file.replace(/^documents\//, ''),
        ...results.map((r) => {
          const line = r.log.pdfs.find((p) => p.file === file);
          return line ? `${line.pages} p., ${line.seconds.toFixed(1)} s` : '–';
        }),
      ]).concat([['all PDFs: wall / CPU', ...results.map((r) => `${r.log.pdfSeconds?.toFixed(1) ?? '–'} s / ${r.pdfCpuSeconds.toFixed(1)} CPU s`)]]),
    )}`,
  );

  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.cpuByKind)))].sort();
  console.log(
    `\nCPU seconds by process (sampled every 250 ms):\n\n${markdownTable(
      ['process', ...results.map((r) => `${r.factor}x`)],
      kinds.map((kind) => [kind, ...results.map((r) => (r.cpuByKind[kind] ?? 0).toFixed(1))]),
    )}`,
  );

  if (results.length > 1) {
    console.log('\nGrowth against content (1.00 = linear):');
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1]!;
      const b = results[i]!;
      const g = (x: number, y: number) => growthBeyondLinear(x, y, a.factor, b.factor).toFixed(2);
      console.log(
        `  ${a.factor}x → ${b.factor}x: wall time ${g(a.seconds, b.seconds)}, CPU time ${g(a.cpuSeconds, b.cpuSeconds)}, page render ${a.log.renderSeconds && b.log.renderSeconds ? g(a.log.renderSeconds, b.log.renderSeconds) : '–'}, PDFs ${a.log.pdfSeconds && b.log.pdfSeconds ? g(a.log.pdfSeconds, b.log.pdfSeconds) : '–'}, pages ${g(a.pages, b.pages)}, dist ${g(a.distBytes, b.distBytes)}`,
      );
    }
  }
}

const started = performance.now();
if (args.includes('--peer')) {
  await runPeerBench({ root, work, today, keep, copyProject, buildOurs: build }, args);
  console.log(`\nBench finished in ${((performance.now() - started) / 1000).toFixed(0)} s; build logs and peer-results.json in ${work}`);
} else {
  const results: Result[] = [];
  try {
    for (const factor of factors) results.push(await run(factor));
    report(results);
    writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 2));
    console.log(`\nBench finished in ${((performance.now() - started) / 1000).toFixed(0)} s; build logs and results.json in ${work}`);
  } finally {
    if (!keep) for (const factor of factors) rmSync(path.join(work, `content-${factor}x`), { recursive: true, force: true });
  }
}
