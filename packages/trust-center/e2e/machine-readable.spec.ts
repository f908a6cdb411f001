import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseMarkdown as parse, markdownText as text } from './support/markdown.ts';
import { buildDate } from '../src/lib/dates.ts';
import { markdownTwins } from '../src/lib/machine/twins.ts';
import { currentSubprocessorIds } from '../src/lib/subprocessors/changes.ts';
import { loadContent } from './support/content.ts';
import { distDir, fileForPath, readDist } from './support/dist.ts';

// The posture for machines, read back from the built files with independent tools: Ajv (with
// ajv-formats) for trust.json against its published schema, a Markdown parser (Sätteri) for
// llms.txt and the twins. Expectations come from the content files, never from our builders.
const content = loadContent();
const company = content.company.data;
const site = process.env.SITE_URL ?? company.siteUrl;
const origin = new URL(site).origin;


/** The file in dist/ an absolute URL of this site is served from, or undefined for another site. */
function distFileFor(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== origin) return undefined;
  return path.join(distDir, fileForPath(parsed.pathname));
}

test('trust.json validates against the published trust.schema.json and states the content', () => {
  const data = JSON.parse(readDist('trust.json')) as Record<string, unknown> & {
    $schema: string;
    certifications: { id: string; status: string }[];
    controls: { id: string }[];
    subprocessors: { id: string }[];
    documents: { id: string; access: string; url?: string }[];
    files: { url: string }[];
    feeds: { url: string }[];
  };
  const schema = JSON.parse(readDist('trust.schema.json')) as Record<string, unknown>;
  expect(data.$schema).toBe(new URL('/trust.schema.json', site).href);
  expect(schema.$id).toBe(data.$schema);
  const validate = addFormats(new Ajv2020({ allErrors: true, strict: false })).compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  // A document that breaks the schema is rejected, so the check above can fail.
  expect(validate({ ...data, controls: [{ id: 'x' }] })).toBe(false);
  expect(validate({ ...data, asOf: 'yesterday' })).toBe(false);

  expect(data.certifications.map((c) => c.id).sort()).toEqual(content.certifications.map((c) => c.id).sort());
  expect(data.controls.map((c) => c.id).sort()).toEqual(content.controls.map((c) => c.data.id).sort());
  const current = currentSubprocessorIds(content.subprocessorChanges, buildDate());
  expect(data.subprocessors.map((s) => s.id).sort()).toEqual([...current].sort());
  // Only published material: an on-request document has no address to fetch.
  for (const document of data.documents) {
    if (document.access === 'on-request') expect(document.url, document.id).toBeUndefined();
    else expect(document.url, document.id).toMatch(/^https?:\/\//);
  }
  // Every file and feed it names on this site was built.
  for (const { url } of [...data.files, ...data.feeds]) {
    const file = distFileFor(url);
    expect(file, url).toBeDefined();
    expect(existsSync(file!), url).toBe(true);
  }
});

test('llms.txt has the proposal’s structure and every link in it resolves to a built file', () => {
  const nodes = parse(readDist('llms.txt')).children!;
  // An H1 first (the only one), then a blockquote summary, then optional prose, then H2 sections of link lists.
  expect(nodes[0]).toMatchObject({ type: 'heading', depth: 1 });
  expect(text(nodes[0]!)).toContain(company.name);
  expect(nodes[1]!.type).toBe('blockquote');
  expect(text(nodes[1]!)).toBe(company.description);
  const firstSection = nodes.findIndex((node) => node.type === 'heading' && node.depth === 2);
  expect(firstSection).toBeGreaterThan(1);
  expect(nodes.slice(2, firstSection).every((node) => node.type === 'paragraph')).toBe(true);
  const sections: { title: string; urls: string[] }[] = [];
  for (const node of nodes.slice(firstSection)) {
    if (node.type === 'heading') {
      expect(node.depth).toBe(2);
      sections.push({ title: text(node), urls: [] });
      continue;
    }
    expect(node.type, 'only link lists inside sections').toBe('list');
    for (const item of node.children!) {
      // `- [name](url)` or `- [name](url): notes`
      const paragraph = item.children![0]!;
      const [link, ...rest] = paragraph.children!;
      expect(link!.type).toBe('link');
      expect(text(link!).length).toBeGreaterThan(0);
      if (rest.length > 0) expect(text({ type: 'x', children: rest })).toMatch(/^: \S/);
      sections.at(-1)!.urls.push(link!.url!);
    }
  }
  expect(sections.length).toBeGreaterThan(1);
  expect(sections.every((section) => section.urls.length > 0)).toBe(true);
  const urls = sections.flatMap((section) => section.urls);
  for (const twin of markdownTwins) expect(urls).toContain(new URL(twin.markdown, site).href);
  expect(urls).toContain(new URL('/trust.json', site).href);
  for (const file of ['/questionnaire.xlsx', '/questionnaire.csv', '/changes/feed.xml', '/changes/atom.xml', '/changes/feed.json']) expect(urls).toContain(new URL(file, site).href);
  for (const url of urls) {
    const file = distFileFor(url);
    expect(file, `${url} is on this site`).toBeDefined();
    expect(existsSync(file!) && statSync(file!).isFile(), `${url} → ${file}`).toBe(true);
  }
});

test('each main page links its Markdown twin, served as Markdown', async ({ page, request }) => {
  for (const twin of markdownTwins) {
    await page.goto(twin.page);
    await expect(page.locator('link[rel="alternate"][type="text/markdown"]')).toHaveAttribute('href', twin.markdown);
    const response = await request.get(twin.markdown);
    expect(response.status(), twin.markdown).toBe(200);
    const markdown = await response.text();
    expect(parse(markdown).children![0], twin.markdown).toMatchObject({ type: 'heading', depth: 1 });
    // Content components are resolved, comments removed: nothing of MDX reaches a twin.
    expect(markdown, twin.markdown).not.toMatch(/<\/?[A-Z][A-Za-z]*[\s/>]|\{\/\*/);
  }
  await page.goto('/subprocessors/changes/');
  await expect(page.locator('link[type="text/markdown"]')).toHaveCount(0);
});

test('the twins hold every published entry, hostile names intact, and nothing unpublished', () => {
  const subprocessors = parse(readDist('subprocessors.md')).children!;
  const table = subprocessors.find((node) => node.type === 'table')!;
  const current = currentSubprocessorIds(content.subprocessorChanges, buildDate());
  const names = table.children!.slice(1).map((row) => text(row.children![0]!));
  expect(names.sort()).toEqual(content.subprocessors.filter((s) => current.has(s.id)).map((s) => s.data.name.replace(/\s*\n\s*/g, ' ')).sort());
  for (const row of table.children!) expect(row.children).toHaveLength(table.children![0]!.children!.length);

  const headings = (file: string, depth: number) => parse(readDist(file)).children!.filter((node) => node.type === 'heading' && node.depth === depth).map(text);
  expect(headings('faq.md', 3).sort()).toEqual(content.faq.map((entry) => entry.data.question).sort());
  expect(headings('certifications.md', 2).sort()).toEqual(content.certifications.map((entry) => entry.data.framework).sort());
  const whitepaper = [...headings('whitepaper.md', 2), ...headings('whitepaper.md', 3)];
  expect(whitepaper.sort()).toEqual(content.whitepaper.map((entry) => `${entry.data.number} ${entry.data.title}`).sort());

  const full = readDist('llms-full.txt');
  for (const twin of markdownTwins) expect(full).toContain(readDist(twin.markdown.slice(1)));
});

test('the questionnaire, controls and changes twins state what their pages state', async ({ page }) => {
  const nodes = (file: string) => parse(readDist(file)).children!;
  const after = (list: ReturnType<typeof nodes>, heading: string, depth: number) => {
    const at = list.findIndex((node) => node.type === 'heading' && node.depth === depth && text(node) === heading);
    expect(at, `${heading} is a heading`).toBeGreaterThanOrEqual(0);
    return list.slice(at + 1, list.findIndex((node, i) => i > at && node.type === 'heading' && node.depth! <= depth) >>> 0);
  };

  // Every question a heading, followed by its answer (or the words for none) and links to its sources on this site.
  const questionnaire = nodes('questionnaire.md');
  expect(content.questionnaire.length).toBeGreaterThan(0);
  for (const { data } of content.questionnaire) {
    const [answer, sources] = after(questionnaire, data.question.replace(/\s*\n\s*/g, ' '), 3);
    expect(text(answer!)).toBe(data.status === 'not-stated' ? 'Not stated in the whitepaper' : data.answer!.replace(/\s*\n\s*/g, ' '));
    const cited = data.sources.sections.length + data.sources.controls.length + data.sources.faq.length;
    if (cited > 0) {
      const links = sources!.children!.filter((node) => node.type === 'link');
      expect(links).toHaveLength(cited);
      for (const link of links) expect(distFileFor(link.url!), link.url).toBeDefined();
    }
  }

  // Every control listed under its category with the framework ids it names.
  const controls = nodes('controls.md');
  const all = after(controls, 'All controls', 2).filter((node) => node.type === 'list').flatMap((list) => list.children!);
  expect(all.map(text).length).toBe(content.controls.length);
  for (const { data } of content.controls) {
    const item = all.find((node) => text(node).startsWith(data.title));
    expect(item, data.title).toBeDefined();
    for (const id of Object.values(data.frameworks ?? {}).flat()) expect(text(item!), `${data.title} names ${id}`).toContain(id);
  }

  // The newest changes as /changes/ lists them, in its order, with its line on how far the history goes.
  await page.goto('/changes/');
  const titles = await page.locator('main ol > li h3').allTextContents();
  const changes = nodes('changes.md');
  const items = changes.find((node) => node.type === 'list')?.children ?? [];
  expect(items.map((item) => text(item.children![0]!.children![0]!))).toEqual(titles.map((title) => title.trim()));
  const known = (await page.locator('main h1 ~ p').nth(1).textContent())!.trim();
  expect(changes.map(text)).toContain(known);
  for (const feed of ['/changes/feed.xml', '/changes/atom.xml', '/changes/feed.json']) expect(readDist('changes.md')).toContain(new URL(feed, site).href);
});
