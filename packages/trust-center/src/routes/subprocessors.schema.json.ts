import type { APIRoute } from 'astro';
import { absolute } from '../lib/feeds/sources.ts';
import { getCompany } from '../lib/site-data.ts';
import { subprocessorExportJsonSchema } from '../schemas/subprocessor-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const company = await getCompany();
  const schema = subprocessorExportJsonSchema(absolute('/subprocessors.schema.json', site, company.siteUrl));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
