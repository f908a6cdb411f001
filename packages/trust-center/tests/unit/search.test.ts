import { describe, expect, it } from 'vitest';
import { searchText } from '../../src/i18n/en.ts';
import {
  answersFrom,
  KEYWORDS_MARK,
  rankPages,
  readSearchParams,
  searchHref,
  searchTerms,
  termWeights,
  type PagefindPageData,
  type WeightedLocation,
} from '../../src/lib/search.ts';

describe('search links', () => {
  it('builds /search/?q= links that round-trip, with the type when one is chosen', () => {
    expect(searchHref('  where is our data hosted?  ')).toBe('/search/?q=where+is+our+data+hosted%3F');
    expect(searchHref('pen test', 'faq')).toBe('/search/?q=pen+test&type=faq');
    expect(searchHref('')).toBe('/search/');
    expect(readSearchParams('?q=where+is+our+data+hosted%3F&type=faq')).toEqual({ query: 'where is our data hosted?', type: 'faq' });
    expect(readSearchParams('?q=a%26b')).toEqual({ query: 'a&b', type: undefined });
  });

  it('ignores an unknown type rather than showing nothing', () => {
    expect(readSearchParams('?q=rto&type=blog')).toEqual({ query: 'rto', type: undefined });
    expect(readSearchParams('')).toEqual({ query: '', type: undefined });
  });
});

describe('searchTerms', () => {
  const stop = searchText.stopWords;

  it('keeps the words of a question that carry meaning', () => {
    expect(searchTerms('Who are your AI providers?', stop)).toEqual(['ai', 'providers']);
    expect(searchTerms('Is data encrypted at rest?', stop)).toEqual(['data', 'encrypted', 'rest']);
    expect(searchTerms('What is your RTO?', stop)).toEqual(['rto']);
  });

  it('keeps hyphenated words, numbers and abbreviations, drops possessives and repeats', () => {
    expect(searchTerms('ISO 27001 and 2FA for sub-processors’ staff', stop)).toEqual(['iso', '27001', '2fa', 'sub-processors', 'staff']);
    expect(searchTerms("the company's data, data, data", stop)).toEqual(['company', 'data']);
  });

  it('searches the words as typed when all of them are stop words', () => {
    expect(searchTerms('Who are you?', stop)).toEqual(['who', 'are', 'you']);
    expect(searchTerms('  ?!  ', stop)).toEqual([]);
  });
});

describe('rankPages', () => {
  it('puts pages containing more of the words first, then higher scores', () => {
    const order = rankPages([
      [
        { id: 'faq', score: 1 },
        { id: 'short', score: 9 },
      ],
      [{ id: 'faq', score: 1 }],
    ]);
    // faq: (1 + 1) × 1² = 2; short: 9 × (1/2)² = 2.25, so a much better score still wins…
    expect(order).toEqual(['short', 'faq']);
    // …but not an ordinary one.
    expect(rankPages([[{ id: 'short', score: 4 }, { id: 'faq', score: 1 }], [{ id: 'faq', score: 1 }]])).toEqual(['faq', 'short']);
  });
});

describe('termWeights', () => {
  it('weighs a word on few pages far above a word on nearly every page, and never at zero', () => {
    // BM25's idf over 19 pages: ln(1 + (19 − n + 0.5) / (n + 0.5)).
    const [rare, common, everywhere] = termWeights([1, 15, 19], 19);
    expect(rare).toBeCloseTo(Math.log(1 + 18.5 / 1.5), 10);
    expect(common).toBeCloseTo(Math.log(1 + 4.5 / 15.5), 10);
    expect(rare! / common!).toBeGreaterThan(8);
    expect(everywhere).toBeGreaterThan(0);
    expect(everywhere).toBeLessThan(common!);
  });

  it('treats counts outside 0…total (a stale count, a word on no page) as the nearest bound', () => {
    expect(termWeights([-3, 0, 40], 10)).toEqual(termWeights([0, 0, 10], 10));
  });
});

describe('rare words', () => {
  // A question with one rare word ("database", on 1 of 19 pages) and two common ones ("provider",
  // "data", on 12 and 15): the page holding the rare word and one common word must beat the page
  // holding both common words with better scores, which equal weights rank first.
  const weights = termWeights([1, 12, 15], 19);
  const perTerm = [
    [{ id: 'convex', score: 1 }],
    [
      { id: 'convex', score: 1 },
      { id: 'faq', score: 1.5 },
    ],
    [{ id: 'faq', score: 1.5 }],
  ];

  it('rankPages puts the page with the rare word first', () => {
    expect(rankPages(perTerm)).toEqual(['faq', 'convex']);
    expect(rankPages(perTerm, weights)).toEqual(['convex', 'faq']);
  });

  it('answersFrom puts the section with the rare word first', () => {
    //                 0      1        2         3     4      5      6        7
    const content = 'Page. Hosting. provider data. Backend. database provider here.';
    const anchors = [
      { element: 'h2', id: 'hosting', text: 'Hosting.', location: 1 },
      { element: 'h2', id: 'backend', text: 'Backend.', location: 4 },
    ];
    const hits = [[5], [2, 6], [3]];
    expect(answersFrom([page(content, anchors, hits)]).map((a) => a.url)).toEqual(['/faq/#hosting', '/faq/#backend']);
    expect(answersFrom([page(content, anchors, hits)], weights).map((a) => a.url)).toEqual(['/faq/#backend', '/faq/#hosting']);
  });
});

