import { isLocale } from '../../src/i18n/index.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../src/i18n/en.ts';
import { addressText, type ContactKind } from '../../src/lib/content/components.ts';
import { readContent, type LoadedContent } from '../../src/lib/content/read.ts';
import { resolveContentDir } from '../../src/lib/content/paths.ts';
import { buildDate } from '../../src/lib/dates.ts';
import { currentSubprocessorIds } from '../../src/lib/subprocessors/changes.ts';
import { distDir } from './dist.ts';

/** The published content the site was built from (drafts left out), read from the files, so expectations never copy it. */
export function loadContent(): LoadedContent {
  const { content, findings } = readContent(resolveContentDir());
  if (!content) throw new Error(`content is invalid: ${findings.map((f) => f.message).join('; ')}`);
  return {
    ...content,
    whitepaper: content.whitepaper.filter((entry) => !entry.data.draft),
    faq: content.faq.filter((entry) => !entry.data.draft),
  };
}

let company: LoadedContent['company']['data'] | undefined;

/**
 * MDX or Markdown as the reader sees it: the content components replaced by the company facts they
 * show (src/components/content/), link text without URLs, no emphasis marks or list bullets.
 */
export function plainText(markdown: string): string {
  company ??= loadContent().company.data;
  const facts = company;
  const text = markdown
    .replace(/<Contact\s+kind="(\w+)"\s*\/>/g, (_, kind: ContactKind) => facts.contacts[kind] ?? '')
    .replace(/<DpaLink\s*\/>/g, addressText(facts.dpaUrl))
    .replace(/<DpaLink>([\s\S]*?)<\/DpaLink>/g, '$1')
    .replace(/<NoticePeriod\s*\/>/g, t.contentComponents.days(facts.noticePeriodDays))
    // Tables: the delimiter row is not shown, the pipes between cells are not text.
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, '')
    .replace(/^\s*\|(.*)\|\s*$/gm, (_, cells: string) => cells.split('|').join(' '))
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '');
  return normalise(text);
}

/** Splits text into sentences, so a failure names the sentence that is missing. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/).filter((s) => s.trim() !== '');
}

/** Whitespace-normalised text, so line wrapping in HTML does not matter. */
export function normalise(text: string): string {
  // Markdown prints typographic quotes (Vercel’s); the content is typed with straight ones.
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Every page path in the built sitemap, plus the 404 page, which sitemaps leave out. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(path.join(distDir, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

/** The translation languages of the built site: first path segments of the sitemap that name a locale the engine ships words for. */
export function sitemapLanguages(paths: readonly string[] = sitemapPaths()): string[] {
  return [...new Set(paths.map((p) => p.split('/')[1] ?? '').filter((segment) => isLocale(segment)))];
}

/** The sub-processors on the published list as of the build date (a file alone puts nobody on it), in file order. */
export function currentSubprocessors(content: LoadedContent = loadContent()): LoadedContent['subprocessors'] {
  const ids = currentSubprocessorIds(content.subprocessorChanges, buildDate());
  return content.subprocessors.filter((entry) => ids.has(entry.id));
}
