import { execFileSync } from 'node:child_process';

/** The source a build was made from: the short commit, and whether files differed from it. */
export interface SourceCommit {
  commit: string;
  /** True when tracked or new files differ from the commit, so the commit alone does not identify the source. */
  modified: boolean;
}

/** The short commit of the checkout at `cwd`, or undefined when it is not a git checkout (or git is missing). */
export function sourceCommit(cwd: string = process.cwd()): SourceCommit | undefined {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    return { commit, modified: git('status', '--porcelain').length > 0 };
  } catch {
    return undefined;
  }
}
