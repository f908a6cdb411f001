import path from 'node:path';
import { error, type Finding } from '../rules/finding.ts';

/**
 * The content folder: `content/` at the project root, or the CONTENT_DIR environment variable
 * (used by tests and the benchmark to build another trust center without touching this one).
 */
export function resolveContentDir(root: string = process.cwd(), env = process.env): string {
  return path.resolve(root, env.CONTENT_DIR ?? 'content');
}

/**
 * CONTENT_DIR set to an empty string (often an unset shell variable, `CONTENT_DIR=$DIR`) would
 * otherwise resolve to the project root; it is refused rather than read as "use content/".
 */
export function contentDirSettingProblem(env = process.env): Finding | undefined {
  if (env.CONTENT_DIR !== '') return undefined;
  return error('CONTENT_DIR', '(setting)', 'is set but empty; unset it to build content/, or set it to the content folder', 'content-dir');
}

/** A path as an author sees it in messages: relative to the project root when inside it. */
export function displayPath(file: string, root: string = process.cwd()): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
