import { frameworkIds, frameworks } from '../../data/frameworks/index.ts';
import type { Control } from '../../schemas/control.ts';
import { error, type Finding } from './finding.ts';
import { validList } from './suggest.ts';

interface ControlEntry {
  id: string;
  file: string;
  data: Pick<Control, 'frameworks'>;
}

/**
 * A framework reference is a claim a procurement team maps into its own register: an id that does
 * not exist in the edition the engine ships (a typo, an ISO 27001:2013 number, a lower-case "cc6.1")
 * would map to nothing or to the wrong requirement, and a repeated id counts one claim twice.
 */
export function checkFrameworkIds(controls: readonly ControlEntry[]): Finding[] {
  const findings: Finding[] = [];
  const lists = frameworks.map((framework) => ({ framework, valid: frameworkIds(framework), known: new Set(frameworkIds(framework)) }));
  // In the file's order, so the findings read top to bottom like the file.
  for (const { id: control, file, data } of controls) {
    for (const { framework, valid, known } of lists) {
      const ids = data.frameworks?.[framework.key] ?? [];
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        const field = `${control}.frameworks.${framework.key}.${index}`;
        if (!known.has(id)) {
          findings.push(
            error(
              file,
              field,
              `"${id}" is not ${framework.noun}${meant(id, known)}`,
              'unknown-framework-id',
              validList('valid ids', id, valid),
            ),
          );
        } else if (seen.has(id)) {
          findings.push(error(file, field, `"${id}" is listed twice`, 'duplicate-framework-id'));
        }
        seen.add(id);
      });
    }
  }
  return findings;
}

/**
 * The id meant when only its spelling is off: another case ("cc6.1"), ISO's shown form with its
 * "A." ("A.8.24"), a CCM number without its zero ("CEK-3"). Nothing else is guessed: short ids sit
 * one edit from many others ("5.99" from 5.9, 5.19, 6.9...), and the hint lists them closest first.
 */
function meant(id: string, known: ReadonlySet<string>): string {
  const upper = id.trim().toUpperCase();
  const candidates = [upper, upper.replace(/^A\./, ''), upper.replace(/-(\d)$/, '-0$1')];
  const found = candidates.find((candidate) => candidate !== id && known.has(candidate));
  return found ? `; did you mean "${found}"?` : '';
}
