import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The engine's stylesheet, as Vite names it (Node and Vite both resolve the package's real path). */
const STYLESHEET = fileURLToPath(new URL('./styles/global.css', import.meta.url));
/** The line in the stylesheet this plugin replaces with the site's own folders. */
export const SITE_SOURCES_MARK = '/* site sources: added at build time by src/tailwind-sources.ts */';

/**
 * Tells Tailwind where the class names are: the engine's stylesheet turns automatic detection off
 * (`source(none)`), names the engine's own folders itself, and gets the site's `src/` and each
 * component override's file here, as paths relative to the stylesheet. Automatic detection scanned
 * whatever the project root held: in a folder without git (a copy, a benchmark, a new site) it
 * followed the packages in node_modules, 62,768 files and 6 s a build, and put class names found
 * there into the site's CSS; in this repository it read the engine's tests and the starter too.
 */
export function tailwindSources(root: string, overrides: readonly string[]): Plugin {
  const folder = path.dirname(STYLESHEET);
  const sources = [path.join(root, 'src'), ...overrides.map((file) => path.resolve(root, file))].filter((source) => existsSync(source));
  const lines = sources.map((source) => `@source ${JSON.stringify(path.relative(folder, source).split(path.sep).join('/'))};`).join('\n');
  return {
    name: 'astro-trust-center:tailwind-sources',
    // Before Tailwind's own plugin, which compiles the code it is given.
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== STYLESHEET) return;
      if (!code.includes(SITE_SOURCES_MARK)) throw new Error(`${STYLESHEET} lost its site-sources line; the site's classes would generate no CSS`);
      return { code: code.replace(SITE_SOURCES_MARK, lines), map: null };
    },
  };
}
