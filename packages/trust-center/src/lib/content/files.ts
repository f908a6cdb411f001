import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { error, type Finding } from '../rules/finding.ts';
import { entryIdFromPath, type FolderExtension } from './collections.ts';
import { displayPath } from './paths.ts';

/**
 * What may sit in the content folder, checked before any file is read, so that what the check
 * reads and what Astro's loaders build are the same files:
 *
 * - Hidden entries (names starting with a dot: `.DS_Store`, `.gitkeep`, `.git/`) are ignored by
 *   both: Astro's glob loader skips them too, so they can never be published.
 * - Symbolic links are refused anywhere in the folder, whatever they point at: a link could
 *   publish a file from outside the content folder, and its target can change after the check.
 * - A collection folder holds only files with the collection's extensions, directly inside it: a
 *   `.yml`, `.markdown`, `.MDX` or `.txt` file, or a subfolder, would otherwise be skipped by the
 *   loader without a word.
 * - One entry is one file: the id is the file name without its extension, so `a.md` beside `a.mdx`
 *   would be two entries with one id, and the loader would keep one of them without a word.
 */

/** One line when the content folder itself cannot be used: missing, a file, or empty. */
export function contentDirProblem(contentDir: string, root: string): Finding | undefined {
  const shown = displayPath(contentDir, root) || '.';
  let isFolder: boolean;
  try {
    isFolder = statSync(contentDir).isDirectory();
  } catch {
    return error(shown, '(folder)', 'the content folder does not exist (set CONTENT_DIR to the folder that holds company.yaml)', 'content-dir');
  }
  if (!isFolder) return error(shown, '(folder)', 'the content folder is a file, not a folder (set CONTENT_DIR to the folder that holds company.yaml)', 'content-dir');
  if (visibleEntries(contentDir).length === 0) {
    return error(shown, '(folder)', 'the content folder is empty (it needs company.yaml and the collection folders the README lists)', 'content-dir');
  }
  return undefined;
}

/** One line per symbolic link inside the content folder (not followed, so links inside links are not looked for). */
export function symlinkFindings(contentDir: string, root: string): { findings: Finding[]; links: Set<string> } {
  const findings: Finding[] = [];
  const links = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of visibleEntries(dir)) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        links.add(full);
        findings.push(
          error(
            displayPath(full, root),
            pointsToFolder(full) ? '(folder)' : '(file)',
            'is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in)',
            'symlink',
          ),
        );
      } else if (entry.isDirectory()) {
        walk(full);
      }
    }
  };
  walk(contentDir);
  return { findings, links };
}

/** The extension each stray extension most likely meant, for the hint. */
const meant: Record<string, FolderExtension> = { '.md': '.md', '.markdown': '.md', '.mdx': '.mdx', '.yml': '.yaml', '.yaml': '.yaml' };

/**
 * The entry files of one collection folder, sorted; every other visible entry (wrong extension,
 * subfolder, symlink, a second file for an id) is left out, with a finding for all but symlinks
 * (they have their own).
 */
export function collectionFiles(folder: string, extensions: readonly FolderExtension[], root: string, findings: Finding[]): string[] {
  const name = path.basename(folder);
  const allowed = extensions.join(' or ');
  const files: string[] = [];
  for (const entry of visibleEntries(folder)) {
    const shown = displayPath(path.join(folder, entry.name), root);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      findings.push(error(shown, '(folder)', `the ${name} folder holds only ${allowed} files, not folders: files in a subfolder would be ignored; move them up into ${name}/`, 'subfolder'));
      continue;
    }
    if (extensions.some((extension) => entry.name.endsWith(extension))) {
      files.push(entry.name);
      continue;
    }
    const ext = path.extname(entry.name);
    const stem = entry.name.slice(0, entry.name.length - ext.length);
    const target = meant[ext.toLowerCase()];
    const hint = ext !== '' && target !== undefined && extensions.includes(target) ? `rename it to ${stem}${target}` : 'move it out of the content folder';
    findings.push(error(shown, '(file name)', `the ${name} folder holds only ${allowed} files, so this one would be ignored; ${hint}`, 'file-extension'));
  }
  // Sorted, `a.md` comes before `a.mdx`: the later file of an id is the one reported.
  const byId = new Map<string, string>();
  return files.sort().filter((file) => {
    const id = entryIdFromPath(file);
    const first = byId.get(id);
    if (first === undefined) {
      byId.set(id, file);
      return true;
    }
    const shownFirst = displayPath(path.join(folder, first), root);
    findings.push(error(displayPath(path.join(folder, file), root), '(file name)', `"${id}" is also ${shownFirst}: one entry is one file, whatever its extension; keep one of the two`, 'duplicate-id'));
    return false;
  });
}

/** A hint for a missing single file when a near miss (`company.yml`, `Company.YAML`) is there instead. */
export function nearMiss(file: string): string | undefined {
  const dir = path.dirname(file);
  const stem = path.basename(file, path.extname(file)).toLowerCase();
  try {
    const found = visibleEntries(dir).find((entry) => {
      const ext = path.extname(entry.name);
      return entry.name !== path.basename(file) && entry.name.slice(0, entry.name.length - ext.length).toLowerCase() === stem && ext !== '';
    });
    return found && !lstatSync(path.join(dir, found.name)).isSymbolicLink() ? found.name : undefined;
  } catch {
    return undefined;
  }
}

function pointsToFolder(link: string): boolean {
  try {
    return statSync(link).isDirectory();
  } catch {
    return false;
  }
}

function visibleEntries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
}
