import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';

/** What a PDF says about itself in its document properties. */
export interface PdfMetadata {
  title: string;
  /** The company the document is about. */
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, for screen readers. */
  language: string;
  /** Creation and modification date (see pdfDate). */
  date: Date;
  /** The program that made the source (the print route). */
  creator: string;
  /** The programs that made the PDF. */
  producer: string;
}

/** Fixed names for Creator and Producer, so they do not change with the machine that builds. */
export const PDF_CREATOR = 'Trust center print routes (Astro)';
export const PDF_PRODUCER = 'Chromium (Skia/PDF) through Playwright; metadata by pdf-lib';

/**
 * Writes the document properties into a PDF and replaces whatever Chromium wrote there (its
 * user agent, the time of printing). The file identifier in the trailer is a hash of the
 * document itself, so the same content and metadata always give the same bytes.
 */
export async function applyMetadata(bytes: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which runs multi-word keywords together; commas keep them apart.
  document.setKeywords([metadata.keywords.join(', ')]);
  document.setLanguage(metadata.language);
  document.setCreator(metadata.creator);
  document.setProducer(metadata.producer);
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  delete document.context.trailerInfo.ID;
  const unidentified = await document.save();
  const id = PDFHexString.of(createHash('sha256').update(unidentified).digest('hex').slice(0, 32));
  document.context.trailerInfo.ID = document.context.obj([id, id]);
  return document.save();
}
