import { isLocale } from '../../src/i18n/index.ts';
// Page-weight budgets over the built site (issue 6, DESIGN.md "Budgets"): what each page costs a
// reader on first view, compressed, and whether it fits one network round trip.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pagePath } from '../../src/lib/built-files.ts';

export { pagePath };

export const BUDGET = {
  /** HTML + first-view CSS and JS of one page, gzip level 9: one round trip of a new TCP connection (10 × 1460 B). */
  pageBytes: 14_600,
  /** The median page: half of the 22.5 KB Starlight ships for the same content. */
  medianBytes: 11_000,
  /** Each PDF. */
  pdfBytes: 1_000_000,
  /**
   * The only pages allowed to load JavaScript on first view: search, and the pages of the "what
   * changed" list (/changes/, /changes/2/, ...), whose one small module applies a reviewer's
   * `?since=` date (each page is whole without it).
   */
  scriptPages: ['/search/', '/changes/', '/changes/<n>/'] as readonly string[],
} as const;

export type Budget = typeof BUDGET;

/** Whether `page` is one of `scriptPages`, where `<n>` stands for a page number. */
export function mayLoadScripts(page: string, budget: Budget = BUDGET): boolean {
  // A translation's twins of those pages (/nb/search/) may too.
  page = withoutLanguage(page);
  return budget.scriptPages.some((allowed) => allowed === page || (allowed.includes('<n>') && new RegExp(`^${allowed.replace('<n>', '[0-9]+')}$`).test(page)));
}

/** Compressed size as a server sends it: gzip at level 9. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).byteLength;
}

/** The attributes of one start tag, names lower-cased; a bare attribute has the value "". */
export function tagAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const body = tag.replace(/^<[a-z]+/i, '').replace(/\/?>$/, '');
  for (const match of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = (match[2] ?? match[3] ?? match[4] ?? '').replace(/&amp;/g, '&');
  }
  return attributes;
}

/** Script types that are data, not code (`<script type="application/ld+json">`, import maps, speculation rules). */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);

/** What a page's HTML makes the browser fetch and run before the reader does anything. */
export interface FirstView {
  /** `<link rel="stylesheet" href>` and `<link rel="preload" as="style" href>`. */
  stylesheets: string[];
  /** `<script src>`, `<link rel="modulepreload" href>` and `<link rel="preload" as="script" href>`. */
  scripts: string[];
  /** Inline `<script>` elements that hold code (their bytes are part of the HTML already). */
  inlineScripts: number;
}

/** The stylesheets and scripts a page loads on first view, in document order, each once. */
export function firstViewAssets(html: string): FirstView {
  // Comments hide their tags from the browser, so from us too.
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  const stylesheets = new Set<string>();
  const scripts = new Set<string>();
  let inlineScripts = 0;
  for (const match of source.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const attributes = tagAttributes(match[0]);
    if (match[1]!.toLowerCase() === 'link') {
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      const href = attributes.href;
      if (!href) continue;
      const as = (attributes.as ?? '').toLowerCase();
      if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) stylesheets.add(href);
      else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) scripts.add(href);
    } else {
      const type = (attributes.type ?? '').toLowerCase();
      if (DATA_SCRIPT_TYPES.has(type)) continue;
      if (attributes.src) scripts.add(attributes.src);
      else inlineScripts += 1;
    }
  }
  return { stylesheets: [...stylesheets], scripts: [...scripts], inlineScripts };
}

/** The file under dist/ an asset reference of a page points to, or undefined when it lives on another host. */
export function assetFile(href: string, page: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return undefined;
  const url = new URL(href, `http://site${page}`);
  return decodeURIComponent(url.pathname).replace(/^\//, '');
}

/** The middle value (the mean of the two middle values for an even count); 0 for none. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One page's first view, compressed. */
export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  total: number;
  /** Scripts it loads (files and inline), for the no-JavaScript rule. */
  scripts: string[];
  /** Assets it references that cannot be measured (another host, or missing from dist/). */
  unmeasured: string[];
}

/** Measures one page from its HTML; `readAsset` returns an asset's bytes by its dist/ path, or undefined when missing. */
export function measurePage(page: string, html: string, readAsset: (file: string) => Uint8Array | undefined): PageWeight {
  const view = firstViewAssets(html);
  const unmeasured: string[] = [];
  const weigh = (hrefs: string[]) =>
    hrefs.reduce((sum, href) => {
      const file = assetFile(href, page);
      const bytes = file === undefined ? undefined : readAsset(file);
      if (bytes === undefined) {
        unmeasured.push(href);
        return sum;
      }
      return sum + gzipSize(bytes);
    }, 0);
  const htmlBytes = gzipSize(html);
  const css = weigh(view.stylesheets);
  const js = weigh(view.scripts);
  const scripts = [...view.scripts, ...Array.from({ length: view.inlineScripts }, (_, i) => `inline script ${i + 1}`)];
  return { page, html: htmlBytes, css, js, total: htmlBytes + css + js, scripts, unmeasured };
}

/** A row of the report: the page (or PDF), its bytes, and "ok" or what is wrong. */
export interface Verdict {
  name: string;
  bytes: number;
  detail: string;
  ok: boolean;
  problems: string[];
}

