import type { QuestionnaireDomain } from '../../schemas/questionnaire.ts';

/** The anchor of an answer on /questionnaire/, where the CSV, the workbook and search results link. */
export function questionAnchor(id: string): string {
  return `q-${id}`;
}

/** The anchor of a domain's group on /questionnaire/. */
export function domainAnchor(domain: QuestionnaireDomain): string {
  return `domain-${domain}`;
}
