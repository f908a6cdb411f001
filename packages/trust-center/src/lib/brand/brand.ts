import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Color from 'colorjs.io';
import { AA_TEXT_CONTRAST, contrastRatio, formatRatio, parseCssColor } from './contrast.ts';

/** The colour schemes the theme defines (styles/theme.css). */
export const schemes = ['light', 'dark'] as const;
export type Scheme = (typeof schemes)[number];

/** The backgrounds the accent is read on: links on the page and in the header and footer. */
const ACCENT_SURFACES = ['--tc-surface', '--tc-surface-raised'] as const;
/** The theme text colours offered for text on an accent background (buttons), lightest and darkest. */
const ON_ACCENT_CANDIDATES = ['--tc-surface', '--tc-fg'] as const;

/** The token values of each scheme, as styles/theme.css writes them. */
export type ThemeTokens = Record<Scheme, Record<string, string>>;

/**
 * Reads the tokens of styles/theme.css: the first `:root` block is light, the one inside the
 * `prefers-color-scheme: dark` query is dark (only the tokens it sets). Values that are not plain
 * colours (the derived tokens) are skipped.
 */
export function readThemeTokens(css: string): ThemeTokens {
  const block = (start: number) => {
    const open = css.indexOf(':root', start);
    return open < 0 ? '' : css.slice(css.indexOf('{', open) + 1, css.indexOf('}', open));
  };
  const declarations = (text: string): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const [, name, value] of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--tc-[a-z-]+)\s*:\s*([^;]+)(?:;|$)/g)) {
      if (name && value && !value.includes('var(')) found[name] = value.trim();
    }
    return found;
  };
  const darkAt = css.indexOf('prefers-color-scheme: dark');
  if (darkAt < 0) throw new Error('styles/theme.css has no dark scheme');
  const light = declarations(block(0));
  return { light, dark: { ...light, ...declarations(block(darkAt)) } };
}

const themeFile = new URL('../../styles/theme.css', import.meta.url);
let shipped: ThemeTokens | undefined;
/** The engine's own tokens. */
export function themeTokens(): ThemeTokens {
  return (shipped ??= readThemeTokens(readFileSync(themeFile, 'utf8')));
}

/** A brand accent per scheme, as the `brand.accent` option gives it. */
export type Accent = Record<Scheme, string>;

/** What the build uses of an accent: the colours, and the text colour for buttons. */
export type ResolvedAccent = Record<Scheme, { accent: string; onAccent: string }>;

/**
 * Checks a brand accent against the theme, in each scheme: it must be a colour, with at least
 * 4.5:1 against every background links sit on; the button text (the lighter or darker theme text
 * colour, whichever contrasts more) must reach 4.5:1 on it too. Returns the problems, one line each,
 * naming the option and the ratio, or the colours to write into the stylesheet.
 */
export function checkAccent(accent: Accent, tokens: ThemeTokens = themeTokens()): { problems: string[]; resolved: ResolvedAccent } {
  const problems: string[] = [];
  const resolved = {} as ResolvedAccent;
  for (const scheme of schemes) {
    const option = `brand.accent.${scheme}`;
    const parsed = parseCssColor(accent[scheme]);
    if (!parsed.ok) {
      problems.push(`trustCenter(): option ${option}: ${parsed.reason}`);
      continue;
    }
    const color = (token: string) => {
      const value = tokens[scheme][token];
      const read = value === undefined ? undefined : parseCssColor(value);
      if (!read?.ok) throw new Error(`styles/theme.css: ${token} (${scheme}) is not a plain colour`);
      return read.color;
    };
    const worst = ACCENT_SURFACES.map((token) => ({ token, ratio: contrastRatio(parsed.color, color(token)) })).sort((a, b) => a.ratio - b.ratio)[0]!;
    if (worst.ratio < AA_TEXT_CONTRAST) {
      problems.push(
        `trustCenter(): option ${option}: ${accent[scheme]} has ${formatRatio(worst.ratio)} contrast against the ${scheme} background (${worst.token} ${tokens[scheme][worst.token]}); links need at least ${AA_TEXT_CONTRAST}:1`,
      );
      continue;
    }
    const best = ON_ACCENT_CANDIDATES.map((token) => ({ token, value: tokens[scheme][token]!, ratio: contrastRatio(parsed.color, color(token)) })).sort((a, b) => b.ratio - a.ratio)[0]!;
    if (best.ratio < AA_TEXT_CONTRAST) {
      problems.push(`trustCenter(): option ${option}: ${accent[scheme]} leaves button text at most ${formatRatio(best.ratio)} contrast; choose a darker or lighter accent (at least ${AA_TEXT_CONTRAST}:1)`);
      continue;
    }
    resolved[scheme] = { accent: accent[scheme], onAccent: best.value };
  }
  return { problems, resolved };
}

/**
 * The stylesheet that puts a brand accent over the theme's (virtual:trust-center/brand.css). It
 * is bundled into the site's CSS files like any other, since the pages' policy allows no inline
 * styles. Unlayered, so it wins over the tokens in theme.css whatever the order of the files.
 */
export function brandCss(accent: ResolvedAccent | undefined): string {
  if (!accent) return '';
  const tokens = (scheme: Scheme) => `:root{--tc-accent:${accent[scheme].accent};--tc-on-accent:${accent[scheme].onAccent}}`;
  return `${tokens('light')}\n@media screen and (prefers-color-scheme: dark){${tokens('dark')}}\n`;
}

/**
 * Reads a brand SVG file (logo or favicon) given relative to the project root, or says in one
 * line what is wrong with it. Scripts and event handlers are refused: the file is served from the
 * site's own origin, where a script in it would run with the site's rights when opened directly.
 */
export function readBrandSvg(option: string, file: string, root: string): string {
  const where = path.resolve(root, file);
  if (!existsSync(where)) throw new Error(`trustCenter(): option ${option}: ${file} does not exist (looked for ${where})`);
  if (!/\.svg$/i.test(where)) throw new Error(`trustCenter(): option ${option}: ${file} is not an SVG file (give a .svg file)`);
  const svg = readFileSync(where, 'utf8');
  if (!/<svg[\s>]/i.test(svg)) throw new Error(`trustCenter(): option ${option}: ${file} holds no <svg> element`);
  if (/<script[\s>]|\son[a-z]+\s*=|javascript:/i.test(svg)) throw new Error(`trustCenter(): option ${option}: ${file} contains a script or an event handler; remove it (the file is served from the site's own origin)`);
  return svg;
}

/** The favicon a site gets when it gives none: a shield in the light accent, readable on light and dark browser tabs. */
export function defaultFavicon(tokens: ThemeTokens = themeTokens(), accent?: ResolvedAccent): string {
  const fill = accent?.light.accent ?? tokens.light['--tc-accent'];
  const toHex = (value: string | undefined) => {
    const parsed = value === undefined ? undefined : parseCssColor(value);
    return parsed?.ok ? (parsed.color as Color).to('srgb').toString({ format: 'hex' }) : '#1d4ed8';
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="${toHex(fill)}" d="M16 2 4 6.5v8.6c0 7.4 5.1 13.2 12 14.9 6.9-1.7 12-7.5 12-14.9V6.5z"/><path fill="#fff" d="m14.2 21.3-5-5 2.1-2.1 2.9 2.9 6.5-6.5 2.1 2.1z"/></svg>\n`;
}
