import { error, type Finding } from './finding.ts';

interface Identified {
  id: string;
  file: string;
}

/**
 * Ids become URLs and anchors, so two entries sharing one would make one of them unreachable.
 * Entries from a folder are unique by file name already; lists inside one file are not.
 */
export function checkUniqueIds(entries: Identified[], field = 'id'): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { id, file } of entries) {
    if (seen.has(id)) findings.push(error(file, `${id}.${field}`, `"${id}" is used by more than one entry`, 'duplicate-id'));
    seen.add(id);
  }
  return findings;
}
