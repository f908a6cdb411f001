import { getEntry, type CollectionEntry, type DataEntryMap } from 'astro:content';
import { currentLanguage, isTranslation } from '../i18n/editions.ts';
import { getLocalizedCollection, localizeEntries } from './translations/localize.ts';
import { useTranslations } from '../i18n/index.ts';
import type { GeneratedPdf } from '../schemas/document.ts';
import config from 'virtual:trust-center/config';
import { buildDate, isoDate } from './dates.ts';
import { deriveDocumentVersion, versionSources } from './document-version.ts';
import { questionnaireRows } from './questionnaire/rows.ts';
import { compareSectionNumbers, parentNumber } from './rules/whitepaper.ts';
import { inEffectOrder, isUpcoming, newestFirst, subprocessorsOf } from './subprocessors/changes.ts';
import { subprocessorStatuses } from './subprocessors/status.ts';
import type { CollectionName } from './content/collections.ts';
import { resolveContentDir } from './content/paths.ts';
import { sourceCommit } from './git.ts';
import { readContentLog } from './history/git-history.ts';
import { replayHistory, type ContentHistory } from './history/revisions.ts';
import { newestChangesFirst, revisionChange, type StatedChange } from './history/stated-changes.ts';
import { textChanged } from './history/word-diff.ts';
import { changeTitle } from './subprocessors/describe.ts';

const t = useTranslations();

/**
 * Content cannot change while a site is built, so what pages derive from whole collections (sorted
 * lists, groups, the replayed change log) is derived once per build and shared: a page per
 * sub-processor or per change must not re-read and re-sort every collection, or the build grows
 * with the square of the content. The dev server derives afresh on each request, so edits show.
 */
function oncePerBuild<T>(derive: () => Promise<T>): () => Promise<T> {
  // Once per language: a translation's pages get the same entries with their translated text.
  const derived = new Map<string, Promise<T>>();
  return () => {
    if (import.meta.env.DEV) return derive();
    const language = currentLanguage();
    let value = derived.get(language);
    if (!value) derived.set(language, (value = derive()));
    return value;
  };
}

/** A collection in the language being rendered (lib/translations/localize.ts). */
export function getCollection<N extends keyof DataEntryMap & CollectionName>(name: N, filter?: (entry: CollectionEntry<N>) => boolean): Promise<CollectionEntry<N>[]> {
  return getLocalizedCollection(name, currentLanguage(), filter);
}

/** A one-file collection's entry (company, retention) in the language being rendered. */
async function getSingle<N extends 'company' | 'retention'>(name: N): Promise<CollectionEntry<N>> {
  const entry = await getEntry(name, name);
  if (!entry) throw new Error(`content/${name}.yaml is missing`);
  const [localized] = await localizeEntries(name, [entry as CollectionEntry<N>], currentLanguage());
  return localized!;
}

/** The commit the build is made from (on the PDFs' covers): two git commands, run once per build rather than once per PDF. */
export const getSourceCommit = oncePerBuild(async () => sourceCommit());

/**
 * The company entry; the content check guarantees it exists before pages render. Once per build and
 * language: every page asks for it several times (layout, header, content components), and a
 * translation's copy is merged and its drift hash computed on each localization.
 */
export const getCompany = oncePerBuild(async () => {
  const company = (await getSingle('company')).data;
  // In a translation's edition its language is the site's first: the one its pages, dates and country names are in.
  const language = currentLanguage();
  if (!isTranslation(language) || company.languages[0] === language) return company;
  return { ...company, languages: [language, ...company.languages.filter((other) => other !== language)] };
});

export const getRetention = oncePerBuild(async () => (await getSingle('retention')).data);

export type Section = CollectionEntry<'whitepaper'>;

/** A top-level section with its subsections, in reading order. */
export interface SectionTree {
  section: Section;
  subsections: Section[];
}

/** Published whitepaper sections: drafts never reach a page, the search index or any other output. */
export const getWhitepaper = oncePerBuild(async (): Promise<SectionTree[]> => {
  const sections = (await getCollection('whitepaper', (entry) => !entry.data.draft)).sort((a, b) => compareSectionNumbers(a.data.number, b.data.number));
  const subsections = groupBy(
    sections.filter((entry) => parentNumber(entry.data.number) !== undefined),
    (entry) => parentNumber(entry.data.number) ?? '',
  );
  const byParent = new Map(subsections.map((group) => [group.name, group.items]));
  return sections
    .filter((entry) => parentNumber(entry.data.number) === undefined)
    .map((section) => ({ section, subsections: byParent.get(section.data.number) ?? [] }));
});

