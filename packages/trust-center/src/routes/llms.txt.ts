import type { APIRoute } from 'astro';
import { useTranslations } from '../i18n/index.ts';
import { absolute } from '../lib/feeds/sources.ts';
import { llmsTxt } from '../lib/machine/llms.ts';
import { markdownTwins } from '../lib/machine/twins.ts';
import { getCompany } from '../lib/site-data.ts';

const t = useTranslations();

// The llms.txt proposal (https://llmstxt.org/): the site's name, a summary, then links to the Markdown twins and the data.
export const GET: APIRoute = async ({ site }) => {
  const company = await getCompany();
  const url = (path: string) => absolute(path, site, company.siteUrl);
  const m = t.machine;
  const body = llmsTxt({
    title: t.overview.heading(company.name),
    summary: company.description,
    prose: [m.llmsProse(company.name)],
    sections: [
      { title: m.sections.pages, links: markdownTwins.map((twin) => ({ name: m.twins[twin.key], url: url(twin.markdown), notes: m.twinNotes[twin.key] })) },
      {
        title: m.sections.data,
        links: [
          { name: m.trustJson, url: url('/trust.json'), notes: m.trustJsonNotes },
          { name: m.trustSchema, url: url('/trust.schema.json') },
          { name: m.subprocessorsJson, url: url('/subprocessors.json'), notes: m.subprocessorsJsonNotes },
          { name: 'security.txt', url: url('/.well-known/security.txt'), notes: m.securityTxtNotes },
          { name: m.questionnaireXlsx, url: url('/questionnaire.xlsx') },
          { name: m.questionnaireCsv, url: url('/questionnaire.csv') },
        ],
      },
      {
        title: m.sections.optional,
        links: [
          { name: m.llmsFull, url: url('/llms-full.txt'), notes: m.llmsFullNotes },
          { name: m.subprocessorsCsv, url: url('/subprocessors.csv') },
          { name: m.statedChangesRss, url: url('/changes/feed.xml') },
          { name: m.statedChangesAtom, url: url('/changes/atom.xml') },
          { name: m.statedChangesJson, url: url('/changes/feed.json') },
          { name: m.changesFeed, url: url('/subprocessors/changes/feed.xml') },
          { name: m.updatesFeed, url: url('/updates/feed.xml') },
          { name: m.calendar, url: url('/subprocessors/changes/calendar.ics') },
        ],
      },
    ],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