export interface BudgetReport {
  pages: Verdict[];
  pdfs: Verdict[];
  median: number;
  max: number;
  /** Every overrun, one line each, naming the page or file. */
  failures: string[];
}

/** Applies the budgets to measured pages and PDF sizes. */
export function judge(pages: PageWeight[], pdfs: { file: string; bytes: number }[], budget: Budget = BUDGET): BudgetReport {
  const failures: string[] = [];
  const pageVerdicts = [...pages]
    .sort((a, b) => b.total - a.total || a.page.localeCompare(b.page))
    .map((weight) => {
      const problems: string[] = [];
      if (weight.total > budget.pageBytes) problems.push(`${weight.total} B is over the ${budget.pageBytes} B page budget by ${weight.total - budget.pageBytes} B`);
      if (weight.scripts.length > 0 && !mayLoadScripts(weight.page, budget)) problems.push(`loads JavaScript on first view (${weight.scripts.join(', ')}); only ${budget.scriptPages.join(', ')} may`);
      if (weight.unmeasured.length > 0) problems.push(`loads what the check cannot measure (${weight.unmeasured.join(', ')}): another host or a missing file`);
      for (const problem of problems) failures.push(`${weight.page}: ${problem}`);
      const detail = `HTML ${weight.html} + CSS ${weight.css}${weight.js > 0 || weight.scripts.length > 0 ? ` + JS ${weight.js}` : ''}`;
      return { name: weight.page, bytes: weight.total, detail, ok: problems.length === 0, problems };
    });
  const middle = median(pages.map((p) => p.total));
  if (middle > budget.medianBytes) failures.push(`median page: ${middle} B is over the ${budget.medianBytes} B median budget by ${middle - budget.medianBytes} B`);
  const pdfVerdicts = pdfs.map(({ file, bytes }) => {
    const problems = bytes >= budget.pdfBytes ? [`${bytes} B is not under the ${budget.pdfBytes} B PDF budget`] : [];
    for (const problem of problems) failures.push(`${file}: ${problem}`);
    return { name: file, bytes, detail: 'PDF', ok: problems.length === 0, problems };
  });
  if (pages.length === 0) failures.push('no HTML pages found: build the site first');
  return { pages: pageVerdicts, pdfs: pdfVerdicts, median: middle, max: Math.max(0, ...pages.map((p) => p.total)), failures };
}

/** The report as a plain-text table (page, bytes, verdict) with the median and maximum below it. */
export function formatReport(report: BudgetReport, budget: Budget = BUDGET): string {
  const rows = [...report.pages, ...report.pdfs].map((v) => [v.name, v.bytes.toLocaleString('en'), v.detail, v.ok ? 'ok' : `OVER: ${v.problems.join('; ')}`]);
  const header = ['page', 'bytes (gzip -9)', 'of which', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const percent = (bytes: number, of: number) => `${Math.round((bytes / of) * 100)}%`;
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${report.pages.length} pages; largest ${report.max.toLocaleString('en')} B (${percent(report.max, budget.pageBytes)} of ${budget.pageBytes.toLocaleString('en')} B); median ${report.median.toLocaleString('en')} B (${percent(report.median, budget.medianBytes)} of ${budget.medianBytes.toLocaleString('en')} B); ${report.pdfs.length} PDFs, each under ${budget.pdfBytes.toLocaleString('en')} B: ${report.pdfs.every((p) => p.ok) ? 'yes' : 'no'}`,
    report.failures.length === 0 ? 'budget: ok' : `budget: ${report.failures.length} overrun(s)\n${report.failures.map((f) => `  ${f}`).join('\n')}`,
  ].join('\n');
}

/** Every file under `dir`, relative, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Measures every HTML page and PDF of a built site and applies the budgets. */
export function checkDist(distDir: string, budget: Budget = BUDGET): BudgetReport {
  const files = filesUnder(distDir);
  const cache = new Map<string, Uint8Array | undefined>();
  const readAsset = (file: string) => {
    if (!cache.has(file)) {
      const full = path.resolve(distDir, file);
      cache.set(file, full.startsWith(path.resolve(distDir) + path.sep) && statSync(full, { throwIfNoEntry: false })?.isFile() ? readFileSync(full) : undefined);
    }
    return cache.get(file);
  };
  const pages = files.filter((f) => f.endsWith('.html')).map((file) => measurePage(pagePath(file), readFileSync(path.join(distDir, file), 'utf8'), readAsset));
  const pdfs = files.filter((f) => f.endsWith('.pdf')).map((file) => ({ file, bytes: statSync(path.join(distDir, file)).size }));
  return judge(pages, pdfs, budget);
}

/**
 * A page's path without a translation's language segment (`/nb/search/` → `/search/`): a
 * translation's pages are held to the same rules as their source's. Only segments naming a locale
 * the engine ships words for count, so a section called `/no/` stays itself.
 */
export function withoutLanguage(page: string): string {
  const match = /^\/([^/]+)(\/.*)$/.exec(page);
  return match && isLocale(match[1]) ? match[2]! : page;
}
