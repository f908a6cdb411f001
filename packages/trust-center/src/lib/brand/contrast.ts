import Color from 'colorjs.io';

/** The contrast WCAG 2 asks of normal text (success criterion 1.4.3, level AA). */
export const AA_TEXT_CONTRAST = 4.5;

/**
 * Reads a CSS colour (any syntax a browser accepts: `#0b57d0`, `rgb()`, `hsl()`, `oklch()`, a
 * named colour) into sRGB as a browser shows it, or says in a few words why it cannot be used.
 * A colour with transparency is refused: its contrast would depend on what shows through.
 */
export function parseCssColor(value: string): { ok: true; color: Color } | { ok: false; reason: string } {
  let color: Color;
  try {
    color = new Color(value.trim());
  } catch {
    return { ok: false, reason: `"${value}" is not a CSS colour` };
  }
  if (color.alpha.valueOf() < 1) return { ok: false, reason: `"${value}" is partly transparent; give an opaque colour` };
  // Colours outside sRGB (a vivid oklch, display-p3) are shown clipped to it on most screens.
  return { ok: true, color: color.to('srgb').toGamut({ space: 'srgb', method: 'clip' }) };
}

/** The WCAG 2 contrast ratio of two opaque colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: Color, b: Color): number {
  return a.contrast(b, 'WCAG21');
}

/** A ratio as people write it: 4.47:1 (rounded down, so a shown 4.50:1 never hides a 4.499). */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