/** Published questions grouped by category (drafts are left out); groups ordered by their first question. */
export const getFaqGroups = oncePerBuild(async () => {
  const questions = (await getCollection('faq', (entry) => !entry.data.draft)).sort((a, b) => a.data.order - b.data.order);
  return groupBy(questions, (entry) => entry.data.category);
});

export const getCertifications = oncePerBuild(async () => (await getCollection('certifications')).sort((a, b) => a.data.order - b.data.order));

/** Every sub-processor with a file, by name. */
export const getSubprocessors = oncePerBuild(async () => {
  const collator = new Intl.Collator('en');
  return (await getCollection('subprocessors')).sort((a, b) => collator.compare(a.data.name, b.data.name));
});

/** Sub-processor names by id, for change titles. */
export const getSubprocessorNames = oncePerBuild(async () => new Map((await getSubprocessors()).map((entry) => [entry.id, entry.data.name])));

/** Sub-processors by id. */
export const getSubprocessorsById = oncePerBuild(async () => new Map((await getSubprocessors()).map((entry) => [entry.id, entry])));

/** Controls grouped by category, both in the order the whitepaper states them. */
export const getControlGroups = oncePerBuild(async () => {
  const numbers = new Map((await getCollection('whitepaper')).map((entry) => [entry.id, entry.data.number]));
  const controls = (await getCollection('controls')).sort((a, b) =>
    compareSectionNumbers(numbers.get(a.data.section) ?? '0', numbers.get(b.data.section) ?? '0'),
  );
  return groupBy(controls, (entry) => entry.data.category);
});

/**
 * The questionnaire as rows (lib/questionnaire/rows.ts), in the fixed domain order, for the page, the
 * CSV and the workbook. Its sources exist and are published: rule questionnaire-source checked that.
 */
export const getQuestionnaireRows = oncePerBuild(async () => {
  const [entries, sections, controls, faq] = await Promise.all([
    getCollection('questionnaire'),
    getCollection('whitepaper', (entry) => !entry.data.draft),
    getCollection('controls'),
    getCollection('faq', (entry) => !entry.data.draft),
  ]);
  return questionnaireRows({
    entries,
    sections: new Map(sections.map((entry) => [entry.id, entry.data])),
    controls: new Map(controls.map((entry) => [entry.id, entry.data])),
    faq: new Map(faq.map((entry) => [entry.id, entry.data])),
  });
});

/** Documents in the order the company sets (`order`, lower first). */
export const getDocuments = oncePerBuild(async () => (await getCollection('documents')).sort((a, b) => a.data.order - b.data.order));

/** What a generated PDF is called and says it is: its entry in content/documents.yaml when it has one, else the defaults. */
export async function getGeneratedDocument(pdf: GeneratedPdf): Promise<{ title: string; description: string; keywords: string[] }> {
  const company = await getCompany();
  const entry = (await getDocuments()).find(({ data }) => data.access === 'generated' && data.pdf === pdf);
  const defaults = t.pdf.documents[pdf];
  return {
    title: entry?.data.title ?? defaults.title,
    description: entry?.data.description ?? defaults.description(company.name),
    keywords: [company.name, ...defaults.keywords],
  };
}

/** Groups in first-seen order, which keeps the author's ordering. */
export function groupBy<T>(items: T[], key: (item: T) => string): { name: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return [...groups].map(([name, grouped]) => ({ name, items: grouped }));
}

export type ChangeEntry = CollectionEntry<'subprocessorChanges'>;

/** The change log, newest announcement first. */
export const getChanges = oncePerBuild(async (): Promise<ChangeEntry[]> => newestFirst(await getCollection('subprocessorChanges')));

/** Each sub-processor's changes, newest first (the baseline counts for every sub-processor it lists). */
export const getChangesBySubprocessor = oncePerBuild(async () => {
  const history = new Map<string, ChangeEntry[]>();
  for (const event of await getChanges()) {
    for (const id of subprocessorsOf(event)) {
      const events = history.get(id);
      if (events) events.push(event);
      else history.set(id, [event]);
    }
  }
  return history;
});

const subprocessorLists = new Map<string, ReturnType<typeof deriveSubprocessorList>>();

/**
 * The sub-processor list as of the build date: only what the change log yields (a file alone
 * puts nobody on the list), and the changes still ahead, soonest first.
 */
