import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { PDF_FONTS } from './fonts.ts';

// Kept apart from fonts.ts, which the print layout imports: this module reads files and is used
// by the build only.

const require = createRequire(import.meta.url);

/** The font files of one shipped package: every subset, regular weight (all weights share coverage). */
function fontFiles(pkg: string): string[] {
  const dir = path.join(path.dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files');
  // WOFF (zlib) rather than WOFF2: the same fonts, read in a fraction of the time without Brotli.
  return readdirSync(dir)
    .filter((name) => name.endsWith('-400-normal.woff'))
    .map((name) => path.join(dir, name));
}

/**
 * Every code point the shipped PDF fonts can draw, read from the fonts' own character maps with
 * fontkit (not from the CSS unicode-range, which names ranges a subset serves, not glyphs it has).
 */
export function pdfFontCoverage(fonts: readonly { package: string }[] = PDF_FONTS): Set<number> {
  const covered = new Set<number>();
  for (const { package: pkg } of fonts) {
    const files = fontFiles(pkg);
    if (files.length === 0) throw new Error(`@fontsource/${pkg} has no font files: reinstall the dependencies`);
    for (const file of files) {
      for (const code of (create(readFileSync(file)) as Font).characterSet) covered.add(code);
    }
  }
  return covered;
}
