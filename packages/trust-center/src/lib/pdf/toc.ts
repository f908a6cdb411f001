/** One line of a PDF's table of contents: it links to the element with `id` and shows its page. */
export interface TocEntry {
  id: string;
  label: string;
  /** 1 for a part or section, 2 for what is inside it. */
  level: 1 | 2;
}

/** A whitepaper section as the table of contents needs it. */
export interface TocSection {
  id: string;
  number: string;
  title: string;
  subsections: { id: string; number: string; title: string }[];
}

/** "1. Introduction" for a section, "2.1 Policies" for a subsection: the same labels as the site. */
export function sectionLabel(number: string, title: string): string {
  return number.includes('.') ? `${number} ${title}` : `${number}. ${title}`;
}

/** The whitepaper's sections (and, when `withSubsections`, their subsections) as table-of-contents lines. */
export function whitepaperToc(sections: TocSection[], { withSubsections = true, level = 1 }: { withSubsections?: boolean; level?: 1 | 2 } = {}): TocEntry[] {
  return sections.flatMap((section) => [
    { id: section.id, label: sectionLabel(section.number, section.title), level },
    ...(withSubsections && level === 1
      ? section.subsections.map((sub) => ({ id: sub.id, label: sectionLabel(sub.number, sub.title), level: 2 as const }))
      : []),
  ]);
}

/**
 * The page numbers the table of contents shows (1-based, counting the cover, as the footer does)
 * for the ids it lists; `pageIndexOf` maps an element id to its 0-based page in the PDF.
 * Throws naming every id the PDF has no page for, rather than print a wrong number.
 */
export function tocPageNumbers(ids: string[], pageIndexOf: ReadonlyMap<string, number>): Map<string, number> {
  const missing = ids.filter((id) => !pageIndexOf.has(id));
  if (missing.length > 0) throw new Error(`table of contents: no page found for ${missing.map((id) => `#${id}`).join(', ')}`);
  return new Map(ids.map((id) => [id, pageIndexOf.get(id)! + 1]));
}

/** True when two renderings put every entry on the same page, so the numbers printed are right. */
export function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/**
 * The page numbers to print in a table of contents' first real rendering, from a `guess`: an
 * earlier print of the same route (its entries by id), or the same document in the site's own
 * language (a translation's entries are the source's, in the same order, under ids that may be
 * translated, so they are taken by position). Undefined when the guess cannot fit, and the first
 * rendering is then a probe. A wrong guess costs one more rendering, never a wrong number: every
 * rendering's pages are checked against the numbers it shows.
 */
export function tocGuess(tocIds: readonly string[], guess: ReadonlyMap<string, number> | undefined): Map<string, number> | undefined {
  if (tocIds.length === 0) return new Map();
  if (!guess || guess.size !== tocIds.length) return undefined;
  if (tocIds.every((id) => guess.has(id))) return new Map(tocIds.map((id) => [id, guess.get(id)!]));
  const inOrder = [...guess.values()];
  return new Map(tocIds.map((id, index) => [id, inOrder[index]!]));
}

/** The FAQ's categories and, inside each, its questions, as table-of-contents lines. */
export function faqToc(groups: { name: string; questions: { id: string; question: string }[] }[]): TocEntry[] {
  return groups.flatMap((group) => [
    { id: faqCategoryId(group.name), label: group.name, level: 1 as const },
    ...group.questions.map((question) => ({ id: question.id, label: question.question, level: 2 as const })),
  ]);
}

/** The anchor of an FAQ category: "Data location" → "category-data-location", as on the FAQ page. */
export function faqCategoryId(name: string): string {
  return `category-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
