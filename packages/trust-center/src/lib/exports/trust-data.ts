import type { TrustExport } from '../../schemas/trust-export.ts';
import { fieldsByStatus } from '../certifications/facts.ts';
import { buildDate, isoDate } from '../dates.ts';
import { feedContentTypes, feedFiles, type FeedFormat } from '../feeds/feed.ts';
import { absolute } from '../feeds/sources.ts';
import { markdownTwins } from '../machine/twins.ts';
import { pdfPath } from '../pdf/documents.ts';
import { getCertifications, getCompany, getControlGroups, getDocuments, getRetention } from '../site-data.ts';
import { subprocessorExport } from './subprocessor-data.ts';
import { useTranslations } from '../../i18n/index.ts';

const t = useTranslations();

const day = (date: Date | undefined) => (date ? isoDate(date) : undefined);

/** Drops keys whose value is undefined, so optional fields are absent rather than null-ish. */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** `/trust.json`: the same entries the pages render, published material only, every URL absolute. */
export async function trustExport(site: URL | undefined): Promise<TrustExport> {
  const company = await getCompany();
  const url = (path: string) => absolute(path, site, company.siteUrl);
  const subprocessors = await subprocessorExport(site);
  const { contacts, securityReportingNote, ...facts } = company;
  const feedTypes = (base: string, title: string) =>
    (['rss', 'atom', 'json'] as FeedFormat[]).map((format) => ({ title, url: url(`${base}${feedFiles[format]}`), type: feedContentTypes[format] }));

  return {
    $schema: url('/trust.schema.json'),
    asOf: isoDate(buildDate()),
    url: url('/'),
    company: { ...facts, siteUrl: url('/') },
    contacts: defined({ ...contacts, securityReportingNote, securityPolicy: url('/security/') }),
    certifications: (await getCertifications()).map(({ id, data }) => {
      // Only the dates the status makes true, as the cards show them (a leftover target of a certified framework is not stated).
      const shows = (field: 'since' | 'target' | 'validUntil') => fieldsByStatus[data.status].includes(field);
      return defined({
        ...data,
        id,
        since: shows('since') ? day(data.since) : undefined,
        target: shows('target') ? day(data.target) : undefined,
        targetLabel: shows('target') ? data.targetLabel : undefined,
        validUntil: shows('validUntil') ? day(data.validUntil) : undefined,
        url: url(`/certifications/#${id}`),
      });
    }),
    // Every field of the control schema but the search keywords, so a field added there flows through.
    controls: (await getControlGroups()).flatMap((group) =>
      group.items.map(({ data }) => {
        const { keywords: _keywords, ...control } = data;
        return { ...control, url: url(`/whitepaper/#${control.section}`) };
      }),
    ),
    subprocessors: subprocessors.subprocessors,
    upcomingSubprocessorChanges: subprocessors.upcomingChanges,
    noticePeriodDays: subprocessors.noticePeriodDays,
    retention: await getRetention(),
    documents: (await getDocuments()).map(({ data }) => {
      const common = { id: data.id, title: data.title, description: data.description, order: data.order, access: data.access };
      switch (data.access) {
        case 'external':
          return { ...common, url: data.url };
        case 'page':
          return { ...common, url: url(data.path) };
        case 'generated':
          return { ...common, url: url(pdfPath(data.pdf)) };
        case 'on-request':
          // No file is published: only who to ask.
          return { ...common, requestFrom: contacts[data.contact] ?? contacts.general };
      }
    }),
    feeds: [
      ...feedTypes('/subprocessors/changes/', t.changes.feedTitle(company.name)),
      ...feedTypes('/updates/', t.updates.feedTitle(company.name)),
      { title: t.changes.calendarName(company.name), url: url('/subprocessors/changes/calendar.ics'), type: 'text/calendar; charset=utf-8' },
    ],
    files: [
      { name: 'security.txt', url: url('/.well-known/security.txt'), type: 'text/plain; charset=utf-8' },
      { name: t.machine.subprocessorsJson, url: url('/subprocessors.json'), type: 'application/json; charset=utf-8' },
      { name: t.machine.subprocessorsCsv, url: url('/subprocessors.csv'), type: 'text/csv; charset=utf-8; header=present' },
      { name: 'llms.txt', url: url('/llms.txt'), type: 'text/plain; charset=utf-8' },
      { name: 'llms-full.txt', url: url('/llms-full.txt'), type: 'text/plain; charset=utf-8' },
      ...markdownTwins.map((twin) => ({ name: t.machine.twinName(t.machine.twins[twin.key]), url: url(twin.markdown), type: 'text/markdown; charset=utf-8' })),
    ],
    securityTxt: url('/.well-known/security.txt'),
  };
}
