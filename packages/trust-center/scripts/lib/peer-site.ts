// The Starlight site of the side-by-side benchmark (npm run bench -- --peer): the measured site's
// content as Starlight docs pages in Markdown (.md), so both builds render the same words. One page per
// whitepaper section, FAQ answer, control category, sub-processor and news item, plus an overview;
// extra pages go to pages/, which the sidebar leaves out (as our news archive is paginated, a sidebar
// listing thousands of pages on every page would measure something our site does not do).
// The MDX components our content may use are replaced by the text they render.
// Plain Node (type stripping): no imports from src/, whose modules use extensionless imports.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readMdx } from './bench-content.ts';
import type { ExtraPage } from './bench-extra-pages.ts';

/** The Starlight the benchmark installs: the newest release whose peer range admits the root's Astro (7.3.5). */
export const STARLIGHT_VERSION = '0.42.4';

type Data = Record<string, unknown>;

/** One docs page: its path under src/content/docs/, front matter and Markdown body. */
export interface PeerPage {
  file: string;
  data: Data;
  body: string;
}

/** The company facts the content components render. */
export interface CompanyFacts {
  name: string;
  description?: string;
  contacts: Record<string, string | undefined>;
  dpaUrl?: string;
  noticePeriodDays: number;
}

/** Inline text from YAML escaped for Markdown: nothing in it can become emphasis, a link, HTML or a heading. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]{}()<>#+!|~&]/g, '\\$&').replace(/^(\s*)([-=])/gm, '$1\\$2');
}

/** A Markdown link; the destination in angle brackets, so parentheses and spaces in it cannot end it. */
function link(text: string, url: string): string {
  return `[${markdownText(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** The address <DpaLink /> shows: without scheme, `www.` or trailing slash (as src/lib/content/components.ts). */
function addressText(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
}

/**
 * An MDX body as Markdown: each content component replaced by what it renders (<Contact kind="…" />
 * a mailto link, <DpaLink /> a link, <NoticePeriod /> "30 days"), MDX comments removed. A component
 * the content check does not allow, or a fact company.yaml lacks, is an error naming `file`.
 */
export function componentsAsText(body: string, company: CompanyFacts, file: string): string {
  const dpa = () => {
    if (!company.dpaUrl) throw new Error(`${file}: <DpaLink>: company.yaml has no dpaUrl`);
    return company.dpaUrl;
  };
  const text = body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<Contact\s+kind=["'](\w+)["']\s*\/>/g, (_, kind: string) => {
      const address = company.contacts[kind];
      if (!address) throw new Error(`${file}: <Contact kind="${kind}" />: company.yaml has no contacts.${kind}`);
      return link(address, `mailto:${address}`);
    })
    .replace(/<DpaLink\s*\/>/g, () => link(addressText(dpa()), dpa()))
    .replace(/<DpaLink>([\s\S]*?)<\/DpaLink>/g, (_, label: string) => `[${label}](<${dpa()}>)`)
    .replace(/<NoticePeriod\s*\/>/g, () => (company.noticePeriodDays === 1 ? '1 day' : `${company.noticePeriodDays} days`));
  const left = /<([A-Z]\w*)/.exec(text);
  if (left) throw new Error(`${file}: <${left[1]}>: not a content component the benchmark can turn into text`);
  return text;
}

/** A file-name slug: "Physical security" → "physical-security". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Section numbers in reading order: 2 < 2.1 < 10. */
function compareNumbers(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** A sub-processor's facts as a list: every field but its name (the title) and keywords (never shown). */
export function subprocessorBody(data: Data): string {
  const label = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
  const value = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
  const lines = Object.entries(data)
    .filter(([key]) => key !== 'name' && key !== 'keywords')
    .map(([key, v]) => `- **${label(key)}:** ${key === 'website' ? link(String(v), String(v)) : markdownText(value(v))}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Controls grouped by category, one page each, in the order of controls.yaml; each control a heading
 * and its statement. A page's file is named by `fileCategory` (a translation's: the source's category,
 * so that Starlight pairs the page with its source), its title is the category shown.
 */
