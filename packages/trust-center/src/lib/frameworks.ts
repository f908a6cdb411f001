import { frameworkIds, frameworks, type Framework } from '../data/frameworks/index.ts';
import type { Control } from '../schemas/control.ts';

/** What the framework pages need of a control. */
export interface MappedControl {
  id: string;
  data: Pick<Control, 'title' | 'frameworks'>;
}

/** One requirement some control addresses, with those controls in the order given. */
export interface MappedRequirement<C extends MappedControl> {
  id: string;
  controls: C[];
}

/** One framework as the site shows it: only the requirements some control names, in the framework's order. */
export interface FrameworkMapping<C extends MappedControl> {
  framework: Framework;
  groups: { label: string; requirements: MappedRequirement<C>[] }[];
  /** How many of the framework's requirements some control addresses. */
  addressed: number;
  /** How many requirements the framework has. */
  total: number;
  /** How many controls name at least one of its requirements. */
  controls: number;
}

/**
 * Controls by framework requirement, for the frameworks that at least one control references (a
 * framework nobody maps gets no page: an empty list would read as "addresses nothing"). The ids
 * were checked by the framework-id rule before the build renders; an id outside the list is skipped
 * here rather than invented into a group.
 */
export function mapControlsToFrameworks<C extends MappedControl>(controls: readonly C[]): FrameworkMapping<C>[] {
  return frameworks.flatMap((framework) => {
    const byRequirement = new Map<string, C[]>();
    let mappedControls = 0;
    for (const control of controls) {
      const ids = [...new Set(control.data.frameworks?.[framework.key] ?? [])];
      if (ids.length > 0) mappedControls++;
      for (const id of ids) byRequirement.set(id, [...(byRequirement.get(id) ?? []), control]);
    }
    if (mappedControls === 0) return [];
    const groups = framework.groups
      .map((group) => ({
        label: group.label,
        requirements: group.ids.flatMap((id) => {
          const mapped = byRequirement.get(id);
          return mapped ? [{ id, controls: mapped }] : [];
        }),
      }))
      .filter((group) => group.requirements.length > 0);
    const addressed = groups.reduce((sum, group) => sum + group.requirements.length, 0);
    return [{ framework, groups, addressed, total: frameworkIds(framework).length, controls: mappedControls }];
  });
}
