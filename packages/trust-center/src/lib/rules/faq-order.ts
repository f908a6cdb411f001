import type { Faq } from '../../schemas/faq.ts';
import type { LoadedEntry } from '../content/read.ts';
import { error, type Finding } from './finding.ts';

/**
 * The FAQ page sorts all published questions by `order`, then groups them by category (a group sits
 * where its first question does), so one `order` is one position on the whole page: two published
 * questions sharing one would leave both the question order and the group order to chance. Drafts
 * take no position until they are published.
 */
export function checkFaqOrder(entries: LoadedEntry<Faq>[]): Finding[] {
  const seen = new Map<number, string>();
  const findings: Finding[] = [];
  for (const { file, data } of entries) {
    if (data.draft) continue;
    const first = seen.get(data.order);
    if (first) findings.push(error(file, 'order', `${data.order} is also the order of ${first}; give each question its own position`, 'duplicate-order'));
    else seen.set(data.order, file);
  }
  return findings;
}
