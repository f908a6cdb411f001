import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The font packages screenshots are drawn with: the ones the PDFs ship (lib/pdf/fonts.ts). */
const PACKAGES = ['noto-sans', 'noto-sans-mono', 'noto-sans-symbols-2', 'noto-sans-arabic', 'noto-sans-hebrew'];

/**
 * A WOFF 1.0 file as the plain TrueType/OpenType file it wraps: each table inflated (or copied when
 * stored as is) into an sfnt with the same table directory. Chromium's font back end reads system
 * fonts as sfnt only, and @fontsource ships WOFF.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    header.writeUInt32BE(table.tag, 12 + i * 16);
    header.writeUInt32BE(table.checksum, 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(table.data.length, 24 + i * 16);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/**
 * A fontconfig file that offers Chromium the project's own fonts and none of the machine's, so a
 * screenshot is drawn with the same glyphs on every machine (a CI machine has other system fonts
 * than a developer's; an emoji no shipped font has is the same empty box everywhere). Every generic
 * family (`sans-serif`, `system-ui`, …) resolves to Noto Sans. Returns the environment for
 * `launchOptions.env`.
 */
export function fixedFontsEnv(): Record<string, string> {
  const dir = path.join(tmpdir(), 'trust-center-fixed-fonts');
  const fontsDir = path.join(dir, 'fonts');
  mkdirSync(fontsDir, { recursive: true });
  for (const pkg of PACKAGES) {
    const files = path.join(path.dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files');
    for (const name of readdirSync(files).filter((file) => file.endsWith('.woff'))) {
      const target = path.join(fontsDir, name.replace(/\.woff$/, '.ttf'));
      if (!existsSync(target)) writeFileSync(target, woffToSfnt(readFileSync(path.join(files, name))));
    }
  }
  const alias = (family: string, to: string) => `  <alias binding="same"><family>${family}</family><prefer><family>${to}</family></prefer></alias>`;
  const config = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <dir>${fontsDir}</dir>`,
    `  <cachedir>${path.join(dir, 'cache')}</cachedir>`,
    ...['sans-serif', 'serif', 'system-ui', 'ui-sans-serif'].map((family) => alias(family, 'Noto Sans')),
    ...['monospace', 'ui-monospace'].map((family) => alias(family, 'Noto Sans Mono')),
    '</fontconfig>',
    '',
  ].join('\n');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(file, config);
  return { ...(process.env as Record<string, string>), FONTCONFIG_FILE: file };
}
