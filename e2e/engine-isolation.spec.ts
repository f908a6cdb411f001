import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContent } from 'astro-trust-center/testing/content';

// The engine holds no company fact: none of this site's identifying facts, read from content/,
// appears in any file of the engine package (sources, tests, fixtures, docs).
const ENGINE = 'packages/trust-center';
const SKIP = new Set(['node_modules', 'dist', 'dist-awkward', '.builds', '.astro', 'test-results', 'playwright-report']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.dist')) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test('no file of the engine package names this company, its organisation number, its domain or its contacts', () => {
  const company = loadContent().company.data;
  const domain = new URL(company.siteUrl).hostname.split('.').slice(-2).join('.');
  const facts = [company.name, company.organisationNumber, company.organisationNumber.replace(/\s/g, ''), domain, ...Object.values(company.contacts)]
    .filter((fact): fact is string => typeof fact === 'string' && fact.length > 3)
    .map((fact) => fact.toLowerCase());
  const all = files(ENGINE);
  expect(all.length).toBeGreaterThan(100);
  const hits = all.flatMap((file) => {
    const text = readFileSync(file, 'latin1').toLowerCase();
    return facts.filter((fact) => text.includes(fact)).map((fact) => `${file}: ${fact}`);
  });
  expect(hits).toEqual([]);
});
