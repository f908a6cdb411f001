import type { APIRoute } from 'astro';
import { trustExport } from '../lib/exports/trust-data.ts';
import { trustExportSchema } from '../schemas/trust-export.ts';

export const GET: APIRoute = async ({ site }) => {
  // Our own output is checked against the schema we publish: a drift fails the build with one line.
  const result = trustExportSchema.safeParse(await trustExport(site));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`trust.json: ${issue?.path.join('.') || '(document)'}: ${issue?.message ?? 'invalid'} (trust-json-schema)`);
  }
  return new Response(`${JSON.stringify(result.data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
