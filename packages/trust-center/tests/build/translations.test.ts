import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nb } from '../../src/i18n/nb.ts';
import { readContent } from '../../src/lib/content/read.ts';
import { sourceHash } from '../../src/lib/translations/fields.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

const BUILD_DATE = '2026-11-27';

/**
 * A site translated into Norwegian (the awkward fixture with one whitepaper section translated),
 * built for real: an English section changed after its translation gives a build warning and a dated
 * notice on the Norwegian page, linking to the English; a section without a translation is shown in
 * English, marked so, with a notice; a number changed in a translation stops the build with one line
 * naming both files, and the built site stays as it was.
 */
describe('a translated site keeps its translations true to the source', () => {
  const project = copyProject();
  const content = path.join(project, 'content');
  const translation = path.join(content, 'nb/whitepaper/chiffrement.mdx');
  const english = path.join(content, 'whitepaper/chiffrement.mdx');
  const body = 'Dataene krypteres ved lagring (AES-256-GCM) og under overføring (TLS 1.3). Nøklene roteres automatisk; tilgang til nøklene logges.\n\nZażółć gęślą jaźń: szyfrowanie obejmuje również kopie zapasowe przechowywane w Łodzi.\n';
  const translationFile = (translates: string, text = body) =>
    `---\ntranslates: ${translates}\ntitle: Kryptering av data\nsummary: Hvordan dataene krypteres.\nkeywords:\n  - kryptering\n---\n\n${text}`;
  let first: { failed: boolean; output: string };
  afterAll(() => removeProject(project));

  beforeAll(async () => {
    writeFileSync(path.join(project, 'astro.config.mjs'), readFileSync(path.join(project, 'astro.config.mjs'), 'utf8').replace('trustCenter({', "trustCenter({\n      translations: ['nb'],"));
    writeFileSync(path.join(content, 'company.yaml'), readFileSync(path.join(content, 'company.yaml'), 'utf8').replace(/^languages:\n/m, 'languages:\n  - nb\n'));
    // The translation records the English version it translates, as `trust-center translations --stamp` would.
    const source = readContent(content, project).content!.whitepaper.find((entry) => entry.id === 'chiffrement')!;
    mkdirSync(path.dirname(translation), { recursive: true });
    writeFileSync(translation, translationFile(sourceHash('whitepaper', source.data, source.body)));
    // Then the English changes (a sentence is added) and the translation does not.
    writeFileSync(english, `${readFileSync(english, 'utf8').trimEnd()}\n\nLes sauvegardes sont chiffrées elles aussi.\n`);
    first = await buildProject(project, { BUILD_DATE });
  }, 300_000);

  it('builds, and warns that the translation translates an older version of its source', () => {
    expect(first.failed, first.output).toBe(false);
    expect(first.output).toMatch(/content\/nb\/whitepaper\/chiffrement\.mdx: translates: content\/whitepaper\/chiffrement\.mdx changed after this translation \(it translates version [0-9a-f]{12}, the source is now [0-9a-f]{12}\).*\(translation-outdated\)/);
  });

  it('shows the Norwegian section with a dated notice linking to the English, and an untranslated section in English with its notice', () => {
    const page = readFileSync(path.join(project, 'dist/nb/whitepaper/index.html'), 'utf8');
    expect(page).toContain('<html lang="nb"');
    expect(page).toContain('Kryptering av data');
    expect(page).toContain('Dataene krypteres ved lagring');
    const notice = nb.translation.outdated('27. november 2026');
    expect(page).toContain(notice);
    expect(page).toMatch(new RegExp(`${notice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*<a href="/whitepaper/#chiffrement" hreflang="en">${nb.translation.readOriginal}</a>`));
    // Another section has no translation: its English (here French) text, marked with the source's language, and the notice.
    expect(page).toContain(nb.translation.missing);
    expect(page).toMatch(/<h[23] id="einleitung" lang="en"/);
  });

  it('refuses a translation that changes a number, in one line naming both files, and leaves dist/ as it was', async () => {
    const before = readFileSync(path.join(project, 'dist/nb/whitepaper/index.html'), 'utf8');
    const translates = /translates: (\w+)/.exec(readFileSync(translation, 'utf8'))![1]!;
    writeFileSync(translation, translationFile(translates, body.replace('TLS 1.3', 'TLS 1.2')));
    const second = await buildProject(project, { BUILD_DATE });
    expect(second.failed).toBe(true);
    const lines = second.output.split('\n').filter((line) => line.includes('(translation-facts)'));
    expect(lines).toEqual([
      'content/nb/whitepaper/chiffrement.mdx: body: "TLS 1.2" where content/whitepaper/chiffrement.mdx says "TLS 1.3" (translation-facts)',
    ]);
    expect(readFileSync(path.join(project, 'dist/nb/whitepaper/index.html'), 'utf8')).toBe(before);
    expect(existsSync(path.join(project, 'dist/nb/documents/whitepaper.pdf'))).toBe(true);
  }, 300_000);
});
