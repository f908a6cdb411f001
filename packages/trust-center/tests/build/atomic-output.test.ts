import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { validFixture, writeFixture } from '../helpers/fixture-content.ts';
import { buildProject, copyProject, removeProject } from '../helpers/project-copy.ts';

/** Every file under `dir` (relative path) with the SHA-256 of its bytes; folders as entries too, so an added empty folder shows. */
function hashTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    tree[path.relative(dir, full)] = entry.isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return tree;
}

const BUILD_DATE = '2026-11-27';

describe('npm run build replaces dist/ only when every step succeeded', () => {
  const project = copyProject();
  const dist = path.join(project, 'dist');
  const leftovers = () => readdirSync(project).filter((name) => name.startsWith('.dist-'));
  let previous: Record<string, string>;
  afterAll(() => removeProject(project));

  beforeAll(async () => {
    writeFixture({}, path.join(project, 'site'));
    // A file from an older build: a successful build replaces dist/ whole rather than writing over it.
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'stale.html'), 'from an older build');
    const result = await buildProject(project, { CONTENT_DIR: 'site', BUILD_DATE });
    if (result.failed) throw new Error(result.output);
    previous = hashTree(dist);
  }, 300_000);

  it('puts a successful build in place of dist/, with no temporary folder left', async () => {
    expect(existsSync(path.join(dist, 'stale.html'))).toBe(false);
    expect(Object.keys(previous)).toEqual(expect.arrayContaining(['index.html', 'documents/whitepaper.pdf', 'pagefind/pagefind-entry.json']));
    // The replaced dist/ is removed by a process of its own, after the build has returned (scripts/lib/atomic-output.ts).
    await vi.waitFor(() => expect(leftovers()).toEqual([]), { timeout: 10_000, interval: 50 });
  });

  // Each row fails one step of the build, for real where a test can (content, PDFs), otherwise
  // with TRUST_CENTER_FAIL_AT (src/lib/fault-injection.ts); `printed` shows it failed at that step.
  const fakeChromium = path.join(project, 'chromium-that-fails');
  const steps: { step: string; env?: Record<string, string>; changes?: Record<string, string>; setup?: () => void; printed: RegExp }[] = [
    {
      step: 'the content check',
      changes: { 'subprocessors/cloud.yaml': validFixture['subprocessors/cloud.yaml']!.replace(/^purpose: .*\n/m, '') },
      printed: /^site\/subprocessors\/cloud\.yaml: purpose: is required but missing \(schema\)$/m,
    },
    { step: 'rendering', env: { TRUST_CENTER_FAIL_AT: 'render' }, printed: /TRUST_CENTER_FAIL_AT=render: the render step fails on purpose/ },
    {
      step: 'drawing the social images and printing the PDFs (a Chromium that exits at once)',
      setup: () => {
        writeFileSync(fakeChromium, '#!/bin/sh\necho "this Chromium cannot print" >&2\nexit 1\n');
        chmodSync(fakeChromium, 0o755);
      },
      env: { CHROMIUM_PATH: fakeChromium },
      // Printing runs beside the search index, and the social images are drawn by the same Chromium
      // binary: whichever step meets it first stops the build.
      printed: /\[(?:pdf-documents(?:-finished)?|social-images)\][^\n]*astro:build:done/,
    },
    {
      step: 'printing the PDFs (one printed and being finished, the others queued)',
      // The cache off: a reused PDF is not printed, and the step would not fail.
      env: { TRUST_CENTER_FAIL_AT: 'print', TRUST_CENTER_PDF_CACHE: 'off' },
      // The step waits for the PDF being finished and prints no more, then fails: it must not hang.
      printed: /TRUST_CENTER_FAIL_AT=print: the print step fails on purpose/,
    },
    {
      step: 'indexing for search',
      env: { TRUST_CENTER_FAIL_AT: 'search' },
      // The PDFs are being made meanwhile (integrations/pdf-documents.ts); the build stops all the same.
      printed: /TRUST_CENTER_FAIL_AT=search: the search step fails on purpose/,
    },
    { step: 'the output checks', env: { TRUST_CENTER_FAIL_AT: 'checks' }, printed: /TRUST_CENTER_FAIL_AT=checks: the checks step fails on purpose/ },
  ];

  for (const { step, env = {}, changes = {}, setup, printed } of steps) {
    it(`leaves dist/ byte for byte as it was after a failure in ${step}`, async () => {
      rmSync(path.join(project, 'site'), { recursive: true, force: true });
      writeFixture(changes, path.join(project, 'site'));
      setup?.();
      const result = await buildProject(project, { CONTENT_DIR: 'site', BUILD_DATE, ...env });
      expect(result.failed).toBe(true);
      expect(result.output).toMatch(printed);
      expect(result.output).toContain('dist/ was left as it was');
      expect(hashTree(dist)).toEqual(previous);
      expect(leftovers()).toEqual([]);
    }, 300_000);
  }
});
