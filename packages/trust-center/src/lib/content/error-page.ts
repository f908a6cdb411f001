import { escapeHtml } from '../html.ts';
import { HINT_INDENT } from '../rules/finding.ts';

/**
 * The page the dev server answers with (status 500) while the content has errors: every finding
 * as its one line, with its hint under it unindented so a suggested file can be copied as it is.
 * It loads Vite's client, so the page reloads itself once the files are fixed.
 * (A tool page for whoever edits the content, never built or published, so its words live here
 * rather than in the site's translations.)
 */
export function contentErrorPage(errors: string[], warnings: string[], checkedAsOf: string): string {
  const item = (entry: string) => {
    const [line = '', ...hint] = entry.split('\n');
    const hintText = hint.map((text) => (text.startsWith(HINT_INDENT) ? text.slice(HINT_INDENT.length) : text)).join('\n');
    return `<li><code>${escapeHtml(line)}</code>${hint.length > 0 ? `<pre>${escapeHtml(hintText)}</pre>` : ''}</li>`;
  };
  const warningList = warnings.length > 0 ? `<h2>Warnings</h2><ul>${warnings.map(item).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content errors</title>
<script type="module" src="/@vite/client"></script>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { color: #b00020; font-size: 1.5rem; }
li { margin-block: 0.75rem; }
code, pre { font: 14px/1.45 ui-monospace, monospace; }
pre { background: #f4f4f4; padding: 0.75rem; overflow-x: auto; }
@media (prefers-color-scheme: dark) { body { background: #121212; color: #eee; } h1 { color: #ff8a80; } pre { background: #222; } }
</style>
</head>
<body>
<h1>The content has ${errors.length} error${errors.length === 1 ? '' : 's'}</h1>
<p>Checked as of ${escapeHtml(checkedAsOf)}. Fix the files below; this page reloads when they are valid. The same lines are in the terminal, and <code>npm run check:content</code> prints them too.</p>
<ul>${errors.map(item).join('')}</ul>
${warningList}
</body>
</html>
`;
}
