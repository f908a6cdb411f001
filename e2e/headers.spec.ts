import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { netlifyHeaders, vercelConfig } from 'astro-trust-center/lib/headers';

// Vercel reads its headers from the committed vercel.json; it must be what the engine's one policy
// generates today, so a new engine version that changes the policy fails here until
// `npm run headers` is run and committed. (`_headers` for other hosts is written by every build.)
test('the committed vercel.json is what the engine generates (run "npm run headers"), and the build wrote _headers', () => {
  expect(JSON.parse(readFileSync('vercel.json', 'utf8'))).toEqual(vercelConfig());
  expect(readFileSync('dist/_headers', 'utf8')).toBe(netlifyHeaders());
});
