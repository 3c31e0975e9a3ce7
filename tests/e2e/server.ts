// A small static server on 127.0.0.1 for test pages (content scripts don't run on file:// URLs).
// Serves tests/e2e/fixtures, the shared corpus pages under /corpus/, and pages a test registers.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve } from 'node:path';
import { FIXTURES_DIR, SHARED_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Page {
  body: string | Buffer;
  type?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  origin: string;
  /** The same server under another host name, for cross-origin frames (127.0.0.1 vs localhost). */
  otherOrigin: string;
  url(path: string): string;
  route(path: string, page: Page | (() => Page)): void;
  close(): Promise<void>;
}

function safeJoin(root: string, path: string): string | null {
  const full = resolve(root, `.${normalize(`/${path}`)}`);
  return full.startsWith(root) ? full : null;
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Page | (() => Page)>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const routed = routes.get(path);
    if (routed) {
      const page = typeof routed === 'function' ? routed() : routed;
      res.writeHead(200, { 'content-type': page.type ?? TYPES['.html']!, ...page.headers });
      res.end(page.body);
      return;
    }
    const file = path.startsWith('/corpus/')
      ? safeJoin(resolve(SHARED_DIR, 'corpus/pages'), path.slice('/corpus/'.length))
      : safeJoin(FIXTURES_DIR, path);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    otherOrigin: `http://localhost:${port}`,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, page) => routes.set(path, page),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
