import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The built site under test: dist/, or DIST_DIR when the suite runs against another build (the awkward fixture's). */
export const distDir = path.resolve(process.env.DIST_DIR ?? 'dist');

/** Every file under dist/, as paths relative to it with forward slashes. */
export function distFiles(dir = distDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? distFiles(full) : [path.relative(distDir, full).split(path.sep).join('/')];
  });
}

export function readDist(file: string): string {
  return readFileSync(path.join(distDir, file), 'utf8');
}

/** The file a site path is served from: `/a/` → `a/index.html`, `/a.csv` → `a.csv`. */
export function fileForPath(pathname: string): string {
  const clean = decodeURIComponent(pathname).replace(/^\//, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}