/** A page as Pagefind describes it: its words, its anchors, and per word searched for, the places it matched. */
function page(content: string, anchors: PagefindPageData['anchors'], hits: number[][], weights: number[][] = []): { data: PagefindPageData; hits: WeightedLocation[][] } {
  return {
    data: { url: '/faq/', content, meta: { title: 'FAQ' }, filters: { type: ['faq'], date: ['2026-11-27'], dated: ['as-of'] }, anchors, weighted_locations: [] },
    hits: hits.map((locations, term) =>
      locations.map((location, index) => ({ location, weight: 1, balanced_score: (weights[term]?.[index] ?? 1) * 512 })),
    ),
  };
}

const text = (parts: { text: string; marked: boolean }[]) => parts.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('answersFrom', () => {
  //                0    1      2        3        4      5        6    7    8    9      10 11       12
  const content = `FAQ. Where stored? Frankfurt only. Training? Never used to train. ${KEYWORDS_MARK} hosting location.`;
  const words = content.split(' ');
  const anchors = [
    { element: 'h2', id: 'where', text: 'Where stored?', location: 1 },
    { element: 'h2', id: 'training', text: 'Training?', location: 5 },
  ];

  it('gives one answer per matching section, linked to its anchor, with the page as context', () => {
    const answers = answersFrom([page(content, anchors, [[3], [8]])]);
    expect(answers.map((a) => a.url)).toEqual(['/faq/#where', '/faq/#training']);
    expect(answers[0]).toMatchObject({ title: 'Where stored?', pageTitle: 'FAQ', type: 'faq', date: '2026-11-27', dated: 'as-of' });
    expect(words[3]).toBe('Frankfurt');
  });

  it('ranks the section that holds every word above one with a heavier match on one word', () => {
    // "where" holds the first word only, three times heavier (as in a heading): 3 × (1/2)² = 0.75;
    // "training" holds both words at ordinary weight: (1 + 1) × 1² = 2.
    const answers = answersFrom([page(content, anchors, [[3, 6], [7]], [[3, 1], [1]])]);
    expect(answers.map((a) => a.url)).toEqual(['/faq/#training', '/faq/#where']);
  });

  it('counts hidden keywords for ranking but keeps them out of the excerpt', () => {
    const [answer] = answersFrom([page(content, anchors, [[11]])]);
    expect(answer?.url).toBe('/faq/#training');
    expect(text(answer!.excerpt)).toBe('Never used to train.');
  });

  it('marks matched words, keeps punctuation outside the mark, and elides around a long section', () => {
    const long = `Title. Heading. ${Array.from({ length: 60 }, (_, i) => `w${i}`).join(' ')} match, ${Array.from({ length: 60 }, (_, i) => `x${i}`).join(' ')}`;
    const location = long.split(' ').indexOf('match,');
    const [answer] = answersFrom([page(long, [{ element: 'h2', id: 'h', text: 'Heading.', location: 1 }], [[location]])], undefined, 10);
    expect(text(answer!.excerpt)).toBe('… w55 w56 w57 w58 w59 [match], x0 x1 x2 x3 …');
  });

  it('leaves out a heading with nothing under it (a group name), and matches before any heading belong to the page', () => {
    const grouped = 'FAQ intro. Data Where? Here.';
    const groupAnchors = [
      { element: 'h2', id: 'data', text: 'Data', location: 2 },
      { element: 'h3', id: 'where', text: 'Where?', location: 3 },
    ];
    const answers = answersFrom([page(grouped, groupAnchors, [[1, 2, 4]])]);
    expect(answers.map((a) => a.url)).toEqual(['/faq/', '/faq/#where']);
    expect(answers[0]?.title).toBe('FAQ');
  });

  it('starts a record’s excerpt after its own title, which it begins with', () => {
    const record = { ...page('Where is data stored? In Frankfurt only.', [], [[5]]) };
    record.data = { ...record.data, url: '/faq/#where', meta: { title: 'Where is data stored?' } };
    const [answer] = answersFrom([record]);
    expect(answer).toMatchObject({ url: '/faq/#where', title: 'Where is data stored?' });
    expect(text(answer!.excerpt)).toBe('In [Frankfurt] only.');
  });

  it('makes any element with data-pagefind-title a place to land, not only headings', () => {
    const controls = 'Overview. All stored data is encrypted. Encryption at rest';
    const [answer] = answersFrom([page(controls, [{ element: 'li', id: 'control-encryption-at-rest', title: 'Encryption at rest', location: 1 }], [[3]])]);
    expect(answer).toMatchObject({ url: '/faq/#control-encryption-at-rest', title: 'Encryption at rest' });
    expect(text(answer!.excerpt)).toBe('All stored [data] is encrypted. Encryption at rest');
  });
});
