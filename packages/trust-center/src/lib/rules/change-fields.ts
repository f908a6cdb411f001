import type { LoadedEntry } from '../content/read.ts';
import type { SubprocessorChange } from '../../schemas/subprocessor-change.ts';
import { fieldLabels, isSubprocessorField } from '../subprocessors/facts.ts';
import { error, type Finding } from './finding.ts';

/**
 * An updated event names each changed field by its key in the sub-processor file. A key that is
 * no field (a typo, or a field the schema renamed) could be shown to readers only as written, so
 * the change would not say in words what changed.
 */
export function checkChangeFields(events: LoadedEntry<SubprocessorChange>[]): Finding[] {
  const known = Object.keys(fieldLabels).join(', ');
  return events.flatMap(({ file, data }) =>
    (data.changes ?? []).flatMap((change, index) =>
      isSubprocessorField(change.field)
        ? []
        : [error(file, `changes.${index}.field`, `"${change.field}" is not a sub-processor field (one of: ${known})`, 'unknown-field')],
    ),
  );
}
