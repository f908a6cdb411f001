import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { useTranslations } from '../../i18n/index.ts';
import { spreadsheetText } from '../exports/spreadsheet.ts';
import { frameworksText, questionAnchor, type QuestionnaireRow } from './rows.ts';

const t = useTranslations();
const q = t.questionnaire;

/** What the files say about themselves: the cover sheet's facts and how site paths become links. */
export interface SheetContext {
  /** The company's name (legal name when it has one). */
  company: string;
  /** The build date: the cover sheet's date and every timestamp in the file, so two builds of one day give the same bytes. */
  date: Date;
  /** The content's version (the documents' version). */
  version: string;
  /** Makes a site path absolute, for links that work outside the site. */
  url: (path: string) => string;
}

/** The page an answer is shown on, with its anchor. */
const answerPath = (row: QuestionnaireRow) => `/questionnaire/#${questionAnchor(row.id)}`;

const statusText = (row: QuestionnaireRow) => (row.answer === undefined ? q.notStated : q.answered);

/** The columns both files share, in order: header and text of a row. */
const columns: { header: string; width: number; value: (row: QuestionnaireRow, context: SheetContext) => string }[] = [
  { header: q.columns.domain, width: 24, value: (row) => q.domains[row.domain] },
  { header: q.columns.id, width: 24, value: (row) => row.id },
  { header: q.columns.question, width: 40, value: (row) => row.question },
  { header: q.columns.answer, width: 60, value: (row) => row.answer ?? q.notStated },
  { header: q.columns.status, width: 16, value: statusText },
  { header: q.columns.frameworks, width: 30, value: (row) => frameworksText(row.frameworks) },
  {
    header: q.columns.sources,
    width: 50,
    value: (row, context) => row.sources.map((source) => `${source.label} <${context.url(source.path)}>`).join('; '),
  },
  { header: q.columns.url, width: 40, value: (row, context) => context.url(answerPath(row)) },
];

/**
 * RFC 4180 CSV, as subprocessors.csv: CRLF line ends, every field quoted, a UTF-8 byte-order mark,
 * and every cell through `spreadsheetText`, so no question or answer can become a formula.
 */
export function questionnaireCsv(rows: readonly QuestionnaireRow[], context: SheetContext): string {
  return stringify(
    rows.map((row) => columns.map((column) => spreadsheetText(column.value(row, context)))),
    { header: true, columns: columns.map((column) => spreadsheetText(column.header)), record_delimiter: 'windows', bom: true, quoted: true },
  );
}

/**
 * The workbook: an "About" cover sheet (company, date, version, how to read) and an "Answers" sheet
 * with the CSV's columns, then one hyperlink column per source. Text is written as text cells, never
 * as formulas, whatever it starts with. ExcelJS stamps every zip entry with the current time, so the
 * file is zipped again with the build date: the same content gives the same bytes.
 */
export async function questionnaireXlsx(rows: readonly QuestionnaireRow[], context: SheetContext): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = context.company;
  workbook.lastModifiedBy = context.company;
  workbook.created = context.date;
  workbook.modified = context.date;
  workbook.title = q.title;

  const about = workbook.addWorksheet(q.sheet.about);
  about.columns = [{ width: 18 }, { width: 100 }];
  const isoDay = context.date.toISOString().slice(0, 10);
  const aboutRows: [string, ExcelJS.CellValue][] = [
    [q.sheet.company, context.company],
    [q.sheet.date, isoDay],
    [q.sheet.version, context.version],
    [q.sheet.howToRead, q.sheet.howToReadText],
    [q.sheet.page, { text: context.url('/questionnaire/'), hyperlink: context.url('/questionnaire/') }],
  ];
  for (const [label, value] of aboutRows) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  const answers = workbook.addWorksheet(q.sheet.answers, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const sourceCount = Math.max(0, ...rows.map((row) => row.sources.length));
  answers.columns = [
    ...columns.map((column) => ({ header: column.header, width: column.width })),
    ...Array.from({ length: sourceCount }, (_, index) => ({ header: q.columns.source(index + 1), width: 36 })),
  ];
  for (const row of rows) {
    const added = answers.addRow([
      ...columns.map((column) => column.value(row, context)),
      ...row.sources.map((source): ExcelJS.CellValue => ({ text: source.label, hyperlink: context.url(source.path) })),
    ]);
    const url = added.getCell(columns.length);
    url.value = { text: context.url(answerPath(row)), hyperlink: context.url(answerPath(row)) };
  }
  answers.getRow(1).font = { bold: true };
  answers.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  answers.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + sourceCount } };

  return rezip(new Uint8Array(await workbook.xlsx.writeBuffer()), context.date);
}

/** The same zip with every entry dated `date`, entries in the same order, compressed the same way. */
async function rezip(bytes: Uint8Array, date: Date): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    // No folder entries: JSZip would date them with the current time.
    out.file(file.name, await file.async('uint8array'), { date, createFolders: false });
  }
  // Copied into a plain ArrayBuffer-backed array, which a Response body accepts.
  return new Uint8Array(await out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
}
