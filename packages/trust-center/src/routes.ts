/**
 * Every route the integration injects, in one list: the URL pattern and the file under `routes/`
 * that renders it. A site adds no page files of its own for these; DESIGN's URL map is this list.
 */
export interface TrustCenterRoute {
  /** The URL pattern, in Astro's route syntax. */
  pattern: string;
  /** The route file, relative to `src/routes/`. */
  file: string;
  /**
   * True for outputs stated once for every language (data exports, machine-readable files, host
   * files): they have no twin under a translation's `/<language>/`. Every other route is rendered
   * again for each translation language (i18n/editions.ts).
   */
  shared?: true;
}

export const routes: readonly TrustCenterRoute[] = [
  { pattern: '/', file: 'index.astro' },
  { pattern: '/404', file: '404.astro' },
  { pattern: '/whitepaper', file: 'whitepaper/index.astro' },
  { pattern: '/faq', file: 'faq/index.astro' },
  { pattern: '/certifications', file: 'certifications/index.astro' },
  { pattern: '/controls', file: 'controls/index.astro' },
  { pattern: '/controls/[framework]', file: 'controls/[framework].astro' },
  { pattern: '/documents', file: 'documents/index.astro' },
  // The questionnaire answer sheet (docs/questionnaire.md): a page, a workbook and a CSV from content/questionnaire.yaml.
  { pattern: '/questionnaire', file: 'questionnaire/index.astro' },
  { pattern: '/questionnaire.xlsx', file: 'questionnaire.xlsx.ts', shared: true },
  { pattern: '/questionnaire.csv', file: 'questionnaire.csv.ts', shared: true },
  { pattern: '/security', file: 'security/index.astro' },
  { pattern: '/search', file: 'search/index.astro' },
  // The list, a page at a time (/subprocessors/, /subprocessors/2/, ...), and its filtered views (lib/subprocessors/views.ts).
  { pattern: '/subprocessors/[...page]', file: 'subprocessors/[...page].astro' },
  { pattern: '/subprocessors/category/[...path]', file: 'subprocessors/category/[...path].astro' },
  { pattern: '/subprocessors/location/[...path]', file: 'subprocessors/location/[...path].astro' },
  { pattern: '/subprocessors/transfer/[...path]', file: 'subprocessors/transfer/[...path].astro' },
  { pattern: '/subprocessors/[id]', file: 'subprocessors/[id].astro' },
  { pattern: '/subprocessors/changes/[...page]', file: 'subprocessors/changes/[...page].astro' },
  { pattern: '/subprocessors/changes/[id]', file: 'subprocessors/changes/[id].astro' },
  { pattern: '/subprocessors/changes/feed.xml', file: 'subprocessors/changes/feed.xml.ts' },
  { pattern: '/subprocessors/changes/atom.xml', file: 'subprocessors/changes/atom.xml.ts' },
  { pattern: '/subprocessors/changes/feed.json', file: 'subprocessors/changes/feed.json.ts' },
  // Older pages of the paged feeds (RFC 5005 section 3; lib/paging.ts): feed-2.xml, atom-2.xml, feed-2.json, ...
  { pattern: '/subprocessors/changes/feed-[page].xml', file: 'subprocessors/changes/feed-[page].xml.ts' },
  { pattern: '/subprocessors/changes/atom-[page].xml', file: 'subprocessors/changes/atom-[page].xml.ts' },
  { pattern: '/subprocessors/changes/feed-[page].json', file: 'subprocessors/changes/feed-[page].json.ts' },
  { pattern: '/subprocessors/changes/calendar.ics', file: 'subprocessors/changes/calendar.ics.ts' },
  { pattern: '/subprocessors.csv', file: 'subprocessors.csv.ts', shared: true },
  { pattern: '/subprocessors.json', file: 'subprocessors.json.ts', shared: true },
  { pattern: '/subprocessors.schema.json', file: 'subprocessors.schema.json.ts', shared: true },
  // The posture for machines (docs/machine-readable.md): one JSON document, its schema, llms.txt and Markdown twins.
  { pattern: '/trust.json', file: 'trust.json.ts', shared: true },
  { pattern: '/trust.schema.json', file: 'trust.schema.json.ts', shared: true },
  { pattern: '/llms.txt', file: 'llms.txt.ts', shared: true },
  { pattern: '/llms-full.txt', file: 'llms-full.txt.ts', shared: true },
  { pattern: '/[twin].md', file: 'twin.md.ts', shared: true },
  { pattern: '/updates/[...page]', file: 'updates/[...page].astro' },
  { pattern: '/updates/[id]', file: 'updates/[id].astro' },
  { pattern: '/updates/feed.xml', file: 'updates/feed.xml.ts' },
  { pattern: '/updates/atom.xml', file: 'updates/atom.xml.ts' },
  { pattern: '/updates/feed.json', file: 'updates/feed.json.ts' },
  { pattern: '/updates/feed-[page].xml', file: 'updates/feed-[page].xml.ts' },
  { pattern: '/updates/atom-[page].xml', file: 'updates/atom-[page].xml.ts' },
  { pattern: '/updates/feed-[page].json', file: 'updates/feed-[page].json.ts' },
  // What changed since a reviewer's last review (docs/changes.md): the history of content/ with sub-processor events and news.
  { pattern: '/changes/[...page]', file: 'changes/[...page].astro' },
  { pattern: '/changes/feed.xml', file: 'changes/feed.xml.ts' },
  { pattern: '/changes/atom.xml', file: 'changes/atom.xml.ts' },
  { pattern: '/changes/feed.json', file: 'changes/feed.json.ts' },
  { pattern: '/changes/feed-[page].xml', file: 'changes/feed-[page].xml.ts' },
  { pattern: '/changes/atom-[page].xml', file: 'changes/atom-[page].xml.ts' },
  { pattern: '/changes/feed-[page].json', file: 'changes/feed-[page].json.ts' },
  { pattern: '/.well-known/security.txt', file: '.well-known/security.txt.ts', shared: true },
  { pattern: '/robots.txt', file: 'robots.txt.ts', shared: true },
  // Print routes: rendered only for the PDF step, which deletes them from the output afterwards.
  { pattern: '/print/whitepaper', file: 'print/whitepaper.astro' },
  { pattern: '/print/faq', file: 'print/faq.astro' },
  { pattern: '/print/subprocessors', file: 'print/subprocessors.astro' },
  { pattern: '/print/security-pack', file: 'print/security-pack.astro' },
];

/** A route pattern as a regular expression over root-relative paths (trailing slash optional). */
function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((part) => (part.startsWith('[...') ? '.*' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

// The paths a translation has a twin of: its routes, and the PDFs the PDF step prints from its print pages.
const localizedPaths = [...routes.filter((route) => !route.shared).map((route) => patternRegExp(route.pattern)), /^\/documents\/[^/]+\.pdf$/];

/** Whether a root-relative path (`/faq/`, `/updates/feed.xml`) has a twin in each translation's edition. */
export function hasTranslationTwin(path: string): boolean {
  return localizedPaths.some((pattern) => pattern.test(path));
}
