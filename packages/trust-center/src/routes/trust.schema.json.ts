import type { APIRoute } from 'astro';
import { absolute } from '../lib/feeds/sources.ts';
import { getCompany } from '../lib/site-data.ts';
import { trustExportJsonSchema } from '../schemas/trust-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const company = await getCompany();
  const schema = trustExportJsonSchema(absolute('/trust.schema.json', site, company.siteUrl));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
