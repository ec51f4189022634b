// A static file server for the built site, as a plain static host would serve it: text,
// JS, JSON and wasm gzip-encoded; it counts the bytes it sends so a test can read them.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
/** Pagefind's .pf_* files are already gzip inside; a host serves them as they are. */
const COMPRESS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.wasm', '.webmanifest']);

export interface StaticServer {
  url: string;
  /** Body bytes sent since the last reset (as transferred, i.e. gzip where gzipped). */
  bytesSent(): number;
  requests(): string[];
  /** The same requests, each with the time (Date.now()) its response was handed to the socket. */
  timeline(): { at: number; line: string }[];
  reset(): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string): Promise<StaticServer> {
  const gzCache = new Map<string, Buffer>();
  let sent = 0;
  let log: string[] = [];
  let timed: { at: number; line: string }[] = [];
  const record = (line: string) => {
    log.push(line);
    timed.push({ at: Date.now(), line });
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      try {
        const body = readFileSync(notFound);
        sent += body.length;
        res.end(body);
      } catch {
        res.end();
      }
      record(`404 ${url.pathname}`);
      return;
    }
    const ext = path.extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      let body = gzCache.get(file);
      if (!body) {
        body = gzipSync(readFileSync(file), { level: 9 });
        gzCache.set(file, body);
      }
      headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers);
      sent += body.length;
      record(`${req.method} ${url.pathname} ${body.length}`);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const size = statSync(file).size;
    headers['content-length'] = String(size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      record(`HEAD ${url.pathname} 0`);
      res.end();
      return;
    }
    sent += size;
    const line = `${req.method} ${url.pathname} ${size}`;
    log.push(line);
    createReadStream(file).pipe(res).on('finish', () => timed.push({ at: Date.now(), line }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesSent: () => sent,
    requests: () => log,
    timeline: () => timed,
    reset: () => {
      sent = 0;
      log = [];
      timed = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
