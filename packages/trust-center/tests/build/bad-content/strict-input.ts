import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validFixture } from '../../helpers/fixture-content.ts';
import type { BadContentCase } from './case.ts';

const fix = (name: string) => validFixture[name]!;

/** Strict input: real calendar dates, only the collection's files, no links, a usable content folder. */
export const cases: BadContentCase[] = [
  {
    name: 'a date that does not exist (2026-02-30 would roll over to 2 March)',
    changes: { 'certifications/iso.yaml': fix('certifications/iso.yaml').replace('2026-12-31', '2026-02-30') },
    line: 'broken/certifications/iso.yaml: target: 2026-02-30 is not a calendar date (February 2026 has 28 days) (schema)',
  },
  {
    name: 'a .yml file in subprocessors/ (the loader reads .yaml only)',
    changes: { 'subprocessors/mail.yml': fix('subprocessors/cloud.yaml').replace('Example Cloud', 'Example Mail') },
    line: 'broken/subprocessors/mail.yml: (file name): the subprocessors folder holds only .yaml files, so this one would be ignored; rename it to mail.yaml (file-extension)',
  },
  {
    name: 'a .markdown file in faq/',
    changes: { 'faq/how.markdown': fix('faq/where.mdx') },
    line: 'broken/faq/how.markdown: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; rename it to how.md (file-extension)',
  },
  {
    name: 'a .MDX file in faq/',
    changes: { 'faq/how.MDX': fix('faq/where.mdx') },
    line: 'broken/faq/how.MDX: (file name): the faq folder holds only .md or .mdx files, so this one would be ignored; rename it to how.mdx (file-extension)',
  },
  {
    name: 'an update as .md beside the same update as .mdx (one id, two files)',
    changes: { 'updates/2026-01-01-hello.md': fix('updates/2026-01-01-hello.mdx') },
    line: 'broken/updates/2026-01-01-hello.mdx: (file name): "2026-01-01-hello" is also broken/updates/2026-01-01-hello.md: one entry is one file, whatever its extension; keep one of the two (duplicate-id)',
  },
  {
    name: 'a subfolder in whitepaper/ (its files would be ignored)',
    changes: { 'whitepaper/drafts/intro.mdx': fix('whitepaper/overview.mdx') },
    line: 'broken/whitepaper/drafts: (folder): the whitepaper folder holds only .md or .mdx files, not folders: files in a subfolder would be ignored; move them up into whitepaper/ (subfolder)',
  },
  {
    name: 'a symbolic link to a file outside the content folder',
    changes: {},
    setup: (contentDir) => {
      const outside = mkdtempSync(path.join(tmpdir(), 'trust-outside-'));
      writeFileSync(path.join(outside, 'leak.yaml'), fix('subprocessors/cloud.yaml').replace('Example Cloud', 'Outside Secret'));
      symlinkSync(path.join(outside, 'leak.yaml'), path.join(contentDir, 'subprocessors/leak.yaml'));
    },
    line: 'broken/subprocessors/leak.yaml: (file): is a symbolic link; the content folder must hold the file itself, so that nothing outside it is published (copy it in) (symlink)',
  },
  {
    name: 'CONTENT_DIR naming a folder that does not exist',
    changes: {},
    env: { CONTENT_DIR: 'no-such-folder' },
    line: 'no-such-folder: (folder): the content folder does not exist (set CONTENT_DIR to the folder that holds company.yaml) (content-dir)',
  },
  {
    name: 'CONTENT_DIR naming a file',
    changes: {},
    env: { CONTENT_DIR: 'broken/company.yaml' },
    line: 'broken/company.yaml: (folder): the content folder is a file, not a folder (set CONTENT_DIR to the folder that holds company.yaml) (content-dir)',
  },
  {
    name: 'an empty content folder',
    changes: {},
    setup: (contentDir) => {
      for (const entry of readdirSync(contentDir)) rmSync(path.join(contentDir, entry), { recursive: true });
      mkdirSync(contentDir, { recursive: true });
    },
    line: 'broken: (folder): the content folder is empty (it needs company.yaml and the collection folders the README lists) (content-dir)',
  },
  {
    name: 'CONTENT_DIR set to an empty string (it would otherwise mean the project root)',
    changes: {},
    env: { CONTENT_DIR: '' },
    line: 'CONTENT_DIR: (setting): is set but empty; unset it to build content/, or set it to the content folder (content-dir)',
  },
];
