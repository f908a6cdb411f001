import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSources } from '../../src/lib/content/collections.ts';
import { copyProject, removeProject } from '../helpers/project-copy.ts';

const run = promisify(execFile);

/**
 * What an editor needs to complete and check front matter: `astro sync` (also run by `astro dev`,
 * `astro check` and every build) writes a JSON schema per collection and, with the content
 * Intellisense the integration turns on, collections.json, which tells the Astro extension which
 * collection each Markdown (.md) and MDX file belongs to.
 */
describe('editor schemas for the content files', () => {
  const project = copyProject();
  const schemas = path.join(project, '.astro/collections');
  let manifest: { collections: { name: string; hasSchema: boolean }[]; entries: Record<string, string> };

  beforeAll(async () => {
    const astro = path.join(path.dirname(createRequire(path.join(project, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
    await run(process.execPath, [astro, 'sync'], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
    manifest = JSON.parse(readFileSync(path.join(schemas, 'collections.json'), 'utf8'));
  }, 180_000);
  afterAll(() => removeProject(project));

  it('has a schema for every collection', () => {
    // Plus `translations`, the translated bodies (content/nb/…), whose fields the content rules check (lib/translations/rules.ts).
    expect(manifest.collections.filter((c) => c.hasSchema).map((c) => c.name).sort()).toEqual([...Object.keys(collectionSources), 'translations'].sort());
    for (const name of Object.keys(collectionSources)) expect(readdirSync(schemas)).toContain(`${name}.schema.json`);
  });

  const proseCollections = Object.entries(collectionSources).filter(([, source]) => source.kind === 'folder' && (source.extensions as readonly string[]).includes('.mdx'));
  it.each(proseCollections)('maps every .md and .mdx file of %s to its collection, whose schema has exactly its fields', (name, source) => {
    const folder = path.join(project, 'content', source.path);
    const files = readdirSync(folder).filter((file) => file.endsWith('.mdx') || file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(manifest.entries[pathToFileURL(path.join(folder, file)).href.toLowerCase()], file).toBe(name);
    const json = JSON.parse(readFileSync(path.join(schemas, `${name}.schema.json`), 'utf8'));
    const shape = (source.schema as unknown as z.ZodObject).shape;
    // Astro adds `$schema` (an optional pointer to the schema file) to every collection's properties.
    expect(Object.keys(json.properties).filter((key) => key !== '$schema').sort()).toEqual(Object.keys(shape).sort());
    // Strict: a misspelt field is flagged in the editor as the check flags it.
    expect(json.additionalProperties).toBe(false);
  });
});
