import type { APIRoute } from 'astro';
import { questionnaireExport } from '../lib/questionnaire/export.ts';
import { questionnaireXlsx } from '../lib/questionnaire/sheet.ts';

export const GET: APIRoute = async ({ site }) => {
  const { rows, context } = await questionnaireExport(site);
  return new Response(await questionnaireXlsx(rows, context), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
