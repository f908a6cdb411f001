// npm run lighthouse [-- /path/ … --runs 5] [--dist <folder> --no-host-headers]
//
// Lighthouse (its default mobile configuration: a mid-range phone on a slow 4G connection,
// simulated) on the built site, served from dist/ with gzip and the host headers
// (scripts/lib/static-server.ts), in the Chromium the project's resolver finds. Each page is
// measured `--runs` times (5 by default) and the median run is reported, as Lighthouse's
// variability guide recommends (computeMedianRun: the run closest to the median first paint and
// time to interactive); the range of performance scores over the runs is printed too. Prints the
// four category scores of each page and every audit that cost a point. A measurement to report
// in the README, not a test: scores depend on the machine and its load, so it is not part of
// `npm test`. Run `npm run build` first. `--dist` measures another built site (the side-by-side
// benchmark's Starlight build, kept with `npm run bench -- --peer --keep`), `--no-host-headers` serves
// it without this project's header policy, which another site's inline scripts would break.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { resolveBrowser } from '../src/lib/browser.ts';
import { markdownTable } from './lib/bench-report.ts';
import { serveStatic } from './lib/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LIGHTHOUSE_VERSION = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')) as { version: string }).version;
const DEFAULT_PAGES = ['/', '/whitepaper/', '/faq/', '/subprocessors/'];

const args = process.argv.slice(2);
const distFlag = args.indexOf('--dist');
const dist = path.resolve(process.cwd(), distFlag === -1 ? 'dist' : (args[distFlag + 1] ?? ''));
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`${path.relative(process.cwd(), dist) || dist}/ has no site: run "npm run build" first.`);
  process.exit(1);
}
const hostHeaders = !args.includes('--no-host-headers');
const pages = args.filter((arg, i) => arg.startsWith('/') && args[i - 1] !== '--dist');
if (pages.length === 0) pages.push(...DEFAULT_PAGES);
const runsFlag = args.indexOf('--runs');
const runs = runsFlag === -1 ? 5 : Number(args[runsFlag + 1]);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, 1 or more');

const browser = resolveBrowser();
const server = await serveStatic(dist, 0, { hostHeaders });
const chrome = await chromeLauncher.launch({
  chromePath: browser.executablePath,
  chromeFlags: ['--headless=new', '--no-sandbox', ...browser.args],
});

const rows: string[][] = [];
const lost: string[] = [];
const metrics: string[][] = [];
try {
  console.log(`Lighthouse ${LIGHTHOUSE_VERSION} on ${server.origin} (${path.relative(process.cwd(), dist) || dist}/ with gzip${hostHeaders ? ' and the host headers' : ', no host headers'}), ${browser.executablePath}, ${runs} run(s) a page`);
  for (const page of pages) {
    const all = [];
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(`${server.origin}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`${page}: Lighthouse returned nothing`);
      if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      all.push(result.lhr);
    }
    const lhr = computeMedianRun(all);
    const performance = all.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100));
    const score = (id: string) => {
      const value = lhr.categories[id]?.score;
      return value === null || value === undefined ? 'n/a' : String(Math.round(value * 100));
    };
    rows.push([page, ...CATEGORIES.map(score), `${Math.min(...performance)}–${Math.max(...performance)}`]);
    const audit = (id: string) => lhr.audits[id];
    metrics.push([
      page,
      audit('first-contentful-paint')?.displayValue ?? '–',
      audit('largest-contentful-paint')?.displayValue ?? '–',
      audit('total-blocking-time')?.displayValue ?? '–',
      audit('cumulative-layout-shift')?.displayValue ?? '–',
      audit('total-byte-weight')?.displayValue ?? '–',
      // Lighthouse 13 reports the DOM's size as an insight; older versions as an audit.
      String(audit('dom-size-insight')?.numericValue ?? audit('dom-size')?.numericValue ?? '–'),
    ]);
    // Every scored audit below full marks, so a score under 100 says why.
    for (const id of CATEGORIES) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const outcome = lhr.audits[ref.id];
        if (ref.weight > 0 && outcome && outcome.score !== null && outcome.score < 1) {
          lost.push(`${page} ${id}: ${outcome.id} (${outcome.title}) scored ${Math.round(outcome.score * 100)}${outcome.displayValue ? `, ${outcome.displayValue}` : ''}`);
        }
      }
    }
    console.log(`${page}: ${CATEGORIES.map((id) => `${id} ${score(id)}`).join(', ')} (median of ${runs}; performance over the runs: ${performance.join(', ')})`);
  }
} finally {
  chrome.kill();
  await server.close();
}

console.log(`\n${markdownTable(['page', 'performance', 'accessibility', 'best practices', 'SEO', `performance, ${runs} runs`], rows)}`);
console.log(`\n${markdownTable(['page', 'first contentful paint', 'largest contentful paint', 'total blocking time', 'layout shift', 'transferred', 'DOM elements'], metrics)}`);
console.log(lost.length === 0 ? '\nNo audit lost a point.' : `\nAudits below full marks:\n${lost.map((line) => `  ${line}`).join('\n')}`);
