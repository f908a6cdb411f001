import { buildDate } from '../dates.ts';
import { absolute } from '../feeds/sources.ts';
import { getCompany, getDocumentVersion, getQuestionnaireRows } from '../site-data.ts';
import type { SheetContext } from './sheet.ts';

/** The rows and what the CSV and the workbook say about themselves, for the two file routes. */
export async function questionnaireExport(site: URL | undefined) {
  const company = await getCompany();
  const context: SheetContext = {
    company: company.legalName ?? company.name,
    date: buildDate(),
    version: await getDocumentVersion(),
    url: (path) => absolute(path, site, company.siteUrl),
  };
  return { rows: await getQuestionnaireRows(), context };
}
