import type { LoadedEntry } from '../content/read';
import type { TrustDocument } from '../../schemas/document';
import { error, type Finding } from './finding';

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
