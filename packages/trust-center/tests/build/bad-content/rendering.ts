import { validFixture } from '../../helpers/fixture-content.ts';
import type { BadContentCase } from './case.ts';

const documents = validFixture['documents.yaml']!;

/** Rows for truthful rendering: what the site could only show wrongly, or in an order left to chance. */
export const cases: BadContentCase[] = [
  {
    name: 'two documents with one order',
    changes: {
      'documents.yaml': `${documents}- id: report\n  title: Penetration test summary\n  order: 1\n  description: On request.\n  access: on-request\n  contact: security\n`,
    },
    line: 'broken/documents.yaml: report.order: 1 is already the order of "dpa"; give each document its own place (duplicate-order)',
  },
  {
    name: 'a document without an order',
    changes: { 'documents.yaml': documents.replace(/^  order: .*\n/m, '') },
    line: 'broken/documents.yaml: dpa.order: is required but missing (schema)',
  },
  {
    name: 'a change to a field a sub-processor does not have',
    changes: {
      'subprocessor-changes/2026-03-01-cloud.mdx':
        '---\ntype: updated\nsubprocessor: cloud\nannounced: 2026-02-01\neffective: 2026-03-01\nchanges:\n  - field: transfer\n    from: none\n    to: sccs\n---\n\nThe provider moved.\n',
    },
    line: 'broken/subprocessor-changes/2026-03-01-cloud.mdx: changes.0.field: "transfer" is not a sub-processor field (one of: name, legalEntity, headquarters, purpose, category, dataCategories, locations, locationNote, transferMechanism, zeroDataRetention, retentionNote, website, keywords) (unknown-field)',
  },
];
