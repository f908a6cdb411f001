import { numbered, type Framework } from './types.ts';

/** A CCM v4 domain: its id prefix, how many controls it has, and a short name. */
const domain = (prefix: string, count: number, label: string) => ({ label: `${prefix} ${label}`, ids: numbered(`${prefix}-`, count, 2) });

/** The Cloud Security Alliance's Cloud Controls Matrix v4.0: 197 controls in 17 domains. */
export const ccm: Framework = {
  key: 'ccm',
  slug: 'ccm',
  name: 'CSA Cloud Controls Matrix v4',
  shortName: 'CSA CCM',
  noun: 'a CSA Cloud Controls Matrix v4 control',
  version: '4.0',
  displayPrefix: '',
  source: {
    publisher: 'Cloud Security Alliance',
    title: 'Cloud Controls Matrix (CCM) v4',
    url: 'https://cloudsecurityalliance.org/artifacts/cloud-controls-matrix-v4',
  },
  groups: [
    domain('A&A', 6, 'Audit and assurance'),
    domain('AIS', 7, 'Application and interface security'),
    domain('BCR', 11, 'Business continuity and resilience'),
    domain('CCC', 9, 'Change control and configuration'),
    domain('CEK', 21, 'Cryptography, encryption and key management'),
    domain('DCS', 15, 'Datacenter security'),
    domain('DSP', 19, 'Data security and privacy'),
    domain('GRC', 8, 'Governance, risk and compliance'),
    domain('HRS', 13, 'Human resources'),
    domain('IAM', 16, 'Identity and access management'),
    domain('IPY', 4, 'Interoperability and portability'),
    domain('IVS', 9, 'Infrastructure and virtualization security'),
    domain('LOG', 13, 'Logging and monitoring'),
    domain('SEF', 8, 'Security incident management'),
    domain('STA', 14, 'Supply chain management and transparency'),
    domain('TVM', 10, 'Threat and vulnerability management'),
    domain('UEM', 14, 'Universal endpoint management'),
  ],
};