export function controlPages(controls: Data[], fileCategory: (control: Data, index: number) => string = (control) => String(control.category)): PeerPage[] {
  const byCategory = new Map<string, { title: string; list: Data[] }>();
  controls.forEach((control, index) => {
    const key = slug(fileCategory(control, index));
    const group = byCategory.get(key) ?? { title: String(control.category), list: [] };
    group.list.push(control);
    byCategory.set(key, group);
  });
  return [...byCategory].map(([key, { title, list }], index) => ({
    file: `controls/${key}.md`,
    data: { title, sidebar: { order: index + 1 } },
    body: list.map((c) => `## ${markdownText(String(c.title))}\n\n${markdownText(String(c.statement))}\n`).join('\n'),
  }));
}

/**
 * The content's languages: company.yaml's first (`source`, the language it is written in) and those
 * after it that have their folder of translations, `content/<language>/` (`translations`). Our site
 * builds an edition per language (docs/translations.md), so Starlight gets a locale per language too.
 */
export function contentLanguages(contentDir: string): { source: string; translations: string[] } {
  const [source = 'en', ...rest] = (parse(readFileSync(path.join(contentDir, 'company.yaml'), 'utf8')) as { languages?: string[] }).languages ?? [];
  return { source, translations: rest.filter((language) => existsSync(path.join(contentDir, language))) };
}

/** A translation's fields over its source's: a translation file holds only the translated fields, and its drift stamp, which is not shown. */
function overlay(source: Data, translation: Data | undefined): Data {
  if (!translation) return source;
  const { translates: _stamp, ...fields } = translation;
  return { ...source, ...fields };
}

/**
 * The content folder as one edition reads it: the source's files, each with its translation in
 * `content/<language>/` laid over it when `language` is given (the body too, when the translation
 * has one). An untranslated entry stays in the source language, as on our site.
 */
function editionReader(contentDir: string, language: string | undefined) {
  const translated = (relative: string) => (language ? path.join(contentDir, language, relative) : undefined);
  return {
    yaml(relative: string): unknown {
      return parse(readFileSync(path.join(contentDir, relative), 'utf8'));
    },
    /** A YAML file's translation, or undefined. */
    translation(relative: string): unknown {
      const file = translated(relative);
      return file && existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined;
    },
    mdx(folder: string) {
      return readdirSync(path.join(contentDir, folder))
        .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
        .sort()
        .map((name) => {
          const source = { ...readMdx(path.join(contentDir, folder, name)), source: `${folder}/${name}` };
          const file = translated(`${folder}/${name}`);
          if (!file || !existsSync(file)) return source;
          const translation = readMdx(file);
          return { ...source, data: overlay(source.data, translation.data), body: translation.body.trim() ? translation.body : source.body, source: path.relative(contentDir, file) };
        })
        .filter((entry) => entry.data.draft !== true);
    },
  };
}

/**
 * The pages of the content folder `contentDir` (the layout content/ has), without extra pages; with
 * `language`, that language's edition, under `<language>/` (Starlight's folder for a locale).
 */
