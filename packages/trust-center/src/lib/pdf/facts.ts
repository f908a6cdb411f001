/** What the site says about a generated PDF next to its link, measured from the built file. */
export interface PdfFacts {
  pages: number;
  bytes: number;
}

/**
 * Pages render before the PDFs exist, so they mark where a PDF's page count and size go with an
 * empty `<span data-pdf-facts="<pdf>"></span>`; after the PDFs are made, this fills each one with
 * `text(facts)`. Throws on a mark naming a PDF that was not generated.
 */
export function fillPdfFacts(html: string, facts: ReadonlyMap<string, PdfFacts>, text: (facts: PdfFacts) => string): { html: string; filled: number } {
  let filled = 0;
  const result = html.replace(/<span([^>]*?) data-pdf-facts="([a-z0-9-]+)"([^>]*)><\/span>/g, (_, before: string, pdf: string, after: string) => {
    const found = facts.get(pdf);
    if (!found) throw new Error(`a page marks facts for "${pdf}.pdf", which the build did not generate`);
    filled++;
    // Never searched, whoever renders the mark: search indexes the pages while the PDFs are still
    // being made (integrations/pdf-documents.ts), so its index must not depend on whether this ran.
    const ignored = /\sdata-pagefind-ignore\b/.test(`${before} ${after}`) ? '' : ' data-pagefind-ignore';
    return `<span${before} data-pdf-facts="${pdf}"${after}${ignored}>${escapeHtml(text(found))}</span>`;
  });
  return { html: result, filled };
}

/** Every link to a PDF on this site in a page (`href="/….pdf"`), so the build can check each exists. */
export function sitePdfLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*\.pdf)"/g)].map((match) => match[1]!);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
