// Extra pages for the side-by-side benchmark (npm run bench -- --peer): N pages of about 160 words,
// written as news items on our side (content/updates/*.md: no components, so Markdown, as an author writes them) and as plain docs pages on Starlight's,
// with the same words on both. The words come from the site's own whitepaper, so the search index
// grows as it would with real prose; a fixed stride picks each page's window, so every run of the
// benchmark writes the same pages.
// Plain Node (type stripping): no imports from src/, whose modules use extensionless imports.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** Words in the body of one extra page. */
export const EXTRA_PAGE_WORDS = 160;

/** One extra page, as data both sites write in their own format. */
export interface ExtraPage {
  /** The file name without extension; starts with the date (our news ids may not be bare numbers). */
  id: string;
  title: string;
  /** YYYY-MM-DD, never after the benchmark's today. */
  date: string;
  /** The first words of the body, for lists and feeds. */
  summary: string;
  /** Two paragraphs of plain words: nothing Markdown or MDX would read as syntax. */
  body: string;
}

const DAY_MS = 86_400_000;

/**
 * The words of `texts` as a corpus for extra pages: link destinations and tags dropped, then only
 * letters, digits, hyphens and apostrophes survive (other characters separate words), so no generated page can contain Markdown or MDX syntax (`*`, `<`, `{`, `#`, links).
 */
export function corpusWords(texts: string[]): string[] {
  return texts
    .join(' ')
    // Link destinations and tags are not prose; other punctuation separates words ("27001:2022").
    .replace(/\]\(<?[^)>]*>?\)|<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}'-]+/gu, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[-']+|[-']+$/g, ''))
    .filter((word) => word.length > 0);
}

/**
 * `count` extra pages as of `today`, each {@link EXTRA_PAGE_WORDS} words long, from `words` (at least
 * one). Page i takes a window of the corpus starting at a prime stride, wrapping around, and is dated
 * i mod 1,000 days before today, so dates repeat but ids never do.
 */
export function extraPages(count: number, words: string[], today: Date): ExtraPage[] {
  if (words.length === 0) throw new Error('extra pages need a corpus of at least one word');
  const pages: ExtraPage[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i * 7_919) % words.length;
    const text = Array.from({ length: EXTRA_PAGE_WORDS }, (_, k) => words[(start + k) % words.length]!);
    const half = EXTRA_PAGE_WORDS / 2;
    const date = new Date(today.getTime() - (i % 1_000) * DAY_MS).toISOString().slice(0, 10);
    const number = String(i + 1).padStart(String(count).length, '0');
    pages.push({
      id: `${date}-bench-${number}`,
      title: `Bench update ${i + 1}: ${text.slice(0, 3).join(' ')}`,
      date,
      summary: `${text.slice(0, 12).join(' ')}.`,
      body: `${text.slice(0, half).join(' ')}.\n\n${text.slice(half).join(' ')}.\n`,
    });
  }
  return pages;
}

/** One extra page as our news item (content/updates/<id>.md), in a category the schema allows. */
export function updateFile(page: ExtraPage): string {
  // The YAML writer would quote the date; the schema coerces either, but keep it bare as authors write it.
  const yaml = stringify({ title: page.title, date: page.date, category: 'security', summary: page.summary }).replace(/^date: "?(\d{4}-\d{2}-\d{2})"?$/m, 'date: $1');
  return `---\n${yaml}---\n\n${page.body}`;
}

/** Writes `pages` as news items into `contentDir`/updates (which must exist). */
export function writeExtraUpdates(contentDir: string, pages: ExtraPage[]): void {
  const dir = path.join(contentDir, 'updates');
  mkdirSync(dir, { recursive: true });
  for (const page of pages) writeFileSync(path.join(dir, `${page.id}.md`), updateFile(page));
}
