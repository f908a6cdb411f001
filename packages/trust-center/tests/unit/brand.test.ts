import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { brandCss, checkAccent, defaultFavicon, readBrandSvg, readThemeTokens, themeTokens, schemes } from '../../src/lib/brand/brand.ts';
import { contrastRatio, formatRatio, parseCssColor } from '../../src/lib/brand/contrast.ts';
import { resolveBrand } from '../../src/lib/brand/resolve.ts';
import { parseOptions } from '../../src/virtual-modules.ts';

const color = (value: string) => {
  const parsed = parseCssColor(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.color;
};
const ratio = (a: string, b: string) => contrastRatio(color(a), color(b));

describe('contrast', () => {
  it('computes WCAG 2 ratios: the extremes, the AA threshold grey, order does not matter', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('white', 'white')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey with AA contrast on white (4.54:1), #777 the darkest without (4.48:1).
    expect(ratio('#767676', '#fff')).toBeCloseTo(4.54, 2);
    expect(ratio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(ratio('#fff', '#767676')).toBe(ratio('#767676', '#fff'));
  });

  it('reads every CSS colour syntax, and clips colours outside sRGB as screens show them', () => {
    expect(ratio('rgb(118 118 118)', 'hsl(0 0% 100%)')).toBeCloseTo(4.54, 2);
    expect(ratio('rebeccapurple', '#663399')).toBeCloseTo(1, 5);
    expect(ratio('oklch(100% 0 0)', '#000')).toBeCloseTo(21, 2);
    expect(ratio('color(display-p3 0 1 0)', '#0f0')).toBeCloseTo(1, 5);
  });

  it('refuses what is not an opaque colour, saying why', () => {
    expect(parseCssColor('blurple')).toEqual({ ok: false, reason: '"blurple" is not a CSS colour' });
    expect(parseCssColor('rgb(0 0 0 / 50%)')).toEqual({ ok: false, reason: '"rgb(0 0 0 / 50%)" is partly transparent; give an opaque colour' });
    expect(parseCssColor('transparent').ok).toBe(false);
  });

  it('writes ratios rounded down, so a ratio just under the threshold never shows as meeting it', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(21)).toBe('21.00:1');
  });
});

