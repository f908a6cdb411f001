// trust-center headers   (the site's `npm run headers`)
//
// Writes vercel.json (Vercel reads its headers from the repository, not from the built site) from
// the one policy in src/lib/headers.ts. Netlify's and Cloudflare Pages' `_headers` needs no command:
// every build writes it into the output. The site's tests fail when the committed vercel.json drifts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { vercelConfig } from '../src/lib/headers.ts';

writeFileSync(path.join(process.cwd(), 'vercel.json'), `${JSON.stringify(vercelConfig(), null, 2)}\n`);
console.log('wrote vercel.json');
