import { execFileSync } from 'node:child_process';
import { isRevisedFile, type ContentCommit } from './revisions.ts';

/** What the repository holds of the content folder's history, read with three git processes whatever its size. */
export interface GitContentLog {
  /** 'none': not a repository, git missing, or the folder has no commits. */
  status: 'complete' | 'shallow' | 'none';
  /** The commits that touched the whitepaper, FAQ, controls or certifications, oldest first. */
  commits: ContentCommit[];
}

/** Everything git prints is read whole: a long history of a large folder is many megabytes. */
const MAX_BUFFER = 1024 * 1024 * 1024;
const RECORD = '\u001e';

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'ignore'] });
}

/**
 * Reads the history of `contentDir`: one `git log` lists the commits and the files each changed
 * (renames as a deletion and an addition), one `git cat-file --batch` reads every changed file's
 * text at each commit. No process per file or per commit, so 5,000 files cost what 50 do.
 */
export function readContentLog(contentDir: string): GitContentLog {
  let prefix: string;
  let shallow: boolean;
  try {
    const [isShallow, shownPrefix = ''] = git(contentDir, ['rev-parse', '--is-shallow-repository', '--show-prefix']).toString('utf8').split('\n');
    shallow = isShallow === 'true';
    prefix = shownPrefix;
  } catch {
    return { status: 'none', commits: [] };
  }
  let log: string;
  try {
    // %cI: the date the change landed in the history; paths are relative to the repository's top.
    log = git(contentDir, ['-c', 'core.quotePath=false', 'log', '--reverse', '--no-renames', `--format=${RECORD}%H %cI`, '--name-status', '--', '.']).toString('utf8');
  } catch {
    // A repository without any commit yet.
    return { status: 'none', commits: [] };
  }
  const commits: ContentCommit[] = [];
  const wanted: { commit: ContentCommit; file: string; path: string }[] = [];
  for (const record of log.split(RECORD).slice(1)) {
    const [head = '', ...lines] = record.split('\n');
    const [id = '', date = ''] = head.split(' ');
    const commit: ContentCommit = { commit: id, date: new Date(date), files: new Map() };
    for (const line of lines) {
      const [state, path] = line.split('\t');
      if (!state || !path || !path.startsWith(prefix)) continue;
      const file = path.slice(prefix.length);
      if (!isRevisedFile(file)) continue;
      commit.files.set(file, null);
      if (!state.startsWith('D')) wanted.push({ commit, file, path });
    }
    // The first commit always counts: it is the baseline, whatever it holds.
    if (commit.files.size > 0 || commits.length === 0) commits.push(commit);
  }
  if (commits.length === 0) return { status: 'none', commits: [] };
  const texts = catFiles(contentDir, wanted.map((w) => `${w.commit.commit}:${w.path}`));
  wanted.forEach((w, index) => {
    const text = texts[index];
    if (text !== undefined) w.commit.files.set(w.file, text);
  });
  return { status: shallow ? 'shallow' : 'complete', commits };
}

/**
 * The text of each of `objects` (`<commit>:<path>`, or `<commit>:./<path>` relative to `cwd`) in
 * one `git cat-file --batch`, whatever their number; undefined for one git does not have (a path a
 * commit deleted). Throws when git cannot run there.
 */
export function catFiles(cwd: string, objects: readonly string[]): (string | undefined)[] {
  if (objects.length === 0) return [];
  const out = git(cwd, ['cat-file', '--batch'], Buffer.from(objects.map((object) => `${object}\n`).join(''), 'utf8'));
  let offset = 0;
  return objects.map(() => {
    const end = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, end).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith(' missing') || !Number.isFinite(size)) {
      offset = end + 1;
      return undefined;
    }
    const text = out.subarray(end + 1, end + 1 + size).toString('utf8');
    offset = end + 1 + size + 1;
    return text;
  });
}
