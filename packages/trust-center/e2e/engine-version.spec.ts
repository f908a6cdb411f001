import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { getMeta } from 'unpdf';
import { openPdf, pageTexts } from '../src/lib/pdf/inspect.ts';
import { distDir } from './support/dist.ts';

// The output is the company's: the engine's own version (package.json) must appear in no file a
// site publishes, not in a page, feed, export or script, and not in a PDF's text or properties.
const engineVersion = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version;
// The version as a whole token: "0.1.0" but not "10.1.0" or "0.1.0.5".
const asToken = new RegExp(`(?<![\\d.])${engineVersion.replace(/\./g, '\\.')}(?![\\d.])`);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

test(`the engine's version (${engineVersion}) appears in no output file`, async () => {
  const all = files(distDir);
  expect(all.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const file of all) {
    const relative = path.relative(distDir, file);
    if (file.endsWith('.pdf')) {
      const bytes = new Uint8Array(readFileSync(file));
      const { info } = await getMeta(bytes.slice());
      const texts = await pageTexts(await openPdf(bytes.slice()));
      if (asToken.test(JSON.stringify(info)) || texts.some((text) => asToken.test(text))) found.push(relative);
    } else if (!/\.(woff2?|png|jpe?g|webp|pf_fragment|pf_index|pf_meta|pagefind|wasm)$/.test(file) && asToken.test(readFileSync(file, 'utf8'))) {
      found.push(relative);
    }
  }
  expect(found).toEqual([]);
});
