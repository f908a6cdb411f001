import type { SubprocessorExport } from '../../schemas/subprocessor-export.ts';
import { buildDate, isoDate } from '../dates.ts';
import { absolute } from '../feeds/sources.ts';
import { getCompany, getSubprocessorList } from '../site-data.ts';
import { objectionDeadline } from '../subprocessors/changes.ts';
import { statusKind, statusOf } from '../subprocessors/status.ts';

/** The current list and upcoming changes as one plain object, shared by the JSON and CSV files. */
export async function subprocessorExport(site: URL | undefined): Promise<SubprocessorExport> {
  const today = buildDate();
  const company = await getCompany();
  // Membership, since-dates and status come from the one replay of the log every page uses.
  const { current, upcoming, statuses } = await getSubprocessorList(today);
  const url = (path: string) => absolute(path, site, company.siteUrl);
  return {
    $schema: url('/subprocessors.schema.json'),
    company: company.legalName ?? company.name,
    asOf: isoDate(today),
    noticePeriodDays: company.noticePeriodDays,
    subprocessors: current.map(({ id, data }) => {
      const { keywords: _keywords, ...rest } = data;
      const status = statusOf(statuses, id);
      const kind = statusKind(status);
      return {
        id,
        ...rest,
        ...(status.since ? { since: isoDate(status.since) } : {}),
        // A listed sub-processor's changes ahead are removals or updates (an addition of a listed one cannot replay).
        status: kind === 'upcoming-removal' || kind === 'upcoming-update' ? kind : 'current',
        upcoming: status.upcoming.flatMap((change) =>
          change.type === 'added' ? [] : [{ id: change.id, type: change.type, effective: isoDate(change.effective) }],
        ),
        url: url(`/subprocessors/${id}/`),
      };
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
