import { ccm } from './ccm.ts';
import { iso27001 } from './iso-27001.ts';
import { soc2 } from './soc-2.ts';
import type { Framework, FrameworkKey } from './types.ts';

export type { Framework, FrameworkGroup, FrameworkKey } from './types.ts';

/** Every framework a control can reference, in the order the site lists them. */
export const frameworks: readonly Framework[] = [iso27001, soc2, ccm];

/** The keys of a control's `frameworks` object, in the same order. */
export const frameworkKeys = ['iso27001', 'soc2', 'ccm'] as const satisfies readonly FrameworkKey[];

/** Every valid id of a framework, in its order. */
export function frameworkIds(framework: Framework): string[] {
  return framework.groups.flatMap((group) => group.ids);
}

/** An id as the site shows it: "A.5.1" for ISO's Annex A, the id itself otherwise. */
export function displayId(framework: Framework, id: string): string {
  return `${framework.displayPrefix}${id}`;
}

/**
 * The anchor of a requirement on its framework's page: lower case, any run of characters other than
 * letters and digits made one hyphen ("A&A-01" → "req-a-a-01", "CC6.1" → "req-cc6-1", "8.24" →
 * "req-8-24"), so a fragment needs no percent-encoding and the id suits every HTML checker (letters,
 * digits, hyphens). Unique within a framework, which the unit test checks for every id.
 */
export function requirementAnchor(id: string): string {
  return `req-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
