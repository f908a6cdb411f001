import { describe, expect, it } from 'vitest';
import type { LoadedEntry } from '../../src/lib/content/read.ts';
import { checkFaqOrder } from '../../src/lib/rules/faq-order.ts';
import { formatFinding } from '../../src/lib/rules/finding.ts';
import type { Faq } from '../../src/schemas/faq.ts';

const question = (id: string, category: string, order: number, draft = false): LoadedEntry<Faq> => ({
  id,
  file: `content/faq/${id}.mdx`,
  data: { question: `${id}?`, category, order, sections: [], subprocessors: [], keywords: [], draft },
  body: 'Yes.',
});

describe('FAQ positions are unique (duplicate-order)', () => {
  it('accepts one position per published question', () => {
    expect(checkFaqOrder([question('a', 'Data', 1), question('b', 'Data', 2), question('c', 'Security', 3)])).toEqual([]);
  });

  it('fails two questions with one position, in one category or across categories', () => {
    expect(checkFaqOrder([question('a', 'Data', 1), question('b', 'Data', 1), question('c', 'Security', 1)]).map(formatFinding)).toEqual([
      'content/faq/b.mdx: order: 1 is also the order of content/faq/a.mdx; give each question its own position (duplicate-order)',
      'content/faq/c.mdx: order: 1 is also the order of content/faq/a.mdx; give each question its own position (duplicate-order)',
    ]);
  });

  it('lets a draft share a position until it is published', () => {
    expect(checkFaqOrder([question('a', 'Data', 1), question('b', 'Data', 1, true)])).toEqual([]);
  });
});
