import type { LoadedContent } from '../content/read.ts';
import { error, type Finding } from './finding.ts';
import { unknownReference } from './suggest.ts';

/**
 * Every id one entry names must be the id of an entry in the collection it points to, and a
 * published entry may not point to a draft section (the link would lead nowhere on the site).
 */
export function checkReferences(content: Pick<LoadedContent, 'whitepaper' | 'faq' | 'controls' | 'subprocessors'>): Finding[] {
  const findings: Finding[] = [];
  const sections = new Set(content.whitepaper.map((entry) => entry.id));
  const drafts = new Set(content.whitepaper.filter((entry) => entry.data.draft).map((entry) => entry.id));
  const subprocessors = new Set(content.subprocessors.map((entry) => entry.id));
  const draftReference = (file: string, field: string, id: string) =>
    error(file, field, `"${id}" is a draft section; publish it or remove the reference`, 'draft-reference');

  for (const { file, data } of content.faq) {
    data.sections.forEach((id, index) => {
      if (!sections.has(id)) findings.push(unknownReference(file, `sections.${index}`, id, 'whitepaper section', sections));
      else if (drafts.has(id) && !data.draft) findings.push(draftReference(file, `sections.${index}`, id));
    });
    data.subprocessors.forEach((id, index) => {
      if (!subprocessors.has(id)) findings.push(unknownReference(file, `subprocessors.${index}`, id, 'sub-processor', subprocessors));
    });
  }
  for (const { id, file, data } of content.controls) {
    if (!sections.has(data.section)) {
      findings.push(unknownReference(file, `${id}.section`, data.section, 'whitepaper section', sections));
    } else if (drafts.has(data.section)) {
      findings.push(draftReference(file, `${id}.section`, data.section));
    }
  }
  return findings;
}
