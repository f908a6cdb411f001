// A static host for measuring the built site as readers get it: dist/ served with gzip (level 9,
// as the budget counts) and the host headers of src/lib/headers.ts, like the static hosts the
// repository configures. For `npm run lighthouse`; not a production server.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor } from '../../src/lib/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Types worth compressing: text. PDFs, images and fonts are compressed already. */
export function compressible(type: string): boolean {
  return /^text\/|^application\/(?:[\w.+-]*json|[\w.+-]*xml|javascript)|^image\/svg\+xml/.test(type);
}

/** Whether a request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `root` on 127.0.0.1 (a free port unless `port` is given): index.html for folders, a 301 to the trailing slash, 404.html for what is missing. */
export async function serveStatic(root: string, port = 0, options: { hostHeaders?: boolean } = {}): Promise<StaticServer> {
  // Another project's site (the benchmark's Starlight build) is served without this one's header policy.
  const hostHeaders = options.hostHeaders ?? true;
  const base = path.resolve(root);
  const gzipped = new Map<string, Buffer>();

  const send = (request: IncomingMessage, response: ServerResponse, file: string, status: number, pathname: string) => {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'Content-Type': type, ...(hostHeaders ? headersFor(pathname) : {}), Vary: 'Accept-Encoding' };
    if (compressible(type) && acceptsGzip(request.headers['accept-encoding'])) {
      let packed = gzipped.get(file);
      if (!packed) gzipped.set(file, (packed = gzipSync(body, { level: 9 })));
      body = packed;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.byteLength);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    const file = path.resolve(base, `.${pathname}`);
    const inside = file === base || file.startsWith(base + path.sep);
    const stats = inside ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (stats?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      if (statSync(index, { throwIfNoEntry: false })?.isFile()) return send(request, response, index, 200, pathname);
    } else if (stats?.isFile()) {
      return send(request, response, file, 200, pathname);
    }
    const notFound = path.join(base, '404.html');
    if (statSync(notFound, { throwIfNoEntry: false })?.isFile()) return send(request, response, notFound, 404, pathname);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
