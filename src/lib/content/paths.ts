import path from 'node:path';

/**
 * The content folder: `content/` at the project root, or the CONTENT_DIR environment variable
 * (used by tests and the benchmark to build another trust center without touching this one).
 */
export function resolveContentDir(root: string = process.cwd(), env = process.env): string {
  return path.resolve(root, env.CONTENT_DIR ?? 'content');
}

/** A path as an author sees it in messages: relative to the project root when inside it. */
export function displayPath(file: string, root: string = process.cwd()): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
