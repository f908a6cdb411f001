import type { Subprocessor } from '../../schemas/subprocessor.ts';
import type { LoadedEntry } from '../content/read.ts';
import { error, type Finding } from './finding.ts';

/** A name as readers compare names: case, spacing and Unicode forms aside. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * Readers, exports and change titles tell sub-processors apart by display name, so two files must
 * not share one, even spelled with other capitals or spaces ("Example Cloud" and "example  cloud").
 */
export function checkSubprocessorNames(entries: LoadedEntry<Subprocessor>[]): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { file, data } of entries) {
    const key = nameKey(data.name);
    const first = seen.get(key);
    if (first) findings.push(error(file, 'name', `"${data.name}" is also the name of ${first}; give each sub-processor its own name`, 'duplicate-name'));
    else seen.set(key, file);
  }
  return findings;
}
