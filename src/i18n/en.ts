import type { CertificationStatus } from '../schemas/certification';
import type { certificationKinds, transferMechanisms } from '../schemas';
import type { DateKind, SearchType } from '../lib/search';

/**
 * The search page's words. Exported on their own as well, so the search page's script bundles
 * only these and not every label of the site.
 */
export const searchText = {
  title: 'Search',
  description: (company: string) =>
    `Search ${company}'s trust center in your own words: whitepaper, FAQ, sub-processors, certifications and controls.`,
  /** The header's search form, on every page. */
  headerLabel: 'Search the trust center',
  submit: 'Search',
  /** The search page's own field. */
  fieldLabel: 'Your question or search words',
  hint: 'Ask as you would in a questionnaire, for example “where is our data hosted?”',
  typeLegend: 'Show results from',
  allTypes: 'Everything',
  types: {
    whitepaper: 'Whitepaper',
    faq: 'FAQ',
    subprocessor: 'Sub-processors',
    certification: 'Certifications',
    control: 'Controls',
    news: 'News',
  } satisfies Record<SearchType, string>,
  dated: {
    reviewed: 'Last reviewed',
    'as-of': 'As of',
    published: 'Published',
  } satisfies Record<DateKind, string>,
  resultsHeading: 'Results',
  noScript: 'Search needs JavaScript, which is turned off in this browser. Most answers are in these two pages:',
  failed: 'Search could not be loaded. Please try again later, or read these two pages:',
  idle: 'Type a question or a few words; results appear as you type.',
  count: (count: number, query: string) =>
    count === 0 ? `No results for “${query}”.` : count === 1 ? `1 result for “${query}”.` : `${count} results for “${query}”.`,
  inType: (type: string) => ` Showing: ${type}.`,
  noResultsHelp: 'Try fewer or other words, or show results from everything.',
  more: 'Show more results',
  /**
   * Words dropped from a question before it is searched: they carry no meaning on their own, and
   * Pagefind only returns pages containing every word searched for. Lower case.
   */
  stopWords: [
    'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'into', 'as',
    'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'have', 'has', 'had',
    'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must',
    'i', 'me', 'my', 'we', 'our', 'ours', 'you', 'your', 'yours', 'it', 'its', 'they', 'them', 'their',
    'this', 'that', 'these', 'those', 'there', 'here', 'any', 'some', 'all',
    'what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how',
    'if', 'so', 'than', 'then', 'please', 'tell', 'get', 'use', 'uses', 'used', 'using',
  ],
} as const;

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
  search: searchText,
  notFound: {
    title: 'Page not found',
    description: 'The page you asked for does not exist.',
    text: 'There is no page at this address. It may have moved.',
    home: 'Go to the overview',
  },
} as const;

export const t = en;
