import { getDocumentProxy } from 'unpdf';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Opens a PDF for reading; the bytes are copied, as PDF.js takes ownership of what it is given. */
export function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return getDocumentProxy(new Uint8Array(bytes));
}

/**
 * The 0-based page each named destination points to. Chromium writes one named destination per
 * element that a link in the page jumps to (`href="#id"`), named after the element's id.
 */
export async function destinationPages(pdf: PdfDocument): Promise<Map<string, number>> {
  const destinations = (await pdf.getDestinations()) as Record<string, unknown[] | null>;
  const pages = new Map<string, number>();
  for (const [name, destination] of Object.entries(destinations)) {
    const ref = destination?.[0];
    if (ref && typeof ref === 'object') pages.set(name, await pdf.getPageIndex(ref as { num: number; gen: number }));
  }
  return pages;
}

/** One bookmark of the PDF's outline, with the bookmarks inside it. */
export interface OutlineEntry {
  title: string;
  items: OutlineEntry[];
}

export async function outline(pdf: PdfDocument): Promise<OutlineEntry[]> {
  const convert = (items: { title: string; items: unknown[] }[]): OutlineEntry[] =>
    items.map((item) => ({ title: item.title, items: convert(item.items as { title: string; items: unknown[] }[]) }));
  return convert(((await pdf.getOutline()) ?? []) as { title: string; items: unknown[] }[]);
}

/** Every outline title, depth first. */
export function outlineTitles(entries: OutlineEntry[]): string[] {
  return entries.flatMap((entry) => [entry.title, ...outlineTitles(entry.items)]);
}

/** The text of each page, whitespace-normalised, in reading order as PDF.js extracts it. */
export async function pageTexts(pdf: PdfDocument): Promise<string[]> {
  const texts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    // A line ending in a hyphen ("zero-data-" / "retention") is one word wrapped, not two words.
    const text = content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL && !item.str.endsWith('-') ? ' ' : ''}` : '')).join('');
    texts.push(text.replace(/\s+/g, ' ').trim());
  }
  return texts;
}
