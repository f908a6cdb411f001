import type { LoadedContent } from '../content/read.ts';
import { checkCertificationDates } from './certifications.ts';
import { checkCertificationStatus } from './certification-status.ts';
import { checkChangeFields } from './change-fields.ts';
import { checkCompanyFacts } from './company-facts.ts';
import { checkCurrentSubprocessors } from './current-subprocessors.ts';
import { checkDocumentOrder, checkGeneratedPdfs } from './documents.ts';
import { checkFaqOrder } from './faq-order.ts';
import { checkFrameworkIds } from './framework-ids.ts';
import type { Finding } from './finding.ts';
import { checkPublishedHistory, type PublishedHistoryInput } from './published-history.ts';
import { checkQuestionnaire } from './questionnaire.ts';
import { checkReferences } from './references.ts';
import { checkSubprocessorChanges } from './subprocessor-changes.ts';
import { checkSubprocessorNames } from './subprocessor-names.ts';
import { checkUniqueIds } from './unique-ids.ts';
import { checkUpdateIds } from './update-ids.ts';
import { checkNotEmpty, checkSectionNumbers } from './whitepaper.ts';

/**
 * Every cross-collection rule, as of `today` (the build date in builds, a fixed date in tests), and,
 * given the published-history lock, the check that no published change event was edited or deleted.
 */
export function runRules(content: LoadedContent, today: Date, history?: PublishedHistoryInput): Finding[] {
  return [
    ...checkUniqueIds(content.controls),
    ...checkUniqueIds(content.documents),
    ...checkUniqueIds(content.questionnaire),
    ...checkQuestionnaire(content),
    ...checkGeneratedPdfs(content.documents),
    ...checkDocumentOrder(content.documents),
    ...checkUniqueIds(content.retention.data.tiers.map((tier) => ({ id: tier.id, file: content.retention.file })), 'id'),
    ...checkSectionNumbers(content.whitepaper),
    ...checkNotEmpty(content.whitepaper, 'section'),
    ...checkNotEmpty(content.faq, 'answer'),
    ...checkReferences(content),
    ...checkFrameworkIds(content.controls),
    ...checkNotEmpty(content.subprocessorChanges, 'change'),
    ...checkNotEmpty(content.updates, 'news item'),
    ...checkUpdateIds(content.updates),
    ...checkCertificationDates(content.certifications, today),
    ...checkSubprocessorChanges(content.subprocessorChanges, content.subprocessors, content.company.data.noticePeriodDays, today),
    ...checkChangeFields(content.subprocessorChanges),
    ...checkCompanyFacts([...content.whitepaper, ...content.faq, ...content.subprocessorChanges, ...content.updates], content.company.data),
    ...checkCertificationStatus(content.certifications, today),
    ...checkCurrentSubprocessors(content, today),
    ...checkSubprocessorNames(content.subprocessors),
    ...checkFaqOrder(content.faq),
    ...(history ? checkPublishedHistory(content.subprocessorChanges, history) : []),
  ];
}
