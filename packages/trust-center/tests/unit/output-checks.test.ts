import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutput, pageFile, publishedPages, REQUIRED_FILES } from '../../src/lib/output-checks.ts';

const PAGE = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>x</p></body></html>\n';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A finished output with every required file and the given pages. */
function output(pages: Record<string, string> = { 'index.html': PAGE, 'faq/index.html': PAGE, '404.html': PAGE }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'output-checks-'));
  dirs.push(dir);
  const files: Record<string, string> = { ...pages };
  for (const file of REQUIRED_FILES) files[file] = file.endsWith('.pdf') ? '%PDF-1.7\n' : 'x';
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const rendered = ['', 'faq/', '404/', 'print/whitepaper/'];

describe('pageFile', () => {
  it('maps a rendered pathname to the file Astro writes', () => {
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('faq/')).toBe('faq/index.html');
    expect(pageFile('/subprocessors/changes/2/')).toBe('subprocessors/changes/2/index.html');
    expect(pageFile('404/')).toBe('404.html');
    expect(pageFile('robots.txt')).toBe('robots.txt');
  });
  it('leaves the print routes out of the published pages', () => {
    expect(publishedPages(rendered)).toEqual(['', 'faq/', '404/']);
  });
});

describe('checkOutput', () => {
  it('passes a complete output', () => {
    expect(checkOutput(output(), rendered)).toEqual([]);
  });

  it('names print routes left behind', () => {
    const dir = output({ 'index.html': PAGE, 'faq/index.html': PAGE, '404.html': PAGE, 'print/whitepaper/index.html': PAGE });
    expect(checkOutput(dir, rendered)).toEqual(['print/: the print routes are still in the output']);
  });

  it('names a rendered page that is missing', () => {
    const dir = output({ 'index.html': PAGE, '404.html': PAGE });
    expect(checkOutput(dir, rendered)).toEqual(['faq/index.html: the page /faq/ was rendered but is missing']);
  });

  it('names a page with anything after </html> (a stray script), or without doctype or end', () => {
    const dir = output({
      'index.html': `${PAGE}<script type="module" src="/_astro/a.js"></script>\n`,
      'faq/index.html': '<html><body></body></html>',
      '404.html': '<!DOCTYPE html><html><body>',
    });
    expect(checkOutput(dir, rendered)).toEqual([
      '404.html: has no </html>',
      'faq/index.html: does not start with <!DOCTYPE html>',
      'index.html: has content after </html>',
    ]);
  });

  it('checks a long page by its two ends, with the same findings as reading it whole', () => {
    // Pages longer than the bytes read at each end: multi-byte characters across the cut, a
    // non-breaking space after </html> (white space, as a whole read decodes it), and faults
    // whose evidence lies outside the ends (a stray element long enough to push </html> out of the tail).
    const body = '<p>æøå — ✓ </p>'.repeat(400);
    const long = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${body}</body></html>\u00a0\n`;
    const trailing = `<!DOCTYPE html><html><body>${body}</body></html><div>${'x'.repeat(3000)}</div>`;
    const lateDoctype = `${' '.repeat(2000)}<!DOCTYPE html><html><body>${body}</body></HTML>`;
    expect(checkOutput(output({ 'index.html': long, 'faq/index.html': long, '404.html': lateDoctype }), rendered)).toEqual([]);
    expect(checkOutput(output({ 'index.html': trailing, 'faq/index.html': long, '404.html': `<html><body>${body}` }), rendered)).toEqual([
      '404.html: does not start with <!DOCTYPE html>',
      '404.html: has no </html>',
      'index.html: has content after </html>',
    ]);
  });

  it('names a missing or empty required file, and a PDF that is not one', () => {
    const dir = output();
    rmSync(path.join(dir, 'pagefind/pagefind-entry.json'));
    writeFileSync(path.join(dir, 'robots.txt'), '');
    writeFileSync(path.join(dir, 'documents/faq.pdf'), '<!DOCTYPE html>');
    expect(checkOutput(dir, rendered)).toEqual([
      'robots.txt: missing or empty',
      'pagefind/pagefind-entry.json: missing or empty',
      'documents/faq.pdf: is not a PDF',
    ]);
  });

  it('names a missing output folder', () => {
    expect(checkOutput('/nonexistent/output', rendered)).toEqual(['/nonexistent/output: the output folder is missing']);
  });
});
