import { isPageNumberId } from '../paging.ts';
import { error, type Finding } from './finding.ts';

/** `/updates/2/` is page 2 of the news archive, so a news item's id (its file name) may not be a bare number. */
export function checkUpdateIds(updates: readonly { id: string; file: string }[]): Finding[] {
  return updates
    .filter((entry) => isPageNumberId(entry.id))
    .map((entry) => error(entry.file, '(file name)', `"${entry.id}" would clash with the news archive's page numbers; start it with a date and a word`, 'reserved-id'));
}
