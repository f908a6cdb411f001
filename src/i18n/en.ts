import type { CertificationStatus } from '../schemas/certification';
import type { certificationKinds, GeneratedPdf, transferMechanisms } from '../schemas';

/**
 * Every word the code itself writes. Company facts never appear here: they come from content/.
 * A second language is a second module of the same shape.
 */
export const en = {
  siteSuffix: 'Trust Center',
  skipLink: 'Skip to main content',
  nav: {
    label: 'Main',
    overview: 'Overview',
    whitepaper: 'Whitepaper',
    faq: 'FAQ',
    certifications: 'Certifications',
    subprocessors: 'Sub-processors',
    documents: 'Documents',
    security: 'Security',
  },
  footer: {
    contacts: 'Contacts',
    general: 'General',
    security: 'Security',
    privacy: 'Privacy',
    organisationNumber: 'Organisation number',
    supervisoryAuthority: 'Supervisory authority',
    builtOn: 'Information as of',
  },
  overview: {
    title: 'Overview',
    description: (company: string) => `${company}'s security posture at a glance: certifications, key facts, controls, documents and contacts.`,
    heading: (company: string) => `${company} Trust Center`,
    certifications: 'Certifications and compliance',
    keyFacts: 'Key facts',
    dataLocation: 'Data location',
    controls: 'Security controls',
    controlsIntro: 'The measures the security whitepaper states, by category. Each links to the section that states it in full.',
    documents: 'Documents',
    contact: 'Contact',
    allCertifications: 'All certifications',
    readWhitepaper: 'Read the whitepaper',
    source: 'Source',
  },
  whitepaper: {
    title: 'Security whitepaper',
    description: (company: string) => `${company}'s security whitepaper: architecture, practices and compliance posture.`,
    contents: 'Contents',
    lastReviewed: 'Last reviewed',
    backToContents: 'Back to contents',
  },
  faq: {
    title: 'Frequently asked questions',
    description: (company: string) => `Answers to the questions reviewers most often ask ${company} about security and data protection.`,
    relatedSections: 'From the whitepaper',
    relatedSubprocessors: 'Sub-processors',
  },
  certifications: {
    title: 'Certifications and compliance',
    description: (company: string) => `${company}'s status against each regulation, certification and attestation, with dates.`,
    status: 'Status',
    kind: 'Kind',
    target: 'Target',
    since: 'Since',
    validUntil: 'Valid until',
    scope: 'Scope',
    auditor: 'Auditor',
    evidence: 'Evidence',
    statement: 'Statement',
  },
  statuses: {
    compliant: 'Compliant',
    aligned: 'Aligned',
    certified: 'Certified',
    'in-progress': 'In progress',
    'under-evaluation': 'Under evaluation',
    planned: 'Planned',
    expired: 'Expired',
  } satisfies Record<CertificationStatus, string>,
  kinds: {
    regulation: 'Regulation',
    certification: 'Certification',
    attestation: 'Attestation',
  } satisfies Record<(typeof certificationKinds)[number], string>,
  transfers: {
    none: 'None needed (inside the EU/EEA)',
    'adequacy-decision': 'Adequacy decision',
    'eu-us-dpf': 'EU-US Data Privacy Framework',
    sccs: 'Standard Contractual Clauses',
  } satisfies Record<(typeof transferMechanisms)[number], string>,
  subprocessors: {
    title: 'Sub-processors',
    description: (company: string) => `The third parties that process customer data for ${company}: purpose, location and transfer mechanism.`,
    intro: (count: number, company: string) => `${count} sub-processors process customer data on ${company}'s behalf.`,
    notice: (days: number) => `Customers receive ${days} days' notice before a new sub-processor is engaged.`,
    caption: 'Current sub-processors',
    name: 'Name',
    purpose: 'Purpose',
    category: 'Category',
    locations: 'Processing locations',
    transfer: 'Transfer mechanism',
    retention: 'Data retention',
    zeroRetention: 'Zero data retention',
    notStated: 'Not stated',
    legalEntity: 'Legal entity',
    headquarters: 'Headquarters',
    dataCategories: 'Data categories',
    website: 'Website',
    back: 'All sub-processors',
    detailDescription: (name: string, company: string) => `${name} as a sub-processor of ${company}: purpose, data, location and transfer mechanism.`,
  },
  documents: {
    title: 'Documents',
    description: (company: string) => `Documents ${company} publishes or provides on request for your vendor file.`,
    external: 'Published document',
    page: 'On this site',
    generated: 'PDF',
    onRequest: 'On request',
    request: (address: string) => `Request it from ${address}`,
    requestSubject: (title: string) => `Request: ${title}`,
  },
  security: {
    title: 'Report a security concern',
    description: (company: string) => `How to report a vulnerability or security concern to ${company}.`,
    intro: 'If you believe you have found a vulnerability or a security problem, please tell us.',
    contact: 'Write to',
    include: 'Helpful to include',
    includeItems: [
      'what you found and where (a URL or a component)',
      'the steps to reproduce it',
      'what an attacker could do with it',
      'how we can reach you for questions',
    ],
  },
  retention: {
    title: 'Data deletion after termination',
    days: (n: number) => `within ${n} days`,
    exportDays: (n: number) => `export for ${n} days`,
    byLaw: 'as required by law',
  },
  pdf: {
    /** Link to a page's own PDF. */
    download: 'Download as PDF',
    /** After a PDF link, once the build has measured the file: " · 14 pages · 412 kB". */
    facts: (pages: number, size: string) => ` · ${pages} ${pages === 1 ? 'page' : 'pages'} · ${size}`,
    /** Titles, descriptions and keywords of the generated PDFs, used when content/documents.yaml does not name them. */
    documents: {
      whitepaper: {
        title: 'Security whitepaper',
        description: (company: string) => `${company}'s security whitepaper: architecture, practices and compliance posture.`,
        keywords: ['security whitepaper', 'information security', 'data protection', 'compliance'],
      },
      faq: {
        title: 'Security FAQ',
        description: (company: string) => `Answers to the security and data-protection questions reviewers most often ask ${company}.`,
        keywords: ['security FAQ', 'vendor assessment', 'data protection'],
      },
      subprocessors: {
        title: 'Sub-processor list',
        description: (company: string) => `The sub-processors that process customer data for ${company}: purpose, locations and transfer mechanisms.`,
        keywords: ['sub-processors', 'processing locations', 'international transfers', 'GDPR'],
      },
      'security-pack': {
        title: 'Security pack',
        description: (company: string) => `${company}'s security posture in one document for your vendor file.`,
        keywords: ['security pack', 'vendor risk', 'security whitepaper', 'certifications', 'sub-processors', 'data retention'],
      },
    } satisfies Record<GeneratedPdf, { title: string; description: (company: string) => string; keywords: string[] }>,
    /** The PDF's title in its document properties and the viewer's title bar. */
    metadataTitle: (title: string, company: string) => `${title} – ${company}`,
    cover: {
      version: 'Version',
      date: 'Information as of',
      commit: 'Source commit',
      modified: 'with changes not yet committed',
      website: 'Online version',
    },
    contents: 'Contents',
    /** Running header and footer; `page` and `total` are placeholders Chromium fills. */
    header: (company: string, title: string) => `${company} · ${title}`,
    asOf: (date: string) => `As of ${date}`,
    pageOf: (page: string, total: string) => `Page ${page} of ${total}`,
    versionLine: (version: string) => `Version ${version}`,
    pack: {
      overview: 'Overview',
    },
    subprocessorDetails: 'Details by sub-processor',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for does not exist.',
    text: 'There is no page at this address. It may have moved.',
    home: 'Go to the overview',
  },
} as const;

export const t = en;
