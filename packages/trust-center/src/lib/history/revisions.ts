import { parse as parseYaml } from 'yaml';

/**
 * The revisions of what the trust center states, from the history of the content folder: each
 * whitepaper section, FAQ answer, control and certification, compared between consecutive
 * commits. Pure: the commits come from git-history.ts, already read.
 */

/** One commit that touched the content folder, with the content files it changed. */
export interface ContentCommit {
  /** The full commit id. */
  commit: string;
  /** The commit date (when the change landed). */
  date: Date;
  /** Changed files, relative to the content folder: their text after the commit, or null when deleted. */
  files: Map<string, string | null>;
}

/** The kinds of item whose revisions come from the history. */
export type RevisedKind = 'whitepaper' | 'faq' | 'control' | 'certification';

/** One item as one version of the content states it. */
export interface StatedItem {
  kind: RevisedKind;
  /** The item's id: section anchor, question id, control id, certification id. */
  id: string;
  /** Its heading: section title, question, control title, framework. */
  title: string;
  /** The text a reader compares: title and body, the control's statement, the certification's status. */
  text: string;
}

/** One change to one item between two consecutive versions. */
export interface Revision {
  kind: RevisedKind;
  id: string;
  /** The item's title after the change (before it, for a removal). */
  title: string;
  action: 'added' | 'edited' | 'removed';
  date: Date;
  commit: string;
  /** The text before the change ('' when added). */
  before: string;
  /** The text after the change ('' when removed). */
  after: string;
}

/** What the history says. */
export interface ContentHistory {
  /** 'complete': the whole history; 'shallow': a shallow clone, the oldest commit is not the first; 'none': no history (not a repository, git missing, or no commit holds the content). */
  status: 'complete' | 'shallow' | 'none';
  /** The date of the oldest commit read: the content as of then is the baseline, not a change. */
  since?: Date;
  /** Every revision after the baseline, newest first. */
  revisions: Revision[];
  /** When each item (by `kind/id`) last changed after the baseline. */
  lastChanged: Map<string, Date>;
}

/** Words the certification text is written with (status names, field labels). */
export interface RevisionWords {
  status: (status: string) => string;
  statusLabel: string;
  since: string;
  validUntil: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;
const PROSE = /^(whitepaper|faq)\/([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;
const CERTIFICATION = /^certifications\/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml$/;

/** Whether a content file's history matters here (the reader asks git only for these). */
export function isRevisedFile(file: string): boolean {
  return PROSE.test(file) || CERTIFICATION.test(file) || file === 'controls.yaml';
}

const record = (value: unknown): Record<string, unknown> | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : undefined);

/**
 * The items one version of one file states. An old version that does not parse, or lacks a field,
 * states nothing (history holds mistakes the content check caught at the time); drafts state nothing.
 */
export function itemsOfFile(file: string, source: string, words: RevisionWords): StatedItem[] {
  try {
    const prose = PROSE.exec(file);
    if (prose) {
      const match = FRONT_MATTER.exec(source);
      const data = record(match && parseYaml(match[1] ?? ''));
      if (!match || !data || data.draft === true) return [];
      const kind = prose[1] === 'whitepaper' ? 'whitepaper' : 'faq';
      const title = text(kind === 'whitepaper' ? data.title : data.question);
      if (title === undefined) return [];
      const heading = kind === 'whitepaper' && text(data.number) !== undefined ? `${text(data.number)} ${title}` : title;
      return [{ kind, id: prose[2]!, title, text: `${heading}\n\n${(match[2] ?? '').trim()}` }];
    }
    const certification = CERTIFICATION.exec(file);
    if (certification) {
      const data = record(parseYaml(source));
      const framework = text(data?.framework);
      const status = text(data?.status);
      if (!data || framework === undefined || status === undefined) return [];
      const lines = [`${words.statusLabel}: ${words.status(status)}`];
      if (text(data.since)) lines.push(`${words.since}: ${text(data.since)}`);
      if (text(data.validUntil)) lines.push(`${words.validUntil}: ${text(data.validUntil)}`);
      if (text(data.statement)) lines.push(text(data.statement)!);
      return [{ kind: 'certification', id: certification[1]!, title: framework, text: lines.join('\n') }];
    }
    if (file === 'controls.yaml') {
      const list: unknown = parseYaml(source);
      if (!Array.isArray(list)) return [];
      return list.flatMap((item) => {
        const data = record(item);
        const id = text(data?.id);
        const title = text(data?.title);
        const statement = text(data?.statement);
        return data && id && title && statement ? [{ kind: 'control' as const, id, title, text: `${title}\n\n${statement}` }] : [];
      });
    }
  } catch {
    return [];
  }
  return [];
}

/**
 * Replays the commits, oldest first: the first commit is the baseline; after it, each item whose
 * text differs from the previous version yields a revision. A section renamed from `.md` to `.mdx`
 * in one commit is one item (its id is the file name without the extension), unchanged.
 */
export function replayHistory(commits: readonly ContentCommit[], status: 'complete' | 'shallow', words: RevisionWords, isChanged: (before: string, after: string) => boolean): ContentHistory {
  const ordered = [...commits].sort((a, b) => a.date.getTime() - b.date.getTime());
  if (ordered.length === 0) return { status: 'none', revisions: [], lastChanged: new Map() };
  const current = new Map<string, StatedItem>();
  const owner = new Map<string, string>();
  const revisions: Revision[] = [];
  const lastChanged = new Map<string, Date>();
  ordered.forEach((commit, index) => {
    const before = new Map<string, StatedItem | undefined>();
    const touched = [...commit.files.keys()].filter(isRevisedFile);
    // First take away every item a changed file stated, then add what the files state now.
    for (const file of touched) {
      for (const [key, from] of owner) {
        if (from !== file) continue;
        if (!before.has(key)) before.set(key, current.get(key));
        current.delete(key);
        owner.delete(key);
      }
    }
    for (const file of touched) {
      const source = commit.files.get(file);
      if (source == null) continue;
      for (const item of itemsOfFile(file, source, words)) {
        const key = `${item.kind}/${item.id}`;
        if (!before.has(key)) before.set(key, current.get(key));
        current.set(key, item);
        owner.set(key, file);
      }
    }
    if (index === 0) return;
    for (const [key, old] of before) {
      const now = current.get(key);
      if (!old && !now) continue;
      if (old && now && !isChanged(old.text, now.text)) continue;
      const item = (now ?? old)!;
      revisions.push({
        kind: item.kind,
        id: item.id,
        title: item.title,
        action: !old ? 'added' : !now ? 'removed' : 'edited',
        date: commit.date,
        commit: commit.commit,
        before: old?.text ?? '',
        after: now?.text ?? '',
      });
      lastChanged.set(key, commit.date);
    }
  });
  revisions.sort((a, b) => b.date.getTime() - a.date.getTime() || `${a.kind}/${a.id}`.localeCompare(`${b.kind}/${b.id}`));
  return { status, since: ordered[0]!.date, revisions, lastChanged };
}
