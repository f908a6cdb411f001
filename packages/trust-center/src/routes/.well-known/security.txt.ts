import type { APIRoute } from 'astro';
import { buildDate } from '../../lib/dates.ts';
import { absolute } from '../../lib/feeds/sources.ts';
import { securityTxt, securityTxtExpires } from '../../lib/security-txt.ts';
import { getCompany } from '../../lib/site-data.ts';

// RFC 9116: how to report a vulnerability, generated from the company file at every build.
export const GET: APIRoute = async ({ site }) => {
  const company = await getCompany();
  const today = buildDate();
  const url = (path: string) => absolute(path, site, company.siteUrl);
  const body = securityTxt(
    {
      contacts: [`mailto:${company.contacts.security}`],
      expires: securityTxtExpires(today),
      languages: company.languages,
      canonical: url('/.well-known/security.txt'),
      policy: url('/security/'),
    },
    today,
  );
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
