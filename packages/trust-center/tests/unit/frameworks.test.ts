import { describe, expect, it } from 'vitest';
import { displayId, frameworkIds, frameworkKeys, frameworks, requirementAnchor } from '../../src/data/frameworks/index.ts';
import { mapControlsToFrameworks } from '../../src/lib/frameworks.ts';
import { checkFrameworkIds } from '../../src/lib/rules/framework-ids.ts';
import { formatFinding, printFinding, type Finding } from '../../src/lib/rules/finding.ts';
import { controlSchema, type Control } from '../../src/schemas/control.ts';

const messages = (findings: Finding[]) => findings.map(formatFinding);
const byKey = (key: string) => frameworks.find((framework) => framework.key === key)!;
const control = (id: string, frameworks: Control['frameworks']) => ({ id, file: 'content/controls.yaml', data: { frameworks } });

describe('the framework id lists', () => {
  it('has one framework per key of the control field, in the same order', () => {
    expect(frameworks.map((framework) => framework.key)).toEqual([...frameworkKeys]);
    expect(Object.keys(controlSchema.shape.frameworks.unwrap().shape)).toEqual([...frameworkKeys]);
  });

  it('holds ISO/IEC 27001:2022 Annex A: 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34', () => {
    const ids = frameworkIds(byKey('iso27001'));
    expect(ids).toHaveLength(93);
    expect(byKey('iso27001').groups.map((group) => [group.ids[0], group.ids.at(-1), group.ids.length])).toEqual([
      ['5.1', '5.37', 37],
      ['6.1', '6.8', 8],
      ['7.1', '7.14', 14],
      ['8.1', '8.34', 34],
    ]);
    // 2013 numbering and the "A." prefix are not ids: content writes the bare number.
    for (const wrong of ['A.5.1', '5.38', '6.9', '7.15', '8.35', '9.1', '5.0', 'A.10.1.1']) expect(ids).not.toContain(wrong);
  });

  it('holds the 61 SOC 2 Trust Services Criteria (2017)', () => {
    const ids = frameworkIds(byKey('soc2'));
    expect(ids).toHaveLength(61);
    const count = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).length;
    expect(['CC1.', 'CC2.', 'CC3.', 'CC4.', 'CC5.', 'CC6.', 'CC7.', 'CC8.', 'CC9.'].map(count)).toEqual([5, 3, 4, 2, 3, 8, 5, 1, 2]);
    expect(['A1.', 'C1.', 'PI1.'].map(count)).toEqual([3, 2, 5]);
    expect(['P1.', 'P2.', 'P3.', 'P4.', 'P5.', 'P6.', 'P7.', 'P8.'].map(count)).toEqual([1, 1, 2, 3, 2, 7, 1, 1]);
    expect(ids).toEqual(expect.arrayContaining(['CC6.8', 'CC8.1', 'PI1.5', 'P6.7', 'P8.1']));
    for (const wrong of ['CC6.9', 'CC8.2', 'CC10.1', 'A1.4', 'P9.1', 'cc6.1']) expect(ids).not.toContain(wrong);
  });

  it('holds the 197 controls of CSA CCM v4 in 17 domains', () => {
    const ccm = byKey('ccm');
    const ids = frameworkIds(ccm);
    expect(ids).toHaveLength(197);
    expect(Object.fromEntries(ccm.groups.map((group) => [group.ids[0]!.slice(0, -3), group.ids.length]))).toEqual({
      'A&A': 6, AIS: 7, BCR: 11, CCC: 9, CEK: 21, DCS: 15, DSP: 19, GRC: 8, HRS: 13, IAM: 16, IPY: 4, IVS: 9, LOG: 13, SEF: 8, STA: 14, TVM: 10, UEM: 14,
    });
    expect(ids.slice(0, 3)).toEqual(['A&A-01', 'A&A-02', 'A&A-03']);
    expect(ids).toEqual(expect.arrayContaining(['CEK-21', 'DSP-19', 'UEM-14']));
    for (const wrong of ['CEK-22', 'IAM-1', 'IAM-17', 'EKM-01']) expect(ids).not.toContain(wrong);
  });

  it('names no id twice and gives every id its own anchor', () => {
    for (const framework of frameworks) {
      const ids = frameworkIds(framework);
      expect(new Set(ids).size).toBe(ids.length);
      const anchors = ids.map(requirementAnchor);
      expect(new Set(anchors).size).toBe(ids.length);
      for (const anchor of anchors) expect(anchor).toMatch(/^req-[a-z0-9-]+$/);
    }
    expect(requirementAnchor('A&A-01')).toBe('req-a-a-01');
    expect(requirementAnchor('CC6.1')).toBe('req-cc6-1');
    expect(requirementAnchor('8.24')).toBe('req-8-24');
    expect(displayId(byKey('iso27001'), '8.24')).toBe('A.8.24');
    expect(displayId(byKey('soc2'), 'CC6.1')).toBe('CC6.1');
  });

  it('names each source by its publisher, with an https address', () => {
    for (const { source, version } of frameworks) {
      expect(source.publisher).not.toBe('');
      expect(version).not.toBe('');
      expect(new URL(source.url).protocol).toBe('https:');
    }
  });
});

