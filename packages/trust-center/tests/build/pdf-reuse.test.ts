import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

const PDFS = ['whitepaper', 'faq', 'subprocessors', 'security-pack'];
// A fixed date in the PDFs' metadata, so a reused PDF and a printed one can be compared byte for byte.
const ENV = { CONTENT_DIR: 'site', BUILD_DATE: '2026-11-27', SOURCE_DATE_EPOCH: '1798675200' };

/** What each PDF's log line says about how it was made: printed (with its renderings) or reused. */
function howMade(output: string): Record<string, string> {
  const made: Record<string, string> = {};
  for (const [, name, how] of output.matchAll(/\[pdf-documents\] documents\/([\w-]+)\.pdf: [^\n]*?, [\d.]+ s, (reused|\d+ renderings?)/g)) made[name!] = how!.startsWith('reused') ? 'reused' : 'printed';
  return made;
}

/** How many renderings each printed PDF took, from its log line. */
function renderings(output: string): Record<string, number> {
  return Object.fromEntries([...output.matchAll(/\[pdf-documents\] documents\/([\w-]+)\.pdf: [^\n]*?, [\d.]+ s, (\d+) renderings?/g)].map(([, name, count]) => [name!, Number(count)]));
}

/** The PNG files under `dir`, relative to it. */
function pngFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.png')).sort();
}

describe('PDFs are printed once and reused while nothing they show changes', () => {
  const project = copyProject();
  // A cache of this test's own, empty at first, so the first build has to print everything.
  const env = { ...ENV, TRUST_CENTER_PDF_CACHE: path.join(project, 'pdf-cache') };
  const hashes = () => Object.fromEntries(PDFS.map((name) => [name, createHash('sha256').update(readFileSync(path.join(project, 'dist/documents', `${name}.pdf`))).digest('hex')]));
  // The social preview images and icons (docs/social-previews.md), which share the PDFs' cache folder.
  const images = () => Object.fromEntries(pngFiles(path.join(project, 'dist')).map((file) => [file, createHash('sha256').update(readFileSync(path.join(project, 'dist', file))).digest('hex')]));
  const builds: { output: string; hashes: Record<string, string>; images: Record<string, string> }[] = [];
  afterAll(() => removeProject(project));

  beforeAll(async () => {
    const contentDir = path.join(project, 'site');
    const changes = [
      {},
      {
        'faq/where.mdx': validFixture['faq/where.mdx']!.replace('In Frankfurt.', 'In Frankfurt, in two data centres.'),
        // The same news item, renamed to .md with the same bytes: the entry Astro stored from the first
        // build still names the .mdx file (lib/content/renamed-files.ts), and no PDF shows news.
        'updates/2026-01-01-hello.mdx': null,
        'updates/2026-01-01-hello.md': validFixture['updates/2026-01-01-hello.mdx']!,
      },
    ];
    for (const change of changes) {
      rmSync(contentDir, { recursive: true, force: true });
      writeFixture(change, contentDir);
      const result = await buildProject(project, env);
      if (result.failed) throw new Error(result.output);
      builds.push({ output: result.output, hashes: hashes(), images: images() });
    }
  }, 300_000);

  it('builds a news item renamed from .mdx to .md on a rebuild, as the same entry', () => {
    expect(builds[1]!.output).toContain("updates/2026-01-01-hello.md was updates/2026-01-01-hello.mdx: the same entry; Astro's stored content is reloaded from the files");
    expect(readFileSync(path.join(project, 'dist/updates/2026-01-01-hello/index.html'), 'utf8')).toContain('<p>The trust center is live.</p>');
  });

  it('prints every PDF on the first build and says so', () => {
    expect(howMade(builds[0]!.output)).toEqual({ whitepaper: 'printed', faq: 'printed', subprocessors: 'printed', 'security-pack': 'printed' });
    expect(builds[0]!.output).toMatch(/4 PDFs in [\d.]+ s \(4 printed, 0 reused from /);
    // With nothing to go on, each (all four have a table of contents) takes a probe and the real rendering.
    expect(renderings(builds[0]!.output)).toEqual({ whitepaper: 2, faq: 2, subprocessors: 2, 'security-pack': 2 });
  });

  it('prints a changed document in one rendering when the page numbers its last print found still hold', () => {
    // The longer answer moves no heading to another page: the numbers kept from the first build are right at once.
    expect(renderings(builds[1]!.output)).toEqual({ faq: 1, 'security-pack': 1 });
  });

  // A rebuild with nothing changed reuses all four: atomic-output.test.ts checks that log line on
  // its rebuilds of unchanged content, which costs no build of its own.
  it('prints again only the PDFs that show a changed FAQ answer, and reuses the others byte for byte', () => {
    // The FAQ and the security pack (which contains the FAQ) show the answer; the other two do not.
    expect(howMade(builds[1]!.output)).toEqual({ whitepaper: 'reused', faq: 'printed', subprocessors: 'reused', 'security-pack': 'printed' });
    expect(builds[1]!.output).toMatch(/4 PDFs in [\d.]+ s \(2 printed, 2 reused from /);
    // Reused bytes are the bytes the first build printed: the metadata (a fixed date) is written on both.
    expect(builds[1]!.hashes.whitepaper).toBe(builds[0]!.hashes.whitepaper);
    expect(builds[1]!.hashes.subprocessors).toBe(builds[0]!.hashes.subprocessors);
    expect(builds[1]!.hashes.faq).not.toBe(builds[0]!.hashes.faq);
    expect(builds[1]!.hashes['security-pack']).not.toBe(builds[0]!.hashes['security-pack']);
  });

  it('renders the social images on the first build, and reuses every one when nothing they show changed', () => {
    const count = Object.keys(builds[0]!.images).length;
    // Among them the icons, the overview's and the FAQ's own images and the news section's shared one.
    expect(Object.keys(builds[0]!.images)).toEqual(expect.arrayContaining(['favicon.png', 'apple-touch-icon.png', 'social/image.png', 'social/faq/image.png', 'social/updates/image.png']));
    // Each drawn once, from the page that names it as it renders (the icons from the favicon): none is
    // left for the step after the build, which would mean a page announced other HTML than it built.
    expect(builds[0]!.output).toMatch(new RegExp(`\\[social-images\\] ${count} social images and icons in [\\d.]+ s: 0 images reused, ${count} drawn as the pages rendered \\(\\d+ of them before this step started\\), 0 drawn after`));
    // The FAQ answer and the renamed news item change no image: no title, no status, no colour.
    expect(builds[1]!.output).toMatch(new RegExp(`\\[social-images\\] ${count} social images and icons in [\\d.]+ s: ${count} images reused, 0 drawn as the pages rendered \\(0 of them before this step started\\), 0 drawn after`));
    expect(builds[1]!.images).toEqual(builds[0]!.images);
  });
});
