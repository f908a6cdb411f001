import { stringify } from 'csv-stringify/sync';
import { useTranslations } from '../../i18n/index.ts';
import type { SubprocessorExport } from '../../schemas/subprocessor-export.ts';
import { fieldValue, retentionText } from '../subprocessors/facts.ts';
import { statusText } from '../subprocessors/status.ts';
import { spreadsheetText } from './spreadsheet.ts';

const t = useTranslations();

type Row = SubprocessorExport['subprocessors'][number];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The row's status in the words its page uses, from the same dates the JSON file states. */
const status = (row: Row) =>
  statusText({ listed: true, ...(row.since ? { since: day(row.since) } : {}), upcoming: row.upcoming.map((change) => ({ ...change, effective: day(change.effective) })) });

/** The spreadsheet columns: header label and how to read it from a row. */
const columns: { header: string; value: (row: Row) => string }[] = [
  { header: 'id', value: (row) => row.id },
  { header: t.subprocessors.name, value: (row) => row.name },
  { header: t.subprocessors.legalEntity, value: (row) => row.legalEntity ?? '' },
  { header: t.subprocessors.purpose, value: (row) => row.purpose },
  { header: t.subprocessors.category, value: (row) => fieldValue('category', row.category) },
  { header: t.subprocessors.dataCategories, value: (row) => row.dataCategories.join('; ') },
  { header: `${t.subprocessors.locations} (ISO 3166)`, value: (row) => row.locations.join('; ') },
  { header: t.subprocessors.locations, value: (row) => row.locations.map((code) => fieldValue('locations', [code])).join('; ') },
  { header: t.subprocessors.transfer, value: (row) => fieldValue('transferMechanism', row.transferMechanism) },
  { header: t.subprocessors.zeroRetention, value: (row) => fieldValue('zeroDataRetention', row.zeroDataRetention) },
  { header: t.subprocessors.retention, value: (row) => retentionText(row) },
  { header: t.subprocessors.website, value: (row) => row.website },
  { header: t.subprocessors.status.label, value: status },
  { header: t.subprocessors.since, value: (row) => row.since ?? '' },
  { header: 'URL', value: (row) => row.url },
];

/**
 * RFC 4180 CSV (CRLF line ends, every field quoted) with a UTF-8 byte-order mark, so spreadsheet
 * programs open accented names correctly. Every cell, header included, goes through
 * `spreadsheetText`, so no content text can become a formula.
 */
export function subprocessorsCsv(rows: Row[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => spreadsheetText(column.value(row)))),
    { header: true, columns: columns.map((column) => spreadsheetText(column.header)), record_delimiter: 'windows', bom: true, quoted: true },
  );
}
