import { describe, expect, it } from 'vitest';
import type { LoadedEntry } from '../../src/lib/content/read.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { checkSubprocessorNames, nameKey } from '../../src/lib/rules/subprocessor-names.ts';
import type { Subprocessor } from '../../src/schemas/subprocessor.ts';

const entry = (id: string, name: string) => ({ id, file: `content/subprocessors/${id}.yaml`, data: { name } as Subprocessor }) as LoadedEntry<Subprocessor>;

describe('sub-processor display names are unique (duplicate-name)', () => {
  it('accepts distinct names, including ones that share words', () => {
    expect(checkSubprocessorNames([entry('cloud', 'Example Cloud'), entry('storage', 'Example Cloud Storage'), entry('mail', 'Example Mail')])).toEqual([]);
  });

  it('fails a second file with the same name, whatever its capitals or spaces', () => {
    const findings = checkSubprocessorNames([entry('cloud', 'Example Cloud'), entry('cloud-eu', ' example   CLOUD'), entry('cloud-us', 'Example Cloud')]);
    expect(findings.map(formatFinding)).toEqual([
      'content/subprocessors/cloud-eu.yaml: name: " example   CLOUD" is also the name of content/subprocessors/cloud.yaml; give each sub-processor its own name (duplicate-name)',
      'content/subprocessors/cloud-us.yaml: name: "Example Cloud" is also the name of content/subprocessors/cloud.yaml; give each sub-processor its own name (duplicate-name)',
    ]);
  });

  it('compares names as a reader does', () => {
    expect(nameKey('Ｅxample\u00a0Cloud')).toBe(nameKey('example cloud'));
    expect(nameKey('Example Cloud')).not.toBe(nameKey('Example Clouds'));
  });
});
