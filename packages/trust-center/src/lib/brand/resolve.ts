import { existsSync } from 'node:fs';
import path from 'node:path';
import { brandCss, checkAccent, defaultFavicon, readBrandSvg, type Accent } from './brand.ts';

/** The `brand` option as the options schema gives it. */
export interface BrandOptions {
  logo?: string | undefined;
  accent?: Accent | undefined;
  favicon?: string | undefined;
}

/** The site paths the brand files are served at. */
export const LOGO_PATH = '/logo.svg';
export const FAVICON_PATH = '/favicon.svg';

/** What the build makes of the `brand` option. */
export interface ResolvedBrand {
  /** The stylesheet with the accent (empty without one): virtual:trust-center/brand.css. */
  css: string;
  /** Whether pages show a logo (at LOGO_PATH). */
  hasLogo: boolean;
  /** The SVG the engine serves at LOGO_PATH; absent when the site's public/ folder already holds that very file. */
  logo?: string;
  /** The SVG the engine serves at FAVICON_PATH; absent when the site's public/favicon.svg is the favicon. */
  favicon?: string;
}

/**
 * Checks the brand files and colours when the build (or the dev server) starts, and decides what
 * the engine serves. Precedence for the favicon: the option, then the site's public/favicon.svg,
 * then a plain shield in the accent. A brand file must not collide with a different public/ file
 * at the same address. Throws one line per problem, each naming the option.
 */
export function resolveBrand(brand: BrandOptions | undefined, root: string, publicDir: string): ResolvedBrand {
  let css = '';
  let accent;
  if (brand?.accent) {
    const checked = checkAccent(brand.accent);
    if (checked.problems.length > 0) throw new Error(checked.problems.join('\n'));
    accent = checked.resolved;
    css = brandCss(accent);
  }
  const served = (option: string, file: string | undefined, sitePath: string): { text?: string; fromPublic: boolean } => {
    const inPublic = path.join(publicDir, sitePath);
    if (file === undefined) return { fromPublic: existsSync(inPublic) };
    const text = readBrandSvg(option, file, root);
    if (path.resolve(root, file) === inPublic) return { fromPublic: true };
    if (existsSync(inPublic)) throw new Error(`trustCenter(): option ${option}: the site also has ${path.relative(root, inPublic)}, served at the same address ${sitePath}; remove one of the two`);
    return { text, fromPublic: false };
  };
  const logo = served('brand.logo', brand?.logo, LOGO_PATH);
  const favicon = served('brand.favicon', brand?.favicon, FAVICON_PATH);
  return {
    css,
    hasLogo: brand?.logo !== undefined,
    ...(logo.text === undefined ? {} : { logo: logo.text }),
    ...(favicon.fromPublic ? {} : { favicon: favicon.text ?? defaultFavicon(undefined, accent) }),
  };
}