describe('framework references (unknown-framework-id, duplicate-framework-id)', () => {
  it('accepts existing ids of each framework, and controls without any', () => {
    expect(
      checkFrameworkIds([
        control('tls', { iso27001: ['8.24', '5.14'], soc2: ['CC6.7'], ccm: ['CEK-03', 'A&A-01'] }),
        control('mfa', undefined),
        control('backups', { soc2: ['A1.2'] }),
      ]),
    ).toEqual([]);
  });

  it('refuses an id the framework does not have, naming the framework', () => {
    expect(messages(checkFrameworkIds([control('tls', { iso27001: ['8.24', '5.99'] })]))).toEqual([
      'content/controls.yaml: tls.frameworks.iso27001.1: "5.99" is not an ISO/IEC 27001:2022 Annex A control (unknown-framework-id)',
    ]);
    expect(messages(checkFrameworkIds([control('tls', { soc2: ['CC10.1'], ccm: ['EKM-03'] })]))).toEqual([
      'content/controls.yaml: tls.frameworks.soc2.0: "CC10.1" is not a SOC 2 Trust Services Criteria (2017) criterion (unknown-framework-id)',
      'content/controls.yaml: tls.frameworks.ccm.0: "EKM-03" is not a CSA Cloud Controls Matrix v4 control (unknown-framework-id)',
    ]);
  });

  it('refuses an id of another framework or another spelling, and suggests the right one', () => {
    expect(messages(checkFrameworkIds([control('tls', { iso27001: ['CC6.1'], soc2: ['cc6.1', 'A.8.24'], ccm: ['CEK-3'] }), control('mfa', { iso27001: ['A.8.5', ' 8.5'] })]))).toEqual([
      'content/controls.yaml: tls.frameworks.iso27001.0: "CC6.1" is not an ISO/IEC 27001:2022 Annex A control (unknown-framework-id)',
      'content/controls.yaml: tls.frameworks.soc2.0: "cc6.1" is not a SOC 2 Trust Services Criteria (2017) criterion; did you mean "CC6.1"? (unknown-framework-id)',
      'content/controls.yaml: tls.frameworks.soc2.1: "A.8.24" is not a SOC 2 Trust Services Criteria (2017) criterion (unknown-framework-id)',
      'content/controls.yaml: tls.frameworks.ccm.0: "CEK-3" is not a CSA Cloud Controls Matrix v4 control; did you mean "CEK-03"? (unknown-framework-id)',
      'content/controls.yaml: mfa.frameworks.iso27001.0: "A.8.5" is not an ISO/IEC 27001:2022 Annex A control; did you mean "8.5"? (unknown-framework-id)',
      'content/controls.yaml: mfa.frameworks.iso27001.1: " 8.5" is not an ISO/IEC 27001:2022 Annex A control; did you mean "8.5"? (unknown-framework-id)',
    ]);
  });

  it('lists the valid ids under the line, closest first', () => {
    const [finding] = checkFrameworkIds([control('tls', { iso27001: ['8.99'] })]);
    expect(printFinding(finding!).split('\n')[1]).toMatch(/^ {4}valid ids, closest first: 8\.19, 8\.29, 8\.9, .* and 85 more$/);
  });

  it('refuses an id listed twice, once per repetition', () => {
    expect(messages(checkFrameworkIds([control('tls', { ccm: ['CEK-03', 'CEK-04', 'CEK-03', 'CEK-03'] })]))).toEqual([
      'content/controls.yaml: tls.frameworks.ccm.2: "CEK-03" is listed twice (duplicate-framework-id)',
      'content/controls.yaml: tls.frameworks.ccm.3: "CEK-03" is listed twice (duplicate-framework-id)',
    ]);
  });

  it('lets the schema refuse an unknown framework and an empty list, before the rule runs', () => {
    const base = { id: 'tls', title: 'TLS', category: 'Encryption', statement: 'TLS.', section: 'encryption' };
    expect(controlSchema.safeParse({ ...base, frameworks: { iso27001: ['8.24'] } }).success).toBe(true);
    expect(controlSchema.safeParse({ ...base, frameworks: { nist: ['AC-1'] } }).success).toBe(false);
    expect(controlSchema.safeParse({ ...base, frameworks: { soc2: [] } }).success).toBe(false);
    expect(controlSchema.safeParse({ ...base, frameworks: { soc2: 'CC6.1' } }).success).toBe(false);
  });
});

describe('controls by framework requirement (the /controls/ pages)', () => {
  const mapped = (id: string, title: string, frameworks: Control['frameworks']) => ({ id, data: { title, frameworks } });

  it("lists each mapped requirement once, in the framework's order, with its controls in the order given", () => {
    const tls = mapped('tls', 'TLS', { iso27001: ['8.24', '5.14'], ccm: ['CEK-03'] });
    const rest = mapped('rest', 'At rest', { iso27001: ['8.24'], ccm: ['CEK-03', 'A&A-02'] });
    const none = mapped('none', 'Unmapped', undefined);
    const [iso, ccm, ...others] = mapControlsToFrameworks([tls, rest, none]);
    expect(others).toEqual([]); // SOC 2: no control names it, so no page
    expect(iso!.framework.key).toBe('iso27001');
    expect(iso!.groups.map((group) => [group.label, group.requirements.map((r) => [r.id, r.controls.map((c) => c.id)])])).toEqual([
      ['Organizational', [['5.14', ['tls']]]],
      ['Technological', [['8.24', ['tls', 'rest']]]],
    ]);
    expect([iso!.addressed, iso!.total, iso!.controls]).toEqual([2, 93, 2]);
    expect(ccm!.groups.map((group) => group.requirements.map((r) => r.id))).toEqual([['A&A-02'], ['CEK-03']]);
    expect([ccm!.addressed, ccm!.total, ccm!.controls]).toEqual([2, 197, 2]);
  });

  it('gives no page at all when no control names a framework', () => {
    expect(mapControlsToFrameworks([mapped('none', 'Unmapped', undefined), mapped('empty', 'Empty', {})])).toEqual([]);
  });
});
