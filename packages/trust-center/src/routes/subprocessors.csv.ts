import type { APIRoute } from 'astro';
import { subprocessorsCsv } from '../lib/exports/subprocessors.ts';
import { subprocessorExport } from '../lib/exports/subprocessor-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { subprocessors } = await subprocessorExport(site);
  return new Response(subprocessorsCsv(subprocessors), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