export function getSubprocessorList(today: Date = buildDate()) {
  if (import.meta.env.DEV) return deriveSubprocessorList(today);
  const key = `${isoDate(today)}/${currentLanguage()}`;
  let list = subprocessorLists.get(key);
  if (!list) subprocessorLists.set(key, (list = deriveSubprocessorList(today)));
  return list;
}

async function deriveSubprocessorList(today: Date) {
  const events = await getCollection('subprocessorChanges');
  // Status, dates and membership all come from one replay of the log (lib/subprocessors/status.ts).
  const statuses = subprocessorStatuses(events, today);
  const currentIds = new Set([...statuses].filter(([, status]) => status.listed).map(([id]) => id));
  const all = await getSubprocessors();
  return {
    current: all.filter((entry) => currentIds.has(entry.id)),
    currentIds,
    statuses,
    upcoming: inEffectOrder(events.filter((event) => isUpcoming(event, today))),
    all,
  };
}

/** News, newest first. */
export const getUpdates = oncePerBuild(async () =>
  (await getCollection('updates')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || b.id.localeCompare(a.id)),
);

/**
 * The version the PDFs carry: the `documentVersion` option, or else the date of the latest
 * content change (lib/document-version.ts). Never the engine's own version.
 */
export const getDocumentVersion = oncePerBuild(async (): Promise<string> => {
  if (config.documentVersion !== undefined) return config.documentVersion;
  const [whitepaper, updates, subprocessorChanges, certifications] = await Promise.all([
    getCollection('whitepaper'),
    getCollection('updates'),
    getCollection('subprocessorChanges'),
    getCollection('certifications'),
  ]);
  return deriveDocumentVersion(versionSources({ whitepaper, updates, subprocessorChanges, certifications }), buildDate());
});

/**
 * The revisions of the whitepaper, FAQ, controls and certifications, from the content folder's
 * git history (lib/history/), read once per build. Without a complete history the build says so
 * in one line, and the pages say since when they know.
 */
export const getContentHistory = oncePerBuild(async (): Promise<ContentHistory> => {
  const contentDir = resolveContentDir();
  const log = readContentLog(contentDir);
  const words = {
    status: (status: string) => t.statuses[status as keyof typeof t.statuses] ?? status,
    statusLabel: t.revisions.certificationStatus,
    since: t.revisions.certificationSince,
    validUntil: t.revisions.certificationValidUntil,
  };
  const history = log.status === 'none' ? { status: 'none' as const, revisions: [], lastChanged: new Map<string, Date>() } : replayHistory(log.commits, log.status, words, textChanged);
  if (history.status === 'none') console.warn(`trust-center: no git history of ${contentDir}: /changes/ lists sub-processor changes and news only, sections show their last-reviewed date only`);
  else if (history.status === 'shallow') console.warn(`trust-center: the git history of ${contentDir} is shallow: changes are known since ${isoDate(history.since!)} only (fetch the full history for all of them)`);
  return history;
});

/** Every change to what the trust center states, newest first: revisions from the history, sub-processor events, news. */
export const getStatedChanges = oncePerBuild(async (): Promise<StatedChange[]> => {
  const [history, events, updates, names, whitepaper, faq, controls, certifications] = await Promise.all([
    getContentHistory(),
    getChanges(),
    getUpdates(),
    getSubprocessorNames(),
    getCollection('whitepaper', (entry) => !entry.data.draft),
    getCollection('faq', (entry) => !entry.data.draft),
    getCollection('controls'),
    getCollection('certifications'),
  ]);
  const published = new Set([
    ...whitepaper.map((entry) => `whitepaper/${entry.id}`),
    ...faq.map((entry) => `faq/${entry.id}`),
    ...controls.map((entry) => `control/${entry.data.id}`),
    ...certifications.map((entry) => `certification/${entry.id}`),
  ]);
  const diffWords = { removed: t.revisions.removed, added: t.revisions.added, unchanged: t.revisions.unchanged };
  return newestChangesFirst([
    ...history.revisions.map((revision) => revisionChange(revision, published, diffWords)),
    ...events.map((event) => ({
      id: `subprocessor-${event.id}`,
      kind: 'subprocessor' as const,
      title: changeTitle(event, names),
      date: event.data.announced,
      path: `/subprocessors/changes/${event.id}/`,
    })),
    ...updates.map((entry) => ({ id: `news-${entry.id}`, kind: 'news' as const, title: entry.data.title, date: entry.data.date, path: `/updates/${entry.id}/`, summary: entry.data.summary })),
  ]);
});
