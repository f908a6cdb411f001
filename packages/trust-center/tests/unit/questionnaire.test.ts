import { execFileSync } from 'node:child_process';
import { pythonWithOpenpyxl } from '../../e2e/support/python.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { readContent } from '../../src/lib/content/read.ts';
import { statedFacts, unsupportedFacts } from '../../src/lib/questionnaire/facts.ts';
import { mergeFrameworks, questionnaireRows, type QuestionnaireRow } from '../../src/lib/questionnaire/rows.ts';
import { questionnaireCsv, questionnaireXlsx, type SheetContext } from '../../src/lib/questionnaire/sheet.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import { runRules } from '../../src/lib/rules/index.ts';
import { checkQuestionnaire } from '../../src/lib/rules/questionnaire.ts';
import { questionnaireSchema } from '../../src/schemas/questionnaire.ts';
import { writeFixture } from '../helpers/fixture-content.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryContent = path.resolve(here, '../../../../content');
const today = new Date('2026-11-27T00:00:00Z');

/** The findings of the questionnaire rule over a valid fixture with `questionnaire.yaml` replaced. */
function findings(questionnaire: string): string[] {
  const dir = writeFixture({ 'questionnaire.yaml': questionnaire });
  const { content, findings: read } = readContent(dir, path.dirname(dir));
  if (!content) return read.map(formatFinding).map((line) => line.replace(/^trust-content-\w+\//, ''));
  return checkQuestionnaire(content).map(formatFinding).map((line) => line.replace(/^trust-content-\w+\//, ''));
}

describe('questionnaire schema', () => {
  it('accepts an answered entry and a not-stated one, and defaults the sources', () => {
    expect(questionnaireSchema.parse({ id: 'a', domain: 'encryption', question: 'Q?', answer: 'A.', sources: { controls: ['tls'] } }).sources).toEqual({
      sections: [],
      controls: ['tls'],
      faq: [],
    });
    expect(questionnaireSchema.parse({ id: 'b', domain: 'ai', question: 'Q?', status: 'not-stated' }).sources).toEqual({ sections: [], controls: [], faq: [] });
  });

  it('refuses a domain outside the fixed list, an unknown field and an unknown status', () => {
    expect(questionnaireSchema.safeParse({ id: 'a', domain: 'marketing', question: 'Q?', answer: 'A.' }).success).toBe(false);
    expect(questionnaireSchema.safeParse({ id: 'a', domain: 'ai', question: 'Q?', answer: 'A.', frameworks: {} }).success).toBe(false);
    expect(questionnaireSchema.safeParse({ id: 'a', domain: 'ai', question: 'Q?', status: 'unknown' }).success).toBe(false);
  });
});

describe('questionnaire rules (questionnaire-answer, unknown-reference, questionnaire-fact)', () => {
  it('accepts the valid fixture', () => {
    const dir = writeFixture();
    const { content } = readContent(dir, path.dirname(dir));
    expect(content && runRules(content, today).map(formatFinding)).toEqual([]);
  });

  it('fails a source id that does not exist, naming file, field and rule', () => {
    const lines = findings(`- id: tls\n  domain: encryption\n  question: Q?\n  answer: Data is encrypted.\n  sources:\n    controls: [tsl]\n    sections: [encryptoin]\n    faq: [nowhere]\n`);
    expect(lines).toEqual([
      'questionnaire.yaml: tls.sources.sections.0: "encryptoin" is not a whitepaper section; did you mean "encryption"? (unknown-reference)',
      'questionnaire.yaml: tls.sources.controls.0: "tsl" is not a control; did you mean "tls"? (unknown-reference)',
      'questionnaire.yaml: tls.sources.faq.0: "nowhere" is not a FAQ entry; did you mean "where"? (unknown-reference)',
    ]);
  });

  it('fails an entry with neither answer nor status, with both, and an answer citing nothing', () => {
    expect(findings(`- id: a\n  domain: ai\n  question: Q?\n`)).toEqual([
      'questionnaire.yaml: a.answer: is missing: write the answer from the content, or set "status: not-stated" where the content is silent (questionnaire-answer)',
    ]);
    expect(findings(`- id: a\n  domain: ai\n  question: Q?\n  answer: A.\n  status: not-stated\n  sources:\n    controls: [tls]\n`)).toEqual([
      'questionnaire.yaml: a.status: an entry with an answer cannot be "not-stated"; remove one of them (questionnaire-answer)',
    ]);
    expect(findings(`- id: a\n  domain: ai\n  question: Q?\n  answer: A.\n`)).toEqual([
      'questionnaire.yaml: a.sources: an answer must cite the sections, controls or FAQ it rests on (questionnaire-answer)',
    ]);
    expect(findings(`- id: a\n  domain: ai\n  question: Q?\n  status: not-stated\n  sources:\n    controls: [tls]\n`)).toEqual([
      'questionnaire.yaml: a.sources: a not-stated question rests on nothing: remove its sources, or write the answer they give (questionnaire-answer)',
    ]);
  });

  it('fails an answer stating a number or a name its sources do not hold', () => {
    expect(findings(`- id: tls\n  domain: encryption\n  question: Q?\n  answer: Data is encrypted with AES-256 in Frankfurt.\n  sources:\n    controls: [tls]\n`)).toEqual([
      'questionnaire.yaml: tls.answer: states "AES-256", "Frankfurt", which no cited source states; cite the source or remove it (questionnaire-fact)',
    ]);
    // The same words are fine once a cited source holds them: Frankfurt is in the FAQ.
    expect(findings(`- id: tls\n  domain: hosting\n  question: Q?\n  answer: In Frankfurt.\n  sources:\n    faq: [where]\n`)).toEqual([]);
  });

  it('fails a duplicate id', () => {
    const dir = writeFixture({ 'questionnaire.yaml': `- id: a\n  domain: ai\n  question: Q?\n  status: not-stated\n- id: a\n  domain: ai\n  question: Q?\n  status: not-stated\n` });
    const { content } = readContent(dir, path.dirname(dir));
    expect(content && runRules(content, today).map(formatFinding).map((line) => line.replace(/^.*?questionnaire/, 'questionnaire'))).toEqual([
      'questionnaire.yaml: a.id: "a" is used by more than one entry (duplicate-id)',
    ]);
  });
});

describe('fact extraction', () => {
  it('finds numbers, versions, durations, dates and names, not sentence-opening prose', () => {
    expect(statedFacts('Yes. All data is encrypted using TLS 1.3 and AES-256; RTO 24 hours, target H2 2026 in eu-central-1 on AWS.', new Set(['all']))).toEqual([
      'TLS',
      '1.3',
      'AES-256',
      'RTO',
      '24',
      'H2',
      '2026',
      'eu-central-1',
      'AWS',
    ]);
  });

  it('counts a capitalised sentence opener as a name unless it is an ordinary word', () => {
    expect(unsupportedFacts('Datadog stores the logs.', ['the logs are stored'])).toEqual(['Datadog']);
    expect(unsupportedFacts('Logs are stored.', ['logs are stored'])).toEqual([]);
    expect(unsupportedFacts('Retained for 90 days.', ['retained for 30 days'])).toEqual(['90']);
    expect(unsupportedFacts('Hosted on Aws.', ['hosted on AWS'])).toEqual(['Aws']);
    expect(unsupportedFacts('Certification to ISO 27001.', ['ISO 27001:2022 certification'])).toEqual([]);
  });

  it('holds every answer of the repository’s own questionnaire to its sources', () => {
    const { content, findings: read } = readContent(repositoryContent, path.dirname(repositoryContent));
    expect(read.map(formatFinding)).toEqual([]);
    expect(content!.questionnaire.length).toBeGreaterThanOrEqual(40);
    expect(checkQuestionnaire(content!).map(formatFinding)).toEqual([]);
    // Every one of the fifteen domains has at least one question.
    expect(new Set(content!.questionnaire.map(({ data }) => data.domain)).size).toBe(15);
  });
});

const hostile: QuestionnaireRow[] = [
  {
    id: 'formula',
    domain: 'encryption',
    question: '=HYPERLINK("https://evil.example/","click")',
    answer: '+1+1',
    sources: [{ label: '@SUM(A1)', path: '/#control-x' }],
    frameworks: { iso27001: ['8.24'], soc2: ['CC6.1'] },
  },
  { id: 'silent', domain: 'ai', question: '-Anything?', answer: undefined, sources: [], frameworks: undefined },
];
const context: SheetContext = { company: 'Example <AS> & "Co"', date: today, version: '2026-11-27', url: (p) => `https://trust.example.com${p}` };

describe('questionnaire rows', () => {
  it('orders rows by the fixed domain list and merges the cited controls’ framework references', () => {
    const rows = questionnaireRows({
      entries: [
        { id: 'b', data: { id: 'b', domain: 'ai', question: 'B?', status: 'not-stated', sources: { sections: [], controls: [], faq: [] } } },
        { id: 'a', data: { id: 'a', domain: 'hosting', question: 'A?', answer: 'A.', sources: { sections: ['s'], controls: ['c1', 'c2'], faq: ['f'] } } },
      ],
      sections: new Map([['s', { number: '3', title: 'Hosting' }]]),
      controls: new Map([
        ['c1', { title: 'One', frameworks: { iso27001: ['8.24'] } }],
        ['c2', { title: 'Two', frameworks: { iso27001: ['8.24', '5.1'], ccm: ['CEK-03'] } }],
      ]),
      faq: new Map([['f', { question: 'Where?' }]]),
    });
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
    expect(rows[0]!.sources).toEqual([
      { label: '3 Hosting', path: '/whitepaper/#s' },
      { label: 'One', path: '/#control-one'.replace('one', 'c1') },
      { label: 'Two', path: '/#control-c2' },
      { label: 'Where?', path: '/faq/#f' },
    ]);
    expect(rows[0]!.frameworks).toEqual({ iso27001: ['8.24', '5.1'], ccm: ['CEK-03'] });
    expect(rows[1]!.answer).toBeUndefined();
    expect(mergeFrameworks([undefined, undefined])).toBeUndefined();
  });
});

describe('questionnaire.csv', () => {
  it('quotes every field and defuses formula starts in every cell', () => {
    const csv = questionnaireCsv(hostile, context);
    expect(csv.startsWith('\uFEFF"Domain","Id","Question","Answer","Status"')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/"",""click"")"`);
    expect(csv).toContain(`"'+1+1"`);
    expect(csv).toContain(`"'-Anything?","Not stated in the whitepaper","Not stated in the whitepaper"`);
    expect(csv).toContain(`"'@SUM(A1) <https://trust.example.com/#control-x>"`);
    expect(csv).toContain('"ISO/IEC 27001: A.8.24; SOC 2: CC6.1"');
    expect(csv).toContain('"https://trust.example.com/questionnaire/#q-formula"');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
  });
});

describe('questionnaire.xlsx', () => {
  it('is a workbook with a cover sheet and an answers sheet: frozen bold header, filter, wrapped text, links, text never formulas', async () => {
    const bytes = await questionnaireXlsx(hostile, context);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.creator).toBe(context.company);
    expect(workbook.created.toISOString()).toBe(today.toISOString());
    const about = workbook.getWorksheet('About')!;
    expect(about.getCell('B1').value).toBe(context.company);
    expect(about.getCell('B2').value).toBe('2026-11-27');
    expect(about.getCell('B3').value).toBe('2026-11-27');
    const answers = workbook.getWorksheet('Answers')!;
    expect(answers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(answers.autoFilter).toBeDefined();
    expect(answers.getRow(1).font?.bold).toBe(true);
    expect(answers.getCell('C2').value).toBe('=HYPERLINK("https://evil.example/","click")');
    expect(answers.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(answers.getCell('D2').value).toBe('+1+1');
    expect(answers.getCell('D2').alignment?.wrapText).toBe(true);
    expect(answers.getCell('I2').value).toEqual({ text: '@SUM(A1)', hyperlink: 'https://trust.example.com/#control-x' });
    expect(answers.getCell('H2').hyperlink).toBe('https://trust.example.com/questionnaire/#q-formula');
    expect(answers.getCell('D3').value).toBe('Not stated in the whitepaper');
  });

  it('gives the same bytes for the same content and date, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2027-03-01T10:00:00Z'));
      const first = await questionnaireXlsx(hostile, context);
      vi.setSystemTime(new Date('2031-07-15T23:59:58Z'));
      expect(Buffer.from(await questionnaireXlsx(hostile, context)).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens in openpyxl, an independent reader, with every question, answer and source link', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'questionnaire-')), 'questionnaire.xlsx');
    writeFileSync(file, await questionnaireXlsx(hostile, context));
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb["Answers"]',
      'rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]',
      'links = [c.hyperlink.target for row in ws.iter_rows(min_row=2) for c in row if c.hyperlink]',
      'print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows, "links": links, "types": [ws["C2"].data_type]}))',
    ].join('\n');
    const read = JSON.parse(execFileSync(pythonWithOpenpyxl(), ['-c', script, file], { encoding: 'utf8' }));
    expect(read.sheets).toEqual(['About', 'Answers']);
    expect(read.freeze).toBe('A2');
    expect(read.filter).toBe('A1:I1');
    expect(read.types).toEqual(['s']);
    expect(read.rows.map((row: unknown[]) => row.slice(2, 4))).toEqual([
      ['=HYPERLINK("https://evil.example/","click")', '+1+1'],
      ['-Anything?', 'Not stated in the whitepaper'],
    ]);
    expect(read.links).toEqual(['https://trust.example.com/questionnaire/#q-formula', 'https://trust.example.com/#control-x', 'https://trust.example.com/questionnaire/#q-silent']);
  });
});
