/**
 * The pages that have a Markdown twin, and where it is. The layout links each page to its twin
 * (`<link rel="alternate" type="text/markdown">`), `/llms.txt` lists them and `/llms-full.txt`
 * joins them, all from this one list, in this order.
 */
export const markdownTwins = [
  { key: 'index', page: '/', markdown: '/index.md' },
  { key: 'whitepaper', page: '/whitepaper/', markdown: '/whitepaper.md' },
  { key: 'faq', page: '/faq/', markdown: '/faq.md' },
  { key: 'certifications', page: '/certifications/', markdown: '/certifications.md' },
  { key: 'subprocessors', page: '/subprocessors/', markdown: '/subprocessors.md' },
  { key: 'documents', page: '/documents/', markdown: '/documents.md' },
  { key: 'security', page: '/security/', markdown: '/security.md' },
  { key: 'questionnaire', page: '/questionnaire/', markdown: '/questionnaire.md' },
  // One twin for /controls/ and its framework pages (twin-lists.ts); only /controls/ names it.
  { key: 'controls', page: '/controls/', markdown: '/controls.md' },
  // The newest changes, the first page of /changes/; its older pages have no twin.
  { key: 'changes', page: '/changes/', markdown: '/changes.md' },
] as const;

export type TwinKey = (typeof markdownTwins)[number]['key'];

/** The twin of the page at `pathname`, or undefined when it has none. */
export function markdownTwinOf(pathname: string): string | undefined {
  const page = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return markdownTwins.find((twin) => twin.page === page)?.markdown;
}
