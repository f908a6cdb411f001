import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFStream, PDFString, type PDFObject } from 'pdf-lib';
import { removeUnsafeActions } from './link-actions.ts';

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
  /** The company's version of the document (a custom /Version entry; PDF has no standard one). */
  version?: string;
}

/** Fixed names for Creator and Producer, so they do not change with the machine that builds. */
export const PDF_CREATOR = 'Trust center print routes (Astro)';
export const PDF_PRODUCER = 'Chromium (Skia/PDF) through Playwright; metadata by pdf-lib';

/**
 * Writes the document properties into a PDF and replaces whatever Chromium wrote there (its
 * user agent, the time of printing). The file identifier in the trailer is a hash of the
 * document itself, and the structure-element ids Chromium takes from its internal DOM node
 * numbers are renumbered, so the same content and metadata always give the same bytes. Any link
 * action with a scheme content may not use is removed on the way (link-actions.ts).
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
  if (metadata.version) {
    // The setters above created the document information dictionary.
    const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('Version'), PDFHexString.fromText(metadata.version));
  }
  renumberStructureIds(document);
  removeUnsafeActions(document);
  // Saved once, with a placeholder identifier of the identifier's length: the hash of those bytes
  // then takes the placeholder's place. The trailer (or the cross-reference stream's dictionary,
  // never compressed) is written last, so the last occurrence is the placeholder. Saving a second
  // time, with the hash, compressed every object stream twice.
  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  document.context.trailerInfo.ID = document.context.obj([placeholder, placeholder]);
  const saved = await document.save();
  const marker = Buffer.from(`/ID [ <${ID_PLACEHOLDER}> <${ID_PLACEHOLDER}> ]`, 'latin1');
  const at = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength).lastIndexOf(marker);
  if (at < 0) throw new Error('PDF metadata: the saved file has no placeholder identifier to replace');
  const id = createHash('sha256').update(saved).digest('hex').slice(0, 32);
  saved.set(Buffer.from(`/ID [ <${id}> <${id}> ]`, 'latin1'), at);
  return saved;
}

/** Stands in for the file identifier while the file is hashed: 32 hexadecimal digits, like the identifier. */
const ID_PLACEHOLDER = '0'.repeat(32);

/** Chromium names tagged table cells' structure elements after DOM node numbers ("node00000102"). */
const NODE_ID = /^node(\d+)$/;

/**
 * Chromium's DOM node numbers depend on what the browser did before (another document printed
 * first, a timer), not on the document, so the same page can get "node00000101" in one build and
 * "node00000102" in the next. Renumbers them 1, 2, 3… in their original order, which keeps the
 * structure tree's ID name tree sorted and every /Headers reference pointing where it did.
 */
export function renumberStructureIds(document: PDFDocument): number {
  const objects = document.context.enumerateIndirectObjects().map(([, object]) => object);
  const numbers = new Set<number>();
  forEachNodeId(objects, (number) => {
    numbers.add(number);
  });
  const renumbered = new Map([...numbers].sort((a, b) => a - b).map((number, index) => [number, index + 1]));
  const width = Math.max(8, String(renumbered.size).length);
  forEachNodeId(objects, (number) => PDFString.of(`node${String(renumbered.get(number)).padStart(width, '0')}`));
  return renumbered.size;
}

/**
 * Calls `visit` with the number of every node id string inside `objects` (in dictionaries,
 * arrays and stream dictionaries, at any depth); a string it returns takes the id's place.
 */
function forEachNodeId(objects: PDFObject[], visit: (number: number) => PDFString | void) {
  const replacement = (value: PDFObject): PDFString | void => {
    if (!(value instanceof PDFString)) return undefined;
    const match = NODE_ID.exec(value.asString());
    return match ? visit(Number(match[1])) : undefined;
  };
  const walk = (object: PDFObject) => {
    if (object instanceof PDFArray) {
      object.asArray().forEach((item, index) => {
        const updated = replacement(item);
        if (updated) object.set(index, updated);
        else walk(item);
      });
    } else if (object instanceof PDFDict) {
      for (const [key, item] of object.entries()) {
        const updated = replacement(item);
        if (updated) object.set(key, updated);
        else walk(item);
      }
    } else if (object instanceof PDFStream) {
      walk(object.dict);
    }
  };
  objects.forEach(walk);
}
