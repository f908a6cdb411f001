import { existsSync } from 'node:fs';
import path from 'node:path';
import { withoutLanguage } from '../scripts/lib/budget.ts';
import { expect, test } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { checkHtml, formatMessage, problems } from '../scripts/lib/nu-checker.ts';
import { distDir, distFiles, fileForPath, readDist } from './support/dist.ts';
import { buildDate } from '../src/lib/dates.ts';
import { loadContent } from './support/content.ts';

// Whole-site checks over the built files: every page, every link, every generated document.
const files = distFiles();
const pages = files.filter((file) => file.endsWith('.html'));
const site = new URL(process.env.SITE_URL ?? loadContent().company.data.siteUrl);

test('every page is valid HTML (html-validate, recommended rules)', async () => {
  // The project's .htmlvalidate.json applies (new HtmlValidate() alone reads no config file).
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(path.join(distDir, page));
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  console.log(`html-validate: ${pages.length} pages checked, ${problems.length} errors`);
  expect(problems).toEqual([]);
});

test('every page is valid HTML for the Nu HTML Checker (vnu.jar; errors and unexplained warnings fail)', () => {
  // A Java program: about 30 s for the whole site on a busy two-core machine. Without Java it fails
  // with one line saying how to install it (scripts/lib/nu-checker.ts).
  test.setTimeout(180_000);
  const messages = checkHtml(distDir);
  const failing = problems(messages).map((message) => formatMessage(message, distDir));
  console.log(`Nu HTML Checker: ${pages.length} pages checked, ${messages.length} messages, ${failing.length} failing`);
  expect(failing).toEqual([]);
});

test('every internal link and #fragment resolves to a built file and an element id', () => {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readDist(file).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const base = new URL(`/${page.replace(/index\.html$/, '')}`, site);
    for (const [, raw] of readDist(page).matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      // The site writes its own links as paths; absolute URLs come from content and point elsewhere
      // (the company's DPA may live on the same host, served by another system).
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(raw!)) continue;
      const url = new URL(raw!.replace(/&amp;/g, '&'), base);
      checked++;
      const target = fileForPath(url.pathname);
      if (!existsSync(path.join(distDir, target))) broken.push(`${page}: ${raw} (no ${target})`);
      else if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page}: ${raw} (no id ${url.hash})`);
    }
  }
  console.log(`links: ${checked} internal links checked on ${pages.length} pages, ${broken.length} broken`);
  expect(checked).toBeGreaterThan(pages.length * 10);
  expect(broken).toEqual([]);
});

test('feeds, sitemap and calendar are well-formed, robots.txt names the sitemap', () => {
  const xmlFiles = files.filter((file) => file.endsWith('.xml'));
  expect(xmlFiles).toEqual(expect.arrayContaining(['sitemap-index.xml', 'sitemap-0.xml', 'subprocessors/changes/feed.xml', 'subprocessors/changes/atom.xml', 'updates/feed.xml', 'updates/atom.xml']));
  for (const file of xmlFiles) expect(XMLValidator.validate(readDist(file)), file).toBe(true);
  for (const file of files.filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(readDist(file)), file).not.toThrow();
  const ics = readDist('subprocessors/changes/calendar.ics');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  const robots = readDist('robots.txt');
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).toContain(`Sitemap: ${new URL('/sitemap-index.xml', site).href}`);
  const sitemapped = [...readDist('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const pathname of sitemapped) expect(existsSync(path.join(distDir, fileForPath(pathname))), pathname).toBe(true);
  expect(sitemapped).not.toContain('/404/');
});

test('security.txt follows RFC 9116 with an Expires inside the next year', async ({ request }) => {
  const response = await request.get('/.well-known/security.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  const field = (name: string) => text.match(new RegExp(`^${name}: (.+)$`, 'm'))?.[1];
  expect(field('Contact')).toBe(`mailto:${loadContent().company.data.contacts.security}`);
  const expires = Date.parse(field('Expires') ?? '');
  // As of the day the site was built: today, or BUILD_DATE for a fixture built as of a fixed day.
  const now = process.env.BUILD_DATE ? buildDate().getTime() : Date.now();
  expect(expires).toBeGreaterThan(now);
  expect(expires - now).toBeLessThanOrEqual(365 * 86_400_000);
  expect(field('Canonical')).toBe(new URL('/.well-known/security.txt', site).href);
  expect(field('Policy')).toBe(new URL('/security/', site).href);
  expect(field('Preferred-Languages')).toBeTruthy();
});

test('the only JavaScript in dist/ is ours (the search element, the changes filter) and Pagefind’s, each loaded by its own pages alone', () => {
  const scripts = files.filter((file) => /\.(?:m?js)$/.test(file));
  const pagefind = scripts.filter((file) => file.startsWith('pagefind/'));
  const ours = scripts.filter((file) => file.startsWith('_astro/'));
  expect(pagefind).toEqual(['pagefind/pagefind.js']);
  expect(scripts).toEqual([...ours, ...pagefind].sort());
  // Two bundles, no shared chunk: src/scripts/site-search.ts and src/scripts/changes-since.ts, with no third-party licence banner.
  expect(ours).toHaveLength(2);
  const search = ours.find((file) => readDist(file).includes('site-search'));
  const since = ours.find((file) => readDist(file).includes('changes-since'));
  expect(search).toBeDefined();
  expect(since).toBeDefined();
  for (const file of ours) expect(readDist(file)).not.toMatch(/@license|Copyright \(c\)/i);
  for (const file of pages) {
    const srcs = [...readDist(file).matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    // A translation's twins (nb/search/index.html) load the same modules.
    const page = withoutLanguage(`/${file}`).slice(1);
    if (page === 'search/index.html') expect(srcs).toEqual([`/${search}`]);
    else if (/^changes\/(?:\d+\/)?index\.html$/.test(page)) expect(srcs, page).toEqual([`/${since}`]);
    else expect(srcs, page).toEqual([]);
  }
});
