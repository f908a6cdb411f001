import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { t } from '../i18n/en';
import type { GeneratedPdf } from '../schemas/document';
import { buildDate } from './dates';
import { compareSectionNumbers, parentNumber } from './rules/whitepaper';
import { currentSubprocessorIds, inEffectOrder, isUpcoming, newestFirst } from './subprocessors/changes';

/** The company entry; the content check guarantees it exists before pages render. */
export async function getCompany() {
  const entry = await getEntry('company', 'company');
  if (!entry) throw new Error('content/company.yaml is missing');
  return entry.data;
}

export async function getRetention() {
  const entry = await getEntry('retention', 'retention');
  if (!entry) throw new Error('content/retention.yaml is missing');
  return entry.data;
}

export type Section = CollectionEntry<'whitepaper'>;

/** A top-level section with its subsections, in reading order. */
export interface SectionTree {
  section: Section;
  subsections: Section[];
}

/** Published whitepaper sections: drafts never reach a page, the search index or any other output. */
export async function getWhitepaper(): Promise<SectionTree[]> {
  const sections = (await getCollection('whitepaper', (entry) => !entry.data.draft)).sort((a, b) => compareSectionNumbers(a.data.number, b.data.number));
  return sections
    .filter((entry) => parentNumber(entry.data.number) === undefined)
    .map((section) => ({
      section,
      subsections: sections.filter((entry) => parentNumber(entry.data.number) === section.data.number),
    }));
}

/** Published questions grouped by category (drafts are left out); groups ordered by their first question. */
export async function getFaqGroups() {
  const questions = (await getCollection('faq', (entry) => !entry.data.draft)).sort((a, b) => a.data.order - b.data.order);
  return groupBy(questions, (entry) => entry.data.category);
}

export async function getCertifications() {
  return (await getCollection('certifications')).sort((a, b) => a.data.order - b.data.order);
}

export async function getSubprocessors() {
  return (await getCollection('subprocessors')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
}

/** Controls grouped by category, both in the order the whitepaper states them. */
export async function getControlGroups() {
  const numbers = new Map((await getCollection('whitepaper')).map((entry) => [entry.id, entry.data.number]));
  const controls = (await getCollection('controls')).sort((a, b) =>
    compareSectionNumbers(numbers.get(a.data.section) ?? '0', numbers.get(b.data.section) ?? '0'),
  );
  return groupBy(controls, (entry) => entry.data.category);
}

export async function getDocuments() {
  return getCollection('documents');
}

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
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return [...groups].map(([name, grouped]) => ({ name, items: grouped }));
}

export type ChangeEntry = CollectionEntry<'subprocessorChanges'>;

/** The change log, newest announcement first. */
export async function getChanges(): Promise<ChangeEntry[]> {
  return newestFirst(await getCollection('subprocessorChanges'));
}

/**
 * The sub-processor list as of the build date: only what the change log yields (a file alone
 * puts nobody on the list), and the changes still ahead, soonest first.
 */
export async function getSubprocessorList(today: Date = buildDate()) {
  const events = await getCollection('subprocessorChanges');
  const currentIds = currentSubprocessorIds(events, today);
  const all = await getSubprocessors();
  return {
    current: all.filter((entry) => currentIds.has(entry.id)),
    upcoming: inEffectOrder(events.filter((event) => isUpcoming(event, today))),
    all,
  };
}

/** News, newest first. */
export async function getUpdates() {
  return (await getCollection('updates')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || b.id.localeCompare(a.id));
}
