import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentErrorPage } from '../../src/lib/content/error-page.ts';
import { folderStamp, isInside, isSiteRequest, LiveCheck } from '../../src/lib/content/live-check.ts';
import type { Validation } from '../../src/lib/content/validate.ts';

describe('the dev server’s live content check', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reruns the check when the folder changed, even before the watcher says so, and reports only changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'live-check-'));
    folders.push(dir);
    writeFileSync(path.join(dir, 'a.yaml'), 'ok');
    let result: Validation = { errors: [], warnings: [] };
    let checks = 0;
    const reports: [string[], string[] | undefined][] = [];
    const live = new LiveCheck(
      () => (checks++, result),
      (now, before) => reports.push([now.errors, before?.errors]),
      () => folderStamp(dir),
    );
    expect(live.current().errors).toEqual([]);
    expect(live.current().errors).toEqual([]);
    expect(checks).toBe(1);

    result = { errors: ['a.yaml: x: broken (rule)'], warnings: [] };
    writeFileSync(path.join(dir, 'a.yaml'), 'broken!');
    expect(live.current().errors).toEqual(['a.yaml: x: broken (rule)']);
    expect(reports).toEqual([[[], undefined], [['a.yaml: x: broken (rule)'], []]]);

    result = { errors: [], warnings: [] };
    live.changed();
    expect(live.current().errors).toEqual([]);
    live.stop();
    expect(checks).toBe(3);
  });

  it('tells the site’s addresses from the dev server’s own modules', () => {
    for (const url of ['/', '/subprocessors/', '/subprocessors.json', '/subprocessors/changes/feed.xml', '/documents/whitepaper.pdf', '/faq/?q=1']) {
      expect(isSiteRequest(url), url).toBe(true);
    }
    for (const url of ['/@vite/client', '/@fs/x/y.ts', '/node_modules/.vite/deps/a.js', '/src/styles/site.css', '/_astro/a.css', '/x.json?import', '/__x']) {
      expect(isSiteRequest(url), url).toBe(false);
    }
  });

  it('knows what lies inside the content folder', () => {
    expect(isInside('/site/content', '/site/content/faq/a.mdx')).toBe(true);
    expect(isInside('/site/content', '/site/content')).toBe(true);
    expect(isInside('/site/content', '/site/content-old/a.mdx')).toBe(false);
    expect(isInside('/site/content', '/site/src/a.ts')).toBe(false);
  });

  it('shows each finding’s line, and its hint unindented so it can be copied', () => {
    const html = contentErrorPage(['a.yaml: (file): <no> event (rule)\n    ---\n    type: added'], [], '2026-11-27');
    expect(html).toContain('<h1>The content has 1 error</h1>');
    expect(html).toContain('<code>a.yaml: (file): &lt;no&gt; event (rule)</code><pre>---\ntype: added</pre>');
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
  });
});
