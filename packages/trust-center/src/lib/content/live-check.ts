import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Validation } from './validate.ts';

/**
 * The content check as the dev server keeps it: rerun whenever a file in the content folder
 * changes, so every request is answered from a check of the files as they are now.
 *
 * A change marks the result stale (the watcher's event) and reruns it shortly after, so a burst of
 * changes (a `git checkout`, a save-all) is checked once and reported at once. A request does not
 * wait for the watcher, whose events arrive some time after the write: it compares the folder's
 * stamp (every file's name, size and modification time) with the one the result was checked
 * against, and reruns the check first when they differ, so no page is served from files the check
 * has not seen.
 */
export class LiveCheck {
  private result: Validation | undefined;
  /** The last result reported, kept while `result` is stale, so a report can say what changed. */
  private last: Validation | undefined;
  private resultStamp = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param check checks the content folder as it is now.
   * @param report is told each new result and the one before it, to print and signal what changed.
   * @param stamp describes the content folder's files as they are now (see folderStamp).
   */
  constructor(
    private readonly check: () => Validation,
    private readonly report: (now: Validation, before: Validation | undefined) => void,
    private readonly stamp: () => string,
  ) {}

  /** The check of the files as they are now (rerun first if a file changed since). */
  current(): Validation {
    if (!this.result || this.stamp() !== this.resultStamp) this.refresh();
    return this.result!;
  }

  /** Called for every watcher event on a content file: the result is stale until rerun. */
  changed(): void {
    this.result = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.current(), 60);
  }

  /** Stops the pending rerun (the server is closing). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private refresh(): void {
    const before = this.last;
    this.resultStamp = this.stamp();
    this.result = this.check();
    this.last = this.result;
    this.report(this.result, before);
  }
}

/**
 * Every entry under `folder` with its size and modification time, one per line: a different stamp
 * means a file was added, removed, renamed or written. Stat calls only, so cheap enough per request.
 */
export function folderStamp(folder: string): string {
  const lines: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      lines.push(`${dir}: unreadable`);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      try {
        const stat = lstatSync(full);
        lines.push(`${full}:${stat.size}:${stat.mtimeMs}:${stat.mode}`);
      } catch {
        lines.push(`${full}: gone`);
      }
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(folder);
  return lines.join('\n');
}

/** Whether a watched path is the content folder or inside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Paths the dev server uses for its own modules and assets, which must load even while the content is invalid. */
const TOOLING_PREFIXES = ['/@', '/__', '/node_modules/', '/_astro/', '/src/'];
const MODULE_EXTENSION = /\.(?:[cm]?js|tsx?|jsx|css|astro|mdx?|map|woff2?|ttf|png|jpe?g|gif|svg|ico|webp|avif|wasm)$/i;

/**
 * Whether a request asks for something the site publishes (a page, a feed, an export, a PDF), which
 * is answered with the error page while the content is invalid, rather than for the dev server's own
 * modules (scripts, styles, fonts), which the error page and Vite's overlay need to load.
 */
export function isSiteRequest(url: string): boolean {
  const [pathname = '/', query = ''] = url.split('?', 2);
  if (TOOLING_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return false;
  if (/(?:^|&)(?:import|raw|url|inline|direct|worker|sharedworker|html-proxy)(?:&|=|$)/.test(query)) return false;
  return !MODULE_EXTENSION.test(pathname);
}
