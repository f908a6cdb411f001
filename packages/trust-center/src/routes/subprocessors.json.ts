import type { APIRoute } from 'astro';
import { subprocessorExport } from '../lib/exports/subprocessor-data.ts';
import { subprocessorExportSchema } from '../schemas/subprocessor-export.ts';

export const GET: APIRoute = async ({ site }) => {
  // Parsing our own output against the published schema means a drift fails the build.
  const data = subprocessorExportSchema.parse(await subprocessorExport(site));
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
