import { frameworkKeys, frameworks, displayId } from '../../data/frameworks/index.ts';
import type { Control } from '../../schemas/control.ts';
import { questionnaireDomains, type QuestionnaireDomain, type QuestionnaireEntry } from '../../schemas/questionnaire.ts';
import { controlAnchor } from '../search-records.ts';
export { domainAnchor, questionAnchor } from './anchors.ts';

/** A place an answer rests on, as a reader follows it: its name and its site path. */
export interface QuestionnaireSource {
  label: string;
  /** Site path with anchor, for example `/whitepaper/#data-encryption`. */
  path: string;
}

/** One question, ready to show or write out: what the page, the CSV and the workbook share. */
export interface QuestionnaireRow {
  id: string;
  domain: QuestionnaireDomain;
  question: string;
  /** The answer, or undefined where the content is silent. */
  answer: string | undefined;
  sources: QuestionnaireSource[];
  /** The framework references of the cited controls, merged: per framework key, ids in first-cited order. */
  frameworks: Control['frameworks'];
}

/** What rows are built from: the questionnaire and the entries its sources name (all checked to exist by the rules). */
export interface QuestionnaireInput {
  entries: readonly { id: string; data: QuestionnaireEntry }[];
  sections: ReadonlyMap<string, { number: string; title: string }>;
  controls: ReadonlyMap<string, { title: string; frameworks?: Control['frameworks'] }>;
  faq: ReadonlyMap<string, { question: string }>;
}

/**
 * The rows in the fixed domain order, each domain's questions in the author's order. A source that
 * does not exist is left out (the questionnaire-source rule has stopped the build before that can
 * reach an output).
 */
export function questionnaireRows(input: QuestionnaireInput): QuestionnaireRow[] {
  const rows = input.entries.map(({ id, data }): QuestionnaireRow => {
    const sections = data.sources.sections.flatMap((sectionId) => {
      const section = input.sections.get(sectionId);
      return section ? [{ label: `${section.number} ${section.title}`, path: `/whitepaper/#${sectionId}` }] : [];
    });
    const controls = data.sources.controls.flatMap((controlId) => {
      const control = input.controls.get(controlId);
      return control ? [{ label: control.title, path: `/#${controlAnchor(controlId)}` }] : [];
    });
    const faq = data.sources.faq.flatMap((faqId) => {
      const entry = input.faq.get(faqId);
      return entry ? [{ label: entry.question, path: `/faq/#${faqId}` }] : [];
    });
    return {
      id,
      domain: data.domain,
      question: data.question,
      answer: data.status === 'not-stated' ? undefined : data.answer,
      sources: [...sections, ...controls, ...faq],
      frameworks: mergeFrameworks(data.sources.controls.map((controlId) => input.controls.get(controlId)?.frameworks)),
    };
  });
  return questionnaireDomains.flatMap((domain) => rows.filter((row) => row.domain === domain));
}

/** The framework references of several controls as one, each id once, in first-cited order; undefined when none. */
export function mergeFrameworks(refs: readonly Control['frameworks'][]): Control['frameworks'] {
  const merged: Partial<Record<(typeof frameworkKeys)[number], string[]>> = {};
  for (const ref of refs) {
    for (const key of frameworkKeys) {
      for (const id of ref?.[key] ?? []) {
        const ids = (merged[key] ??= []);
        if (!ids.includes(id)) ids.push(id);
      }
    }
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/** Framework references as one line of text: "ISO 27001: A.8.24; SOC 2: CC6.1". */
export function frameworksText(refs: Control['frameworks']): string {
  return frameworks
    .flatMap((framework) => {
      const ids = refs?.[framework.key] ?? [];
      return ids.length > 0 ? [`${framework.shortName}: ${ids.map((id) => displayId(framework, id)).join(', ')}`] : [];
    })
    .join('; ');
}
