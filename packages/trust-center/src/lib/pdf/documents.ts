import { splitLanguage } from '../../i18n/editions.ts';
import { generatedPdfs, type GeneratedPdf } from '../../schemas/document.ts';

export { generatedPdfs, type GeneratedPdf };

/** Print routes live under this path; they are rendered to PDF and removed from `dist/` afterwards. */
export const PRINT_PREFIX = '/print/';

/** The print route a PDF is rendered from, for example `/print/whitepaper/`. */
export function printPath(pdf: GeneratedPdf): string {
  return `${PRINT_PREFIX}${pdf}/`;
}

/** The stable public URL of a generated PDF, for example `/documents/whitepaper.pdf`. */
export function pdfPath(pdf: GeneratedPdf): string {
  return `/documents/${pdf}.pdf`;
}

/** True for a print route's URL or path, which sitemaps and search leave out. */
export function isPrintPage(url: string): boolean {
  // A translation's print routes (/nb/print/…) too.
  return splitLanguage(new URL(url, 'http://localhost').pathname).path.startsWith(PRINT_PREFIX);
}
