import { describe, expect, it } from 'vitest';
import { controlAnchor, controlSearchRecords, searchRecords } from '../../src/lib/search-records.ts';

const date = new Date('2026-11-29T00:00:00Z');

describe('searchRecords', () => {
  it('gives each item its URL and the markup Pagefind reads: type, title, date, text and weighted keywords', () => {
    const [record] = searchRecords([{ url: '/#control-mfa', title: 'MFA', text: 'MFA is required.', keywords: ['2FA', 'two-factor'] }], 'control', date, 'en');
    expect(record!.url).toBe('/#control-mfa');
    expect(record!.content).toContain('<html lang="en">');
    expect(record!.content).toContain('<main data-pagefind-body>');
    expect(record!.content).toContain('<span data-pagefind-filter="type">control</span>');
    expect(record!.content).toContain('<span data-pagefind-meta="title">MFA</span>');
    expect(record!.content).toContain('<span data-pagefind-filter="date">2026-11-29</span>');
    expect(record!.content).toContain('<p>MFA is required.</p>');
    expect(record!.content).toContain('<p hidden data-pagefind-weight="2">¶ 2FA, two-factor</p>');
  });

  it('leaves the keywords out when there are none', () => {
    const [record] = searchRecords([{ url: '/#x', title: 'X', text: 'Y', keywords: [] }], 'control', date, 'en');
    expect(record!.content).not.toContain('data-pagefind-weight');
  });

  it('escapes every value it writes into the HTML', () => {
    const hostile = '</p><script>alert(1)</script><p data-pagefind-body="x" & "';
    const [record] = searchRecords([{ url: '/#x', title: hostile, text: hostile, keywords: [hostile] }], 'control', date, `en"><script>`);
    expect(record!.content).not.toContain('<script>');
    expect(record!.content).not.toContain('data-pagefind-body="x"');
    expect(record!.content).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(record!.content.match(/<p>/g)).toHaveLength(2);
  });
});

describe('controlSearchRecords', () => {
  it('lands each control on its anchor on the overview, with its statement as the text', () => {
    const records = controlSearchRecords(
      [
        { id: 'mfa', data: { title: 'Multi-factor authentication', statement: 'Required for every account.', keywords: ['2FA'] } },
        { id: 'waf', data: { title: 'Web application firewall', statement: 'In front of the API.' } },
      ],
      date,
      'en',
    );
    expect(records.map((record) => record.url)).toEqual([`/#${controlAnchor('mfa')}`, '/#control-waf']);
    expect(records[0]!.content).toContain('<p>Required for every account.</p><p hidden data-pagefind-weight="2">¶ 2FA</p>');
    expect(records[1]!.content).not.toContain('data-pagefind-weight');
  });
});
