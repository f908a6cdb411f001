import { numbered, type Framework } from './types.ts';

/**
 * The AICPA's Trust Services Criteria (2017, with the revised points of focus of 2022): 61 criteria,
 * the common criteria (CC, security) and the additional ones for availability, confidentiality,
 * processing integrity and privacy. The points of focus have no ids of their own.
 */
export const soc2: Framework = {
  key: 'soc2',
  slug: 'soc-2',
  name: 'SOC 2 Trust Services Criteria',
  shortName: 'SOC 2',
  noun: 'a SOC 2 Trust Services Criteria (2017) criterion',
  version: '2017 (revised points of focus 2022)',
  displayPrefix: '',
  source: {
    publisher: 'AICPA',
    title: '2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (with revised points of focus, 2022)',
    url: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
  },
  groups: [
    { label: 'Control environment', ids: numbered('CC1.', 5) },
    { label: 'Communication and information', ids: numbered('CC2.', 3) },
    { label: 'Risk assessment', ids: numbered('CC3.', 4) },
    { label: 'Monitoring activities', ids: numbered('CC4.', 2) },
    { label: 'Control activities', ids: numbered('CC5.', 3) },
    { label: 'Logical and physical access', ids: numbered('CC6.', 8) },
    { label: 'System operations', ids: numbered('CC7.', 5) },
    { label: 'Change management', ids: numbered('CC8.', 1) },
    { label: 'Risk mitigation', ids: numbered('CC9.', 2) },
    { label: 'Availability', ids: numbered('A1.', 3) },
    { label: 'Confidentiality', ids: numbered('C1.', 2) },
    { label: 'Processing integrity', ids: numbered('PI1.', 5) },
    {
      label: 'Privacy',
      ids: [
        ...numbered('P1.', 1),
        ...numbered('P2.', 1),
        ...numbered('P3.', 2),
        ...numbered('P4.', 3),
        ...numbered('P5.', 2),
        ...numbered('P6.', 7),
        ...numbered('P7.', 1),
        ...numbered('P8.', 1),
      ],
    },
  ],
};