export function peerPages(contentDir: string, language?: string): PeerPage[] {
  const read = editionReader(contentDir, language);
  const company = overlay(read.yaml('company.yaml') as Data, read.translation('company.yaml') as Data | undefined) as unknown as CompanyFacts;
  const pages: PeerPage[] = [{ file: 'index.md', data: { title: company.name }, body: `${markdownText(company.description ?? '')}\n` }];

  const sections = read.mdx('whitepaper').sort((a, b) => compareNumbers(String(a.data.number), String(b.data.number)));
  sections.forEach((s, index) =>
    pages.push({
      file: `whitepaper/${s.id}.md`,
      data: { title: `${String(s.data.number)} ${String(s.data.title)}`, description: s.data.summary, sidebar: { order: index + 1 } },
      body: componentsAsText(s.body, company, s.source),
    }),
  );
  for (const q of read.mdx('faq')) {
    pages.push({ file: `faq/${q.id}.md`, data: { title: q.data.question, sidebar: { order: Number(q.data.order) } }, body: componentsAsText(q.body, company, q.source) });
  }
  // controls.yaml's translation is a list of the translated controls, each naming its source by id.
  const controlTranslations = new Map(((read.translation('controls.yaml') as Data[] | undefined) ?? []).map((c) => [String(c.id), c]));
  const sourceControls = read.yaml('controls.yaml') as Data[];
  const controls = sourceControls.map((c) => overlay(c, controlTranslations.get(String(c.id))));
  pages.push(...controlPages(controls, (_control, index) => String(sourceControls[index]!.category)));
  for (const name of readdirSync(path.join(contentDir, 'subprocessors')).filter((n) => n.endsWith('.yaml')).sort()) {
    const data = overlay(read.yaml(`subprocessors/${name}`) as Data, read.translation(`subprocessors/${name}`) as Data | undefined);
    pages.push({ file: `subprocessors/${path.basename(name, '.yaml')}.md`, data: { title: data.name, description: data.purpose }, body: subprocessorBody(data) });
  }
  for (const u of read.mdx('updates')) {
    pages.push({ file: `news/${u.id}.md`, data: { title: u.data.title, description: u.data.summary }, body: componentsAsText(u.body, company, u.source) });
  }
  return language ? pages.map((page) => ({ ...page, file: `${language}/${page.file}` })) : pages;
}

/** An extra page as a plain docs page, with the same words as our news item. */
export function extraPeerPage(page: ExtraPage): PeerPage {
  return { file: `pages/${page.id}.md`, data: { title: page.title, description: page.summary }, body: page.body };
}

/** A page's file: YAML front matter (the writer quotes what needs quoting), then the body. */
export function pageFile(page: PeerPage): string {
  return `---\n${stringify(page.data)}---\n\n${page.body}`;
}

/**
 * The Starlight project's astro.config.mjs: one sidebar group per kind of content, extra pages left
 * out; with translation `languages`, the source's language as the root locale and one locale each.
 */
export function astroConfig(title: string, sourceLanguage = 'en', languages: string[] = []): string {
  // Starlight 0.39+ wants the autogenerated list inside a labelled group's items.
  const group = (label: string, directory: string) => ({ label, items: [{ autogenerate: { directory } }] });
  const sidebar = [group('Whitepaper', 'whitepaper'), group('FAQ', 'faq'), group('Controls', 'controls'), group('Sub-processors', 'subprocessors'), group('News', 'news')];
  const label = (language: string) => new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  // Starlight renders each page a locale lacks from the root's content, as our site renders an
  // untranslated entry in the source language: both build every page once per language.
  const i18n = languages.length === 0 ? {} : { defaultLocale: 'root', locales: Object.fromEntries([['root', { label: label(sourceLanguage), lang: sourceLanguage }], ...languages.map((l) => [l, { label: label(l), lang: l }])]) };
  return `// Written by the benchmark (scripts/lib/peer-site.ts).
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://bench.example',
  integrations: [starlight(${JSON.stringify({ title, sidebar, ...i18n })})],
});
`;
}

/**
 * Writes the Starlight project to `dir`: package.json (Astro at `astroVersion`, as the measured site;
 * Starlight at {@link STARLIGHT_VERSION}), the config (a locale per translation language), the content collection and `pages`. The caller
 * runs `npm install` there.
 */
export function writePeerSite(dir: string, title: string, pages: PeerPage[], astroVersion: string, sourceLanguage = 'en', languages: string[] = []): void {
  mkdirSync(path.join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies: { astro: astroVersion, '@astrojs/starlight': STARLIGHT_VERSION } }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'astro.config.mjs'), astroConfig(title, sourceLanguage, languages));
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeDocs(dir, pages);
}

/** Writes (or adds) docs pages to the Starlight project in `dir`. */
export function writeDocs(dir: string, pages: PeerPage[]): void {
  for (const page of pages) {
    const file = path.join(dir, 'src/content/docs', page.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, pageFile(page));
  }
}
