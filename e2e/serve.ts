// A tiny static file server for built sites: loopback, port 0, optional base prefix,
// `dir/` → `dir/index.html`, and 404.html for anything missing (like GitHub Pages).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface Served {
  /** Origin plus base, ending in `/`: `http://127.0.0.1:PORT/archive/`. */
  url: string;
  close(): Promise<void>;
}

/** Serve `root` under `base` (`/` or `/archive/`) on 127.0.0.1 at a free port. */
export async function serve(root: string, base = '/'): Promise<Served> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = pathname.startsWith(base) ? path.join(root, pathname.slice(base.length)) : undefined;
    const target = file && !path.relative(root, file).startsWith('..') ? await existing(file) : undefined;
    const status = target ? 200 : 404;
    const body = target ?? path.join(root, '404.html');
    res.writeHead(status, { 'content-type': TYPES[path.extname(body)] ?? 'application/octet-stream' });
    createReadStream(body).on('error', () => res.end()).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function existing(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) return existing(path.join(file, 'index.html'));
  return undefined;
}
