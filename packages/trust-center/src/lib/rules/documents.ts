import type { LoadedEntry } from '../content/read.ts';
import type { TrustDocument } from '../../schemas/document.ts';
import { error, type Finding } from './finding.ts';

/** Each generated PDF is listed at most once, so the documents page never offers one file under two names. */
export function checkGeneratedPdfs(documents: LoadedEntry<TrustDocument>[]): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { id, file, data } of documents) {
    if (data.access !== 'generated') continue;
    const first = seen.get(data.pdf);
    if (first) findings.push(error(file, `${id}.pdf`, `"${data.pdf}" is already listed by "${first}"`, 'duplicate-pdf'));
    else seen.set(data.pdf, id);
  }
  return findings;
}

/**
 * Each document has its own place in the list: two documents with one `order` would leave their
 * order to chance, and the company set an order precisely to decide it.
 */
export function checkDocumentOrder(documents: LoadedEntry<TrustDocument>[]): Finding[] {
  const seen = new Map<number, string>();
  const findings: Finding[] = [];
  for (const { id, file, data } of documents) {
    const first = seen.get(data.order);
    if (first) findings.push(error(file, `${id}.order`, `${data.order} is already the order of "${first}"; give each document its own place`, 'duplicate-order'));
    else seen.set(data.order, id);
  }
  return findings;
}
