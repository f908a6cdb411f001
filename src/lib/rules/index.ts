import type { LoadedContent } from '../content/read';
import { checkCertificationDates } from './certifications';
import { checkChangeFields } from './change-fields';
import { checkCompanyFacts } from './company-facts';
import { checkDocumentOrder, checkGeneratedPdfs } from './documents';
import type { Finding } from './finding';
import { checkReferences } from './references';
import { checkSubprocessorChanges } from './subprocessor-changes';
import { checkUniqueIds } from './unique-ids';
import { checkNotEmpty, checkSectionNumbers } from './whitepaper';

/** Every cross-collection rule, as of `today` (the build date in builds, a fixed date in tests). */
export function runRules(content: LoadedContent, today: Date): Finding[] {
  return [
    ...checkUniqueIds(content.controls),
    ...checkUniqueIds(content.documents),
    ...checkGeneratedPdfs(content.documents),
    ...checkDocumentOrder(content.documents),
    ...checkUniqueIds(content.retention.data.tiers.map((tier) => ({ id: tier.id, file: content.retention.file })), 'id'),
    ...checkSectionNumbers(content.whitepaper),
    ...checkNotEmpty(content.whitepaper, 'section'),
    ...checkNotEmpty(content.faq, 'answer'),
    ...checkReferences(content),
    ...checkNotEmpty(content.subprocessorChanges, 'change'),
    ...checkNotEmpty(content.updates, 'news item'),
    ...checkCertificationDates(content.certifications, today),
    ...checkSubprocessorChanges(content.subprocessorChanges, content.subprocessors, content.company.data.noticePeriodDays),
    ...checkChangeFields(content.subprocessorChanges),
    ...checkCompanyFacts([...content.whitepaper, ...content.faq, ...content.subprocessorChanges, ...content.updates], content.company.data),
  ];
}