describe('theme tokens (styles/theme.css)', () => {
  const tokens = themeTokens();

  it('reads light and dark values of every token, dark overriding light', () => {
    const css = ':root { --tc-surface: #fff; --tc-fg: #111; --tc-derived: var(--tc-fg); } @media screen and (prefers-color-scheme: dark) { :root { --tc-surface: #000; } }';
    expect(readThemeTokens(css)).toEqual({ light: { '--tc-surface': '#fff', '--tc-fg': '#111' }, dark: { '--tc-surface': '#000', '--tc-fg': '#111' } });
    expect(Object.keys(tokens.dark)).toEqual(Object.keys(tokens.light));
  });

  // Every text colour on every background the components put it on, in both schemes (axe checks
  // the pages too, but only the states a test shows; this covers every status tone).
  const pairs: [string, string][] = [
    ['--tc-fg', '--tc-surface'],
    ['--tc-fg', '--tc-surface-raised'],
    ['--tc-fg', '--tc-surface-strong'],
    ['--tc-muted', '--tc-surface'],
    ['--tc-muted', '--tc-surface-raised'],
    ['--tc-subtle', '--tc-surface'],
    ['--tc-subtle', '--tc-surface-raised'],
    ['--tc-accent', '--tc-surface'],
    ['--tc-accent', '--tc-surface-raised'],
    ['--tc-on-accent', '--tc-accent'],
    ['--tc-warning', '--tc-surface'],
    ...(['ok', 'info', 'warning', 'danger', 'neutral'] as const).map((tone): [string, string] => [`--tc-${tone}`, `--tc-${tone}-surface`]),
  ];
  for (const scheme of schemes) {
    it(`keeps AA contrast (4.5:1) for every text and background pair (${scheme})`, () => {
      const low = pairs
        .map(([text, background]) => ({ pair: `${text} on ${background}`, ratio: ratio(tokens[scheme][text]!, tokens[scheme][background]!) }))
        .filter(({ ratio }) => ratio < 4.5);
      expect(low).toEqual([]);
    });
    it(`keeps form field borders at 3:1 against the page (${scheme})`, () => {
      expect(ratio(tokens[scheme]['--tc-line-strong']!, tokens[scheme]['--tc-surface']!)).toBeGreaterThanOrEqual(3);
    });
  }

  it('is the only place colours are named: no component, layout, route or script uses a palette class', () => {
    const palette = /\b(?:[a-z-]+:)*(?:text|bg|border|divide|ring|outline|fill|stroke|decoration|from|to|via|shadow|prose-[a-z]+:text)-(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\d{2,3}\b|\b(?:text|bg|ring|border)-(?:white|black)\b|\bdark:/;
    const root = path.resolve(import.meta.dirname, '../../src');
    const offenders = ['components', 'layouts', 'routes', 'scripts', 'styles']
      .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
      .filter((file) => /\.(astro|ts|css)$/.test(file) && file !== path.join('styles', 'theme.css'))
      .flatMap((file) => readFileSync(path.join(root, file), 'utf8').split('\n').map((line, index) => ({ file, line: index + 1, text: line })))
      .filter(({ text }) => palette.test(text) && !text.trim().startsWith('//') && !text.trim().startsWith('*'))
      .map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });
});

describe('brand accent', () => {
  it('accepts an accent with AA contrast on every background, and picks readable button text', () => {
    const { problems, resolved } = checkAccent({ light: '#7e22ce', dark: '#d8b4fe' });
    expect(problems).toEqual([]);
    expect(resolved.light).toEqual({ accent: '#7e22ce', onAccent: '#fff' });
    expect(resolved.dark.onAccent).toBe(themeTokens().dark['--tc-surface']);
    expect(brandCss(resolved)).toBe(
      `:root{--tc-accent:#7e22ce;--tc-on-accent:#fff}\n@media screen and (prefers-color-scheme: dark){:root{--tc-accent:#d8b4fe;--tc-on-accent:${themeTokens().dark['--tc-surface']}}}\n`,
    );
    expect(brandCss(undefined)).toBe('');
  });

  it('fails an accent below 4.5:1 with one line naming the option and the ratio', () => {
    expect(checkAccent({ light: '#60a5fa', dark: 'navy' }).problems).toEqual([
      'trustCenter(): option brand.accent.light: #60a5fa has 2.42:1 contrast against the light background (--tc-surface-raised oklch(98.4% 0.003 247.858)); links need at least 4.5:1',
      'trustCenter(): option brand.accent.dark: navy has 1.11:1 contrast against the dark background (--tc-surface-raised oklch(20.8% 0.042 265.755)); links need at least 4.5:1',
    ]);
  });

  it('checks against the theme it is given', () => {
    const tokens = readThemeTokens(':root{--tc-surface:#fff;--tc-surface-raised:#fff;--tc-fg:#000} @media screen and (prefers-color-scheme: dark){:root{--tc-surface:#000;--tc-surface-raised:#000;--tc-fg:#fff}}');
    // #767676 passes on white (4.54:1); on black it has 4.62:1 and passes too.
    expect(checkAccent({ light: '#767676', dark: '#767676' }, tokens).problems).toEqual([]);
    expect(checkAccent({ light: '#777', dark: '#767676' }, tokens).problems).toEqual([
      'trustCenter(): option brand.accent.light: #777 has 4.47:1 contrast against the light background (--tc-surface #fff); links need at least 4.5:1',
    ]);
  });
});

describe('trustCenter() options', () => {
  const error = (options: unknown) => {
    try {
      parseOptions(options);
    } catch (thrown) {
      return (thrown as Error).message;
    }
    return undefined;
  };

  it('takes a full brand and a document version', () => {
    expect(parseOptions({ brand: { logo: 'brand/logo.svg', accent: { light: '#0b57d0', dark: 'oklch(80% 0.1 250)' }, favicon: 'icon.SVG' }, documentVersion: ' 2.3 ' })).toEqual({
      brand: { logo: 'brand/logo.svg', accent: { light: '#0b57d0', dark: 'oklch(80% 0.1 250)' }, favicon: 'icon.SVG' },
      documentVersion: '2.3',
    });
  });

  it('says in one line per problem which option is wrong and why', () => {
    expect(error({ brand: { accent: { light: 'blurple', dark: '#fff' } } })).toBe(
      'trustCenter(): option brand.accent.light: "blurple" is not a CSS colour (write it as in a stylesheet: #0b57d0, rgb(...), oklch(...), a colour name)',
    );
    expect(error({ brand: { logo: 'logo.png' } })).toBe('trustCenter(): option brand.logo: must name an .svg file');
    expect(error({ brand: { favicon: 'favicon.ico' } })).toBe('trustCenter(): option brand.favicon: must name an .svg file');
    expect(error({ brand: { accent: { light: '#000' } } })).toBe('trustCenter(): option brand.accent.dark: Invalid input: expected string, received undefined');
    expect(error({ brand: { color: 'red' } })).toBe('trustCenter(): option brand.color: is not an option of brand (its options: logo, logoIncludesName, accent, favicon)');
    expect(error({ documentVersion: '  ' })).toBe('trustCenter(): option documentVersion: is empty; leave the option out to derive the version from the content');
    expect(error({ documentVersion: 'x'.repeat(41) })).toBe('trustCenter(): option documentVersion: is longer than 40 characters; it has to fit on a PDF cover line');
  });
});

describe('brand files', () => {
  let root: string;
  const project = (files: Record<string, string>) => {
    root = mkdtempSync(path.join(tmpdir(), 'trust-brand-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

  it('serves the option files, and the default favicon when the site has none', () => {
    const dir = project({ 'brand/logo.svg': svg, 'brand/icon.svg': svg });
    expect(resolveBrand({ logo: 'brand/logo.svg', favicon: 'brand/icon.svg' }, dir, path.join(dir, 'public'))).toEqual({ css: '', hasLogo: true, logo: svg, favicon: svg });
    expect(resolveBrand(undefined, dir, path.join(dir, 'public'))).toEqual({ css: '', hasLogo: false, favicon: defaultFavicon() });
  });

  it("leaves the site's public/favicon.svg in place, and serves nothing for a public file the option names", () => {
    const dir = project({ 'public/favicon.svg': svg, 'public/logo.svg': svg });
    expect(resolveBrand(undefined, dir, path.join(dir, 'public'))).toEqual({ css: '', hasLogo: false });
    expect(resolveBrand({ logo: 'public/logo.svg' }, dir, path.join(dir, 'public'))).toEqual({ css: '', hasLogo: true });
  });

  it('refuses a missing file, a file that is no SVG, a script, and a clash with a different public/ file', () => {
    const dir = project({ 'logo.svg': '<html></html>', 'evil.svg': '<svg onload="alert(1)"></svg>', 'brand/icon.svg': svg, 'public/favicon.svg': svg });
    const publicDir = path.join(dir, 'public');
    expect(() => resolveBrand({ logo: 'missing.svg' }, dir, publicDir)).toThrow(`trustCenter(): option brand.logo: missing.svg does not exist (looked for ${path.join(dir, 'missing.svg')})`);
    expect(() => resolveBrand({ logo: 'logo.svg' }, dir, publicDir)).toThrow('trustCenter(): option brand.logo: logo.svg holds no <svg> element');
    expect(() => readBrandSvg('brand.favicon', 'evil.svg', dir)).toThrow(
      "trustCenter(): option brand.favicon: evil.svg contains a script or an event handler; remove it (the file is served from the site's own origin)",
    );
    expect(() => resolveBrand({ favicon: 'brand/icon.svg' }, dir, publicDir)).toThrow(
      'trustCenter(): option brand.favicon: the site also has public/favicon.svg, served at the same address /favicon.svg; remove one of the two',
    );
  });

  it('stops on an accent without enough contrast, with the ratio', () => {
    const dir = project({});
    expect(() => resolveBrand({ accent: { light: '#7e22ce', dark: '#4c1d95' } }, dir, path.join(dir, 'public'))).toThrow(
      /^trustCenter\(\): option brand\.accent\.dark: #4c1d95 has 1\.\d\d:1 contrast against the dark background/,
    );
  });
});
