import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPdf, pageTexts } from '../../src/lib/pdf/inspect.ts';
import { writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

// Single lowercase words, so they survive every output format unchanged.
const FIRST = 'zqxfirsttext';
const EDITED = 'zqxeditedtext';
// A section of the small valid fixture: what is proven is which folder is read, not how much is in it.
const SECTION = 'whitepaper/overview.mdx';

/** What a reader of the built site sees: the whitepaper page and the whitepaper PDF's text. */
async function published(dist: string): Promise<{ page: string; pdf: string }> {
  const page = readFileSync(path.join(dist, 'whitepaper/index.html'), 'utf8');
  const pdf = (await pageTexts(await openPdf(new Uint8Array(readFileSync(path.join(dist, 'documents/whitepaper.pdf')))))).join('\n');
  return { page, pdf };
}

describe('a build reads only its own content folder', () => {
  const project = copyProject();
  const dist = path.join(project, 'dist');
  const folder = (name: string) => path.join(project, name);
  afterAll(() => removeProject(project));
  const build = async (contentDir: string) => {
    const result = await buildProject(project, { CONTENT_DIR: contentDir, BUILD_DATE: '2026-11-27' });
    if (result.failed) throw new Error(`the build of ${contentDir}/ failed:\n${result.output}`);
  };

  // Two builds prove both ways a shared cache shows: B is a copy of A made before A was edited, and
  // A is moved away before B is built. A cache shared with A's build would publish A's edited text
  // (its stored entries match B's files byte for byte and name A's paths) or fail on A's missing files.
  it('builds folder A, then a copy B, with B showing only its own text after A was edited and moved away', async () => {
    writeFixture({}, folder('a'));
    writeFileSync(path.join(folder('a'), SECTION), `${readFileSync(path.join(folder('a'), SECTION), 'utf8')}\nThe ${FIRST} marker.\n`);
    await build('a');
    expect((await published(dist)).page).toContain(FIRST);

    cpSync(folder('a'), folder('b'), { recursive: true });
    const edited = path.join(folder('a'), SECTION);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(FIRST, EDITED));
    renameSync(folder('a'), folder('a-moved'));
    await build('b');

    const { page, pdf } = await published(dist);
    expect(page).toContain(FIRST);
    expect(pdf).toContain(FIRST);
    expect(`${page}\n${pdf}`).not.toContain(EDITED);
  }, 400_000);
});
