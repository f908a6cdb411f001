import type { CollectionEntry } from 'astro:content';
import { useTranslations } from '../../i18n/index.ts';
import type { BodyFormat } from '../content/collections.ts';
import { addressText } from '../content/components.ts';
import { certificationFacts } from '../certifications/facts.ts';
import { buildDate } from '../dates.ts';
import { absolute } from '../feeds/sources.ts';
import { countryName, formatDate } from '../format.ts';
import { pdfPath } from '../pdf/documents.ts';
import {
  getCertifications,
  getCompany,
  getContentHistory,
  getControlGroups,
  getQuestionnaireRows,
  getStatedChanges,
  getDocuments,
  getFaqGroups,
  getRetention,
  getSubprocessorList,
  getSubprocessorNames,
  getWhitepaper,
} from '../site-data.ts';
import { changeTitle } from '../subprocessors/describe.ts';
import { objectionDeadline } from '../subprocessors/changes.ts';
import { mapControlsToFrameworks } from '../frameworks.ts';
import { ARCHIVE_PAGE_SIZE } from '../paging.ts';
import { changesTwin, controlsTwin, questionnaireTwin, type TwinSite } from './twin-lists.ts';
import { bodyMarkdown, mdLink, mdTable, mdText, type ComponentFacts } from './markdown.ts';
import type { TwinKey } from './twins.ts';

const t = useTranslations();

/**
 * The Markdown twins of the main pages, built from the same entries and words the pages render
 * (never from their HTML). Every content value is escaped (markdown.ts); bodies are their own
 * Markdown with the content components resolved.
 */

type Company = Awaited<ReturnType<typeof getCompany>>;

interface Context {
  company: Company;
  url: (path: string) => string;
  date: (date: Date) => string;
  facts: ComponentFacts;
}

async function context(site: URL | undefined): Promise<Context> {
  const company = await getCompany();
  const language = company.languages[0] ?? 'en';
  return {
    company,
    url: (path) => absolute(path, site, company.siteUrl),
    date: (date) => formatDate(date, language),
    facts: { contacts: company.contacts, dpaUrl: company.dpaUrl, noticePeriod: t.contentComponents.days(company.noticePeriodDays), pageUrl: absolute('/', site, company.siteUrl) },
  };
}

