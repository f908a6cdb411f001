import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Astro keeps the content it has loaded (its data store, `data-store.json`) in its cache folder and
 * reuses an entry whose file looks unchanged, keeping the path it was first read from. One cache
 * shared by two content folders therefore publishes one folder's text in the other's build, and
 * fails that build once the first folder is gone. Each content folder gets caches of its own,
 * named after a hash of its real path (symlinks resolved), so a build reads only its own folder.
 */
export function contentCacheKey(contentDir: string): string {
  let real = path.resolve(contentDir);
  try {
    real = realpathSync(real);
  } catch {
    // A missing folder keeps its resolved path; the content check then says it is missing.
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 16);
}

/** Astro's cache folder (`cacheDir`) and Vite's (`vite.cacheDir`) for one content folder, as absolute paths ending in `/`. */
export function contentCacheDirs(root: string, contentDir: string): { astro: string; vite: string } {
  const name = `content-${contentCacheKey(contentDir)}/`;
  return {
    astro: path.join(root, 'node_modules/.astro', name),
    vite: path.join(root, 'node_modules/.vite', name),
  };
}
