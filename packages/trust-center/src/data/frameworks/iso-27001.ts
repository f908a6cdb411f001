import { numbered, type Framework } from './types.ts';

/** ISO/IEC 27001:2022 Annex A: 93 controls in four themes (clauses 5 to 8 of ISO/IEC 27002:2022). */
export const iso27001: Framework = {
  key: 'iso27001',
  slug: 'iso-27001',
  name: 'ISO/IEC 27001:2022 Annex A',
  shortName: 'ISO/IEC 27001',
  noun: 'an ISO/IEC 27001:2022 Annex A control',
  version: '2022',
  displayPrefix: 'A.',
  source: {
    publisher: 'ISO/IEC',
    title: 'ISO/IEC 27001:2022 Information security management systems — Requirements, Annex A',
    url: 'https://www.iso.org/standard/27001',
  },
  groups: [
    { label: 'Organizational', ids: numbered('5.', 37) },
    { label: 'People', ids: numbered('6.', 8) },
    { label: 'Physical', ids: numbered('7.', 14) },
    { label: 'Technological', ids: numbered('8.', 34) },
  ],
};
