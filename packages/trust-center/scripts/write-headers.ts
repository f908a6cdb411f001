// Writes the host header files from src/lib/headers.ts: public/_headers (Netlify, Cloudflare Pages)
// and vercel.json. Run with "npm run headers"; a unit test fails when the committed files drift.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { netlifyHeaders, vercelConfig } from '../src/lib/headers.ts';

writeFileSync(path.join(process.cwd(), 'public/_headers'), netlifyHeaders());
writeFileSync(path.join(process.cwd(), 'vercel.json'), `${JSON.stringify(vercelConfig(), null, 2)}\n`);
console.log('wrote public/_headers and vercel.json');
