import { useTranslations } from '../../i18n/index.ts';
import type { LoadedContent, LoadedEntry } from '../content/read.ts';
import { bodyMarkdown } from '../machine/markdown.ts';
import { unsupportedFacts } from '../questionnaire/facts.ts';
import { error, type Finding } from './finding.ts';
import { unknownReference } from './suggest.ts';

const t = useTranslations();

type QuestionnaireContent = Pick<LoadedContent, 'questionnaire' | 'whitepaper' | 'controls' | 'faq' | 'company'>;

/**
 * The questionnaire answers only from the content: each entry either answers (with at least one
 * source) or says `status: not-stated` (with none); every source it names exists and is published; and every
 * number, date and name in an answer appears in one of its sources (lib/questionnaire/facts.ts).
 */
export function checkQuestionnaire(content: QuestionnaireContent): Finding[] {
  const findings: Finding[] = [];
  const sections = new Map(content.whitepaper.map((entry) => [entry.id, entry]));
  const controls = new Map(content.controls.map((entry) => [entry.id, entry]));
  const faq = new Map(content.faq.map((entry) => [entry.id, entry]));
  const company = content.company.data;
  const facts = {
    contacts: company.contacts,
    dpaUrl: company.dpaUrl,
    noticePeriod: t.contentComponents.days(company.noticePeriodDays),
    pageUrl: company.siteUrl,
  };
  const bodyText = (entry: LoadedEntry<unknown>) => (entry.body ? bodyMarkdown(entry.body, entry.format ?? 'mdx', facts, entry.file) : '');

  for (const { id, file, data } of content.questionnaire) {
    const { sources } = data;
    if (data.answer !== undefined && data.status === 'not-stated') {
      findings.push(error(file, `${id}.status`, 'an entry with an answer cannot be "not-stated"; remove one of them', 'questionnaire-answer'));
    } else if (data.answer === undefined && data.status === undefined) {
      findings.push(error(file, `${id}.answer`, 'is missing: write the answer from the content, or set "status: not-stated" where the content is silent', 'questionnaire-answer'));
    } else if (data.answer !== undefined && sources.sections.length + sources.controls.length + sources.faq.length === 0) {
      findings.push(error(file, `${id}.sources`, 'an answer must cite the sections, controls or FAQ it rests on', 'questionnaire-answer'));
    } else if (data.answer === undefined && sources.sections.length + sources.controls.length + sources.faq.length > 0) {
      // A reader would take the links for where the answer is; there is none.
      findings.push(error(file, `${id}.sources`, 'a not-stated question rests on nothing: remove its sources, or write the answer they give', 'questionnaire-answer'));
    }

    const texts: string[] = [];
    const draft = (field: string, wanted: string, noun: string) =>
      findings.push(error(file, field, `"${wanted}" is a draft ${noun}; publish it or remove the reference`, 'draft-reference'));
    sources.sections.forEach((wanted, index) => {
      const entry = sections.get(wanted);
      if (!entry) findings.push(unknownReference(file, `${id}.sources.sections.${index}`, wanted, 'whitepaper section', sections.keys()));
      else if (entry.data.draft) draft(`${id}.sources.sections.${index}`, wanted, 'section');
      else texts.push(entry.data.title, bodyText(entry));
    });
    sources.controls.forEach((wanted, index) => {
      const entry = controls.get(wanted);
      if (!entry) findings.push(unknownReference(file, `${id}.sources.controls.${index}`, wanted, 'control', controls.keys()));
      else texts.push(entry.data.title, entry.data.statement);
    });
    sources.faq.forEach((wanted, index) => {
      const entry = faq.get(wanted);
      if (!entry) findings.push(unknownReference(file, `${id}.sources.faq.${index}`, wanted, 'FAQ entry', faq.keys()));
      else if (entry.data.draft) draft(`${id}.sources.faq.${index}`, wanted, 'FAQ entry');
      else texts.push(entry.data.question, bodyText(entry));
    });

    if (data.answer !== undefined && texts.length > 0) {
      const unsupported = unsupportedFacts(data.answer, texts);
      if (unsupported.length > 0) {
        findings.push(
          error(file, `${id}.answer`, `states ${unsupported.map((fact) => `"${fact}"`).join(', ')}, which no cited source states; cite the source or remove it`, 'questionnaire-fact'),
        );
      }
    }
  }
  return findings;
}
