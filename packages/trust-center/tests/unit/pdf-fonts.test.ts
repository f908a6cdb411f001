import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfFontCoverage } from '../../src/lib/pdf/font-coverage.ts';
import { codePoint, missingCharacters, missingCharactersLine, PDF_FONT_STACK, PDF_FONTS, PDF_MONO_STACK, SURELY_COVERED, surelyCovered } from '../../src/lib/pdf/fonts.ts';

const coverage = pdfFontCoverage();
const codes = (text: string) => new Set([...text].map((char) => char.codePointAt(0)!));

describe('the shipped PDF fonts', () => {
  it('draw the scripts trust centers are written in: Latin with diacritics, Greek, Cyrillic, Hebrew, Arabic, typographic marks', () => {
    const text = 'Zażółć gęślą jaźń Größe Besançon Århus Győr Θεσσαλονίκη Москва שלום אבטחת מידע شركة الأمين „quoted“ ‘single’ – — … § € ® ™ · • № 0123456789';
    expect(missingCharacters([{ where: 'sample', text }], coverage)).toEqual([]);
    // Code (a commit hash) is set in the monospaced family.
    expect(missingCharacters([{ where: 'code', text: '0123456789abcdef' }], pdfFontCoverage([{ package: 'noto-sans-mono' }]))).toEqual([]);
  });

  it('draw every character the build assumes without reading them (SURELY_COVERED)', () => {
    const assumed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (SURELY_COVERED.test(String.fromCodePoint(code))) assumed.push(String.fromCodePoint(code));
    expect(assumed.length).toBeGreaterThan(800);
    expect(missingCharacters([{ where: 'assumed', text: assumed.join('') }], coverage)).toEqual([]);
  });

  it('are read only for text outside what is surely covered', () => {
    expect(surelyCovered([{ where: 'a', text: 'Größe – “quoted” … 30 € · Москва\u00ad\ufe0f' }])).toBe(true);
    expect(surelyCovered([{ where: 'a', text: 'ok' }, { where: 'b', text: 'שלום' }])).toBe(false);
    expect(surelyCovered([{ where: 'a', text: 'Ja ✅' }])).toBe(false);
  });

  it('draw the status marks the pages print (✓ ◐ ✕ ○)', () => {
    expect(missingCharacters([{ where: 'badges', text: '✓ ◐ ✕ ○' }], coverage)).toEqual([]);
  });

  it('do not draw colour emoji or Japanese: those are what the build warns about', () => {
    const missing = missingCharacters([{ where: '#faq', text: 'Ja ✅ 🚚 月見' }], coverage);
    expect(missing.map((m) => m.char)).toEqual(['✅', '🚚', '月', '見']);
  });

  it('are the ones the print layout imports, and the stacks name them in fallback order', () => {
    const layout = readFileSync('src/layouts/PrintLayout.astro', 'utf8');
    const imported = new Set([...layout.matchAll(/import '@fontsource\/([a-z0-9-]+)\//g)].map((m) => m[1]));
    expect([...imported].sort()).toEqual(PDF_FONTS.map((font) => font.package).sort());
    const families = PDF_FONTS.map((font) => `'${font.family}'`);
    expect(PDF_FONT_STACK).toBe(`${families.filter((f) => !f.includes('Mono')).join(', ')}, sans-serif`);
    expect(PDF_MONO_STACK.startsWith(`'Noto Sans Mono'`)).toBe(true);
    // The layout's CSS variables say the same as the stacks the header and footer use.
    expect(layout).toContain(`--font-sans: ${PDF_FONT_STACK};`);
    expect(layout).toContain(`--font-mono: ${PDF_MONO_STACK};`);
  });
});

describe('missingCharacters', () => {
  const latin = codes('abcdefghijklmnopqrstuvwxyz ');

  it('lists each character once, in order of first appearance, with up to three places', () => {
    const missing = missingCharacters(
      [
        { where: '#a', text: 'ok ✅' },
        { where: '#b', text: '✅ 🚚 ✅' },
        { where: '#c', text: '✅' },
        { where: '#d', text: '✅' },
      ],
      latin,
    );
    expect(missing).toEqual([
      { char: '✅', where: ['#a', '#b', '#c'] },
      { char: '🚚', where: ['#b'] },
    ]);
  });

  it('ignores white space, control characters, variation selectors and joiners, which no font draws', () => {
    expect(missingCharacters([{ where: '#a', text: 'a\u00a0b\tc\n\u200b\u200d\ufe0f\u2060' }], latin)).toEqual([]);
  });

  it('treats a character outside the Basic Multilingual Plane as one character', () => {
    expect(missingCharacters([{ where: '#a', text: '😀' }], latin)).toEqual([{ char: '😀', where: ['#a'] }]);
    expect(codePoint('😀')).toBe('U+1F600');
    expect(codePoint('é')).toBe('U+00E9');
  });
});

describe('missingCharactersLine', () => {
  it('is one line naming the file, each character with its code point, and where it is', () => {
    const line = missingCharactersLine('documents/faq.pdf', [
      { char: '⏱', where: ['#wiederherstellungszeit'] },
      { char: '✅', where: ['#wiederherstellungszeit', 'the running header'] },
    ]);
    expect(line).toBe(
      'documents/faq.pdf: 2 characters the PDF fonts cannot draw, printed in a fallback font of this machine or as empty boxes: "⏱" (U+23F1) in #wiederherstellungszeit; "✅" (U+2705) in #wiederherstellungszeit, the running header',
    );
    // Characters found in the same places are listed together.
    expect(missingCharactersLine('documents/x.pdf', [{ char: '月', where: ['“Tsukimi”'] }, { char: '見', where: ['“Tsukimi”'] }])).toBe(
      'documents/x.pdf: 2 characters the PDF fonts cannot draw, printed in a fallback font of this machine or as empty boxes: "月" (U+6708), "見" (U+898B) in “Tsukimi”',
    );
    expect(line).not.toContain('\n');
  });
});
