import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { isSafeUrl } from '../safe-url.ts';

/**
 * The last line of defence for links in a PDF: whatever reached the print route, the saved file
 * holds no action but a jump inside the document (GoTo), a named page action, or a URI whose
 * scheme content may use (https:, http:, mailto:, see safe-url.ts). The content check refuses
 * other links and rewriteHref drops them before printing; this catches anything that gets past
 * both (a component's link, a future change to the print layout).
 *
 * Removed: a URI action with another scheme (`javascript:`, `data:`, `file:`), and every action a
 * reader runs or follows outside the document (JavaScript, Launch, GoToR, SubmitForm, ImportData
 * and the rest), wherever it sits (a link's /A, an /OpenAction, /AA event actions, the document's
 * /JavaScript name tree). Chromium writes none of the latter for a web page, so nothing is lost.
 * Returns how many were removed.
 */
export function removeUnsafeActions(document: PDFDocument): number {
  let removed = 0;
  const lookup = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef ? document.context.lookup(value) : value);

  const isSafeAction = (value: PDFObject | undefined): boolean => {
    const action = lookup(value);
    // An /OpenAction may also be a destination (an array), which is a jump inside the document.
    if (action instanceof PDFArray) return true;
    if (!(action instanceof PDFDict)) return false;
    // A chain of further actions is never written by Chromium; refuse it rather than follow it.
    if (action.has(PDFName.of('Next'))) return false;
    const type = action.get(PDFName.of('S'));
    if (type === PDFName.of('GoTo') || type === PDFName.of('Named')) return true;
    if (type !== PDFName.of('URI')) return false;
    const uri = lookup(action.get(PDFName.of('URI')));
    return (uri instanceof PDFString || uri instanceof PDFHexString) && isSafeUrl(uri.decodeText());
  };

  const visit = (object: PDFObject | undefined, seen: Set<PDFObject>) => {
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item, seen);
      return;
    }
    if (!(object instanceof PDFDict)) return;
    // /A is an annotation's or outline item's action, but also a tagged element's attributes
    // (which have /O, never /S): only an action dictionary is judged.
    const action = PDFName.of('A');
    const value = lookup(object.get(action));
    if (value instanceof PDFDict && value.has(PDFName.of('S')) && !isSafeAction(value)) {
      object.delete(action);
      removed++;
    }
    const open = PDFName.of('OpenAction');
    if (object.has(open) && !isSafeAction(object.get(open))) {
      object.delete(open);
      removed++;
    }
    // Event actions (page open, field change, …) and document scripts: no PDF here needs them.
    for (const key of ['AA', 'JavaScript'] as const) {
      const name = PDFName.of(key);
      if (object.has(name)) {
        object.delete(name);
        removed++;
      }
    }
    for (const [, value] of object.entries()) visit(value, seen);
  };

  const seen = new Set<PDFObject>();
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object, seen);
  // The catalog and trailer dictionaries are indirect objects too, but walk the catalog explicitly
  // in case it is not enumerated (a document pdf-lib has only just created).
  visit(document.catalog, seen);
  return removed;
}
