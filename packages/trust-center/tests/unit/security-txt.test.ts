import { describe, expect, it } from 'vitest';
import { securityTxt, securityTxtExpires } from '../../src/lib/security-txt.ts';

const today = new Date('2026-11-27T00:00:00Z');
const input = {
  contacts: ['mailto:security@example.com'],
  expires: securityTxtExpires(today),
  languages: ['en', 'nb'],
  canonical: 'https://trust.example.com/.well-known/security.txt',
  policy: 'https://trust.example.com/security/',
};

describe('security.txt (RFC 9116)', () => {
  it('writes every field in the RFC format', () => {
    expect(securityTxt(input, today)).toBe(
      [
        'Contact: mailto:security@example.com',
        'Expires: 2027-05-26T00:00:00Z',
        'Preferred-Languages: en, nb',
        'Canonical: https://trust.example.com/.well-known/security.txt',
        'Policy: https://trust.example.com/security/',
        '',
      ].join('\n'),
    );
  });

  it('refuses an Expires in the past or more than a year ahead', () => {
    expect(() => securityTxt({ ...input, expires: new Date('2026-11-27T00:00:00Z') }, today)).toThrow('security.txt Expires must be 1 to 365 days ahead, got 0');
    expect(() => securityTxt({ ...input, expires: securityTxtExpires(today, 366) }, today)).toThrow('got 366');
  });

  it('refuses a file without a contact', () => {
    expect(() => securityTxt({ ...input, contacts: [] }, today)).toThrow('security.txt needs at least one Contact');
  });
});
