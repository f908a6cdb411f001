import type { APIRoute } from 'astro';
import { useTranslations } from '../../../i18n/index.ts';
import { buildCalendar } from '../../../lib/feeds/calendar.ts';
import { absolute } from '../../../lib/feeds/sources.ts';
import { stableUuid } from '../../../lib/feeds/stable-id.ts';
import { formatDate } from '../../../lib/format.ts';
import { getChanges, getCompany, getSubprocessorNames } from '../../../lib/site-data.ts';
import { objectionDeadline } from '../../../lib/subprocessors/changes.ts';
import { changedValue, changeTitle } from '../../../lib/subprocessors/describe.ts';
import { fieldLabel } from '../../../lib/subprocessors/facts.ts';

const t = useTranslations();

// One all-day event per change on its effective date, for calendar subscriptions.
export const GET: APIRoute = async ({ site }) => {
  const company = await getCompany();
  const names = await getSubprocessorNames();
  const entries = (await getChanges()).map((event) => {
    const title = changeTitle(event, names);
    const deadline = objectionDeadline(event);
    const url = absolute(`/subprocessors/changes/${event.id}/`, site, company.siteUrl);
    const lines = [
      title,
      `${t.changes.announced}: ${formatDate(event.data.announced)}`,
      `${t.changes.effective}: ${formatDate(event.data.effective)}`,
      ...(deadline ? [`${t.changes.objectBy}: ${formatDate(deadline)} (${company.contacts.privacy ?? company.contacts.general})`] : []),
      // What an update changes, in the words the change page uses.
      ...(event.data.changes ?? []).map((change) => `${fieldLabel(change.field)}: ${changedValue(change)}`),
      url,
    ];
    return {
      uid: `${stableUuid(`${company.organisationNumber}/subprocessor-change/${event.id}`)}@trust-center`,
      title: t.changes.calendarEvent(title),
      description: lines.join('\n'),
      date: event.data.effective,
      stamp: event.data.announced,
      url,
      categories: [t.changes.types[event.data.type]],
    };
  });
  return new Response(buildCalendar(t.changes.calendarName(company.name), entries), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
