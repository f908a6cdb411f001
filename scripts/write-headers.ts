// Writes the host header files from src/lib/headers.ts: public/_headers (Netlify, Cloudflare Pages)
// and vercel.json. Run with "npm run headers"; a unit test fails when the committed files drift.
import { writeFileSync } from 'node:fs';
import { netlifyHeaders, vercelConfig } from '../src/lib/headers.ts';

writeFileSync(new URL('../public/_headers', import.meta.url), netlifyHeaders());
writeFileSync(new URL('../vercel.json', import.meta.url), `${JSON.stringify(vercelConfig(), null, 2)}\n`);
console.log('wrote public/_headers and vercel.json');
