import type { SubprocessorExport } from '../../schemas/subprocessor-export';
import { buildDate, isoDate } from '../dates';
import { absolute } from '../feeds/sources';
import { getCompany, getSubprocessorList } from '../site-data';
import { objectionDeadline, sinceDates } from '../subprocessors/changes';
import { getCollection } from 'astro:content';

/** The current list and upcoming changes as one plain object, shared by the JSON and CSV files. */
export async function subprocessorExport(site: URL | undefined): Promise<SubprocessorExport> {
  const today = buildDate();
  const company = await getCompany();
  const { current, upcoming } = await getSubprocessorList(today);
  const since = sinceDates(await getCollection('subprocessorChanges'), today);
  const url = (path: string) => absolute(path, site, company.siteUrl);
  return {
    $schema: url('/subprocessors.schema.json'),
    company: company.legalName ?? company.name,
    asOf: isoDate(today),
    noticePeriodDays: company.noticePeriodDays,
    subprocessors: current.map(({ id, data }) => {
      const { keywords: _keywords, ...rest } = data;
      const joined = since.get(id);
      return { id, ...rest, ...(joined ? { since: isoDate(joined) } : {}), url: url(`/subprocessors/${id}/`) };
    }),
    upcomingChanges: upcoming.map((event) => {
      const deadline = objectionDeadline(event);
      return {
        id: event.id,
        type: event.data.type,
        ...(event.data.subprocessor ? { subprocessor: event.data.subprocessor } : {}),
        announced: isoDate(event.data.announced),
        effective: isoDate(event.data.effective),
        ...(deadline ? { objectionDeadline: isoDate(deadline) } : {}),
        url: url(`/subprocessors/changes/${event.id}/`),
      };
    }),
  };
}