/** A prose entry's body as Markdown, its headings moved below `level` so the twin's outline holds. */
function body(entry: { body?: string | undefined; filePath?: string | undefined; id: string }, ctx: Context, page: string, level: number): string {
  const format: BodyFormat = entry.filePath?.endsWith('.mdx') ? 'mdx' : 'md';
  const markdown = bodyMarkdown(entry.body ?? '', format, { ...ctx.facts, pageUrl: ctx.url(page) }, entry.filePath ?? entry.id);
  return markdown.replace(/^(#{1,6}) /gm, (_, hashes: string) => `${'#'.repeat(Math.min(6, hashes.length + level))} `);
}

const asOf = (ctx: Context) => `${t.footer.builtOn} ${ctx.date(buildDate())}.`;

async function overview(ctx: Context): Promise<string> {
  const { company, url } = ctx;
  const o = t.overview;
  const region = company.hostingRegion;
  const controls = (await getControlGroups()).flatMap((group) => group.items);
  const keyFacts = [
    { label: o.dataLocation, value: `${region.provider}, ${region.region}${region.code ? ` (${region.code})` : ''}, ${countryName(region.country)}` },
    ...controls.flatMap((control) => (control.data.keyFact ? [control.data.keyFact] : [])),
  ];
  const retention = await getRetention();
  const r = t.retention;
  return [
    `# ${mdText(o.heading(company.name))}`,
    mdText(company.description),
    asOf(ctx),
    `## ${mdText(o.certifications)}`,
    mdTable(
      [t.machine.framework, t.certifications.status],
      (await getCertifications()).map(({ data }) => [data.framework, t.statuses[data.status]]),
    ),
    `${mdLink(o.allCertifications, url('/certifications.md'))}`,
    `## ${mdText(o.keyFacts)}`,
    keyFacts.map(({ label, value }) => `- ${mdText(label)}: ${mdText(value)}`).join('\n'),
    `## ${mdText(o.controls)}`,
    mdText(o.controlsIntro),
    ...(await getControlGroups()).map(
      (group) =>
        `### ${mdText(group.name)}\n\n${group.items
          .map(({ data }) => `- **${mdText(data.title)}**: ${mdText(data.statement)} (${mdLink(o.source, url(`/whitepaper/#${data.section}`))})`)
          .join('\n')}`,
    ),
    `## ${mdText(r.title)}`,
    mdText(retention.summary),
    retention.tiers
      .map((tier) => {
        const when = [tier.deletedWithinDays ? r.days(tier.deletedWithinDays) : r.byLaw, tier.exportDays ? r.exportDays(tier.exportDays) : undefined].filter(Boolean).join(', ');
        return `- **${mdText(tier.data)}** (${mdText(when)}): ${mdText(tier.rule)}`;
      })
      .join('\n'),
    mdText(retention.confirmation.statement),
    `## ${mdText(o.documents)}`,
    await documentList(ctx),
    `## ${mdText(o.contact)}`,
    contactList(company),
  ].join('\n\n');
}

function contactList(company: Company): string {
  const f = t.footer;
  const rows: [string, string | undefined][] = [
    [f.general, company.contacts.general],
    [f.security, company.contacts.security],
    [f.privacy, company.contacts.privacy],
  ];
  return rows.flatMap(([label, address]) => (address ? [`- ${mdText(label)}: ${mdLink(address, `mailto:${address}`)}`] : [])).join('\n');
}

async function documentList(ctx: Context): Promise<string> {
  const { company, url } = ctx;
  return (await getDocuments())
    .map(({ data }) => {
      const description = mdText(data.description);
      switch (data.access) {
        case 'external':
          return `- ${mdLink(data.title, data.url)}: ${description}`;
        case 'page':
          return `- ${mdLink(data.title, url(data.path))}: ${description}`;
        case 'generated':
          return `- ${mdLink(data.title, url(pdfPath(data.pdf)))} (PDF): ${description}`;
        case 'on-request': {
          // Never a file: only whom to ask, as the documents page says.
          const address = company.contacts[data.contact] ?? company.contacts.general;
          return `- ${mdText(data.title)} (${mdText(t.machine.request(address))}): ${description}`;
        }
      }
    })
    .join('\n');
}

async function whitepaper(ctx: Context): Promise<string> {
  const w = t.whitepaper;
  const section = (entry: CollectionEntry<'whitepaper'>, level: number) =>
    // The number is digits and dots (the schema's pattern), safe unescaped.
    [`${'#'.repeat(level)} ${entry.data.number} ${mdText(entry.data.title)}`, mdText(t.machine.lastReviewed(ctx.date(entry.data.lastReviewed))), body(entry, ctx, '/whitepaper/', level)]
      .filter(Boolean)
      .join('\n\n');
  return [
    `# ${mdText(w.title)}`,
    mdText(w.description(ctx.company.name)),
    ...(await getWhitepaper()).flatMap(({ section: top, subsections }) => [section(top, 2), ...subsections.map((sub) => section(sub, 3))]),
  ].join('\n\n');
}

async function faq(ctx: Context): Promise<string> {
  const f = t.faq;
  return [
    `# ${mdText(f.title)}`,
    mdText(f.description(ctx.company.name)),
    ...(await getFaqGroups()).map(
      (group) =>
        `## ${mdText(group.name)}\n\n${group.items.map((entry) => `### ${mdText(entry.data.question)}\n\n${body(entry, ctx, '/faq/', 3)}`).join('\n\n')}`,
    ),
  ].join('\n\n');
}

async function certifications(ctx: Context): Promise<string> {
  const c = t.certifications;
  const language = ctx.company.languages[0] ?? 'en';
  return [
    `# ${mdText(c.title)}`,
    mdText(c.description(ctx.company.name)),
    asOf(ctx),
    ...(await getCertifications()).map(({ data }) => {
      const facts = [
        `- ${mdText(c.kind)}: ${mdText(t.kinds[data.kind])}`,
        ...certificationFacts(data, true, language).map(({ label, value }) => `- ${mdText(label)}: ${mdText(value)}`),
      ];
      const evidence = data.evidence.map(({ label, url }) => `- ${url ? mdLink(label, url) : mdText(label)}`);
      return [
        `## ${mdText(data.framework)}`,
        facts.join('\n'),
        mdText(data.statement),
        ...(evidence.length > 0 ? [`### ${mdText(c.evidence)}`, evidence.join('\n')] : []),
      ].join('\n\n');
    }),
  ].join('\n\n');
}

async function subprocessors(ctx: Context): Promise<string> {
  const s = t.subprocessors;
  const { current, upcoming } = await getSubprocessorList();
  const names = await getSubprocessorNames();
  const table = mdTable(
    [s.name, s.purpose, s.category, s.locations, s.transfer, s.website],
    current.map(({ id, data }) => [
      { markdown: mdLink(data.name, ctx.url(`/subprocessors/${id}/`)) },
      data.purpose,
      data.category,
      data.locations.map((code) => countryName(code)).join(', '),
      t.transfers[data.transferMechanism],
      { markdown: mdLink(addressText(data.website), data.website) },
    ]),
  );
  return [
    `# ${mdText(s.title)}`,
    mdText(s.intro(current.length, ctx.company.name)),
    mdText(s.notice(ctx.company.noticePeriodDays)),
    mdText(s.asOf(ctx.date(buildDate()))),
    table,
    `## ${mdText(t.changes.upcomingHeading)}`,
    upcoming.length === 0
      ? mdText(t.changes.upcomingNone)
      : upcoming
          .map((event) => {
            const deadline = objectionDeadline(event);
            const details = [`${t.changes.effective} ${ctx.date(event.data.effective)}`, deadline ? t.machine.objectBy(ctx.date(deadline)) : undefined].filter(Boolean).join(', ');
            return `- ${mdLink(changeTitle(event, names), ctx.url(`/subprocessors/changes/${event.id}/`))}: ${mdText(details)}`;
          })
          .join('\n'),
    mdLink(t.changes.logLink, ctx.url('/subprocessors/changes/')),
  ].join('\n\n');
}

async function documents(ctx: Context): Promise<string> {
  const d = t.documents;
  return [`# ${mdText(d.title)}`, mdText(d.description(ctx.company.name)), await documentList(ctx)].join('\n\n');
}

async function security(ctx: Context): Promise<string> {
  const s = t.security;
  const { company } = ctx;
  return [
    `# ${mdText(s.title)}`,
    mdText(s.intro),
    `${mdText(s.contact)}: ${mdLink(company.contacts.security, `mailto:${company.contacts.security}`)}`,
    ...(company.securityReportingNote ? [mdText(company.securityReportingNote)] : []),
    `## ${mdText(s.include)}`,
    s.includeItems.map((item) => `- ${mdText(item)}`).join('\n'),
    `${mdText('security.txt')}: ${mdLink(ctx.url('/.well-known/security.txt'), ctx.url('/.well-known/security.txt'))}`,
  ].join('\n\n');
}

const site = (ctx: Context): TwinSite => ({ company: ctx.company.name, url: ctx.url, date: ctx.date });

async function questionnaire(ctx: Context): Promise<string> {
  return questionnaireTwin(await getQuestionnaireRows(), site(ctx));
}

async function controls(ctx: Context): Promise<string> {
  const groups = await getControlGroups();
  return controlsTwin(groups, mapControlsToFrameworks(groups.flatMap((group) => group.items)), site(ctx));
}

async function changes(ctx: Context): Promise<string> {
  const all = await getStatedChanges();
  const history = await getContentHistory();
  const r = t.revisions;
  // The same line and the same date words as the page (routes/changes/[...page].astro).
  const known = history.status === 'none' ? r.noHistory : history.status === 'shallow' ? r.shallow(formatDate(history.since!)) : r.knownSince(formatDate(history.since!));
  return changesTwin(all.slice(0, ARCHIVE_PAGE_SIZE), known, all.length > ARCHIVE_PAGE_SIZE ? '/changes/2/' : undefined, { ...site(ctx), date: (date) => formatDate(date) });
}

const builders: Record<TwinKey, (ctx: Context) => Promise<string>> = { index: overview, whitepaper, faq, certifications, subprocessors, documents, security, questionnaire, controls, changes };

/** One twin's text, ending in a newline. */
export async function twinMarkdown(key: TwinKey, site: URL | undefined): Promise<string> {
  return `${(await builders[key](await context(site))).trim()}\n`;
}
