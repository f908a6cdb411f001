import type { APIRoute } from 'astro';
import { questionnaireExport } from '../lib/questionnaire/export.ts';
import { questionnaireCsv } from '../lib/questionnaire/sheet.ts';

export const GET: APIRoute = async ({ site }) => {
  const { rows, context } = await questionnaireExport(site);
  return new Response(questionnaireCsv(rows, context), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
