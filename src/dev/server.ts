/**
 * The dev server's HTTP side: serves the in-memory site on 127.0.0.1 (or the address asked for), and pushes
 * rebuild events to open pages (server-sent events). It reads nothing from the disk, so no
 * request path can reach a file outside the site.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import type { MemorySite } from './memory-output.js';
import { EVENTS_PATH } from './reload-script.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface DevServer {
  url: string;
  port: number;
  /** Sends an event to every open page. */
  broadcast(event: 'reload' | 'problem' | 'ok', data: unknown): void;
  close(): Promise<void>;
}

/**
 * The file a request path names: `/records/x/` → `records/x/index.html`. null for paths
 * that are not plain site paths (`..`, encoded separators, NUL, outside the base path).
 */
export function sitePath(requestUrl: string, basePath: string): string | null {
  const raw = requestUrl.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  if (basePath) {
    if (decoded !== basePath && !decoded.startsWith(`${basePath}/`)) return null;
    decoded = decoded.slice(basePath.length) || '/';
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const path = segments.join('/');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

export async function startServer(
  site: MemorySite,
  options: { port: number; host?: string; basePath: string; currentProblem: () => string | null },
): Promise<DevServer> {
  const clients = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if ((req.url ?? '').split('?')[0] === EVENTS_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const problem = options.currentProblem();
      if (problem) res.write(event('problem', problem));
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const path = sitePath(req.url ?? '/', options.basePath);
    const file = path === null ? undefined : site.files.get(path);
    if (path !== null && !file && site.files.has(`${path}/index.html`)) {
      res.writeHead(301, { location: `${options.basePath}/${path}/` }).end();
      return;
    }
    const notFound = site.files.get('404.html');
    const status = file ? 200 : 404;
    const body = file?.bytes ?? notFound?.bytes ?? Buffer.from('Not found');
    const type = file ? (TYPES[extname(path!)] ?? 'application/octet-stream') : 'text/html; charset=utf-8';
    res.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer(handle);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port, host);
  return {
    port,
    url: `http://${urlHost(host)}:${port}${options.basePath}/`,
    broadcast(name, data) {
      for (const client of clients) client.write(event(name, data));
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function event(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** How a browser on this machine reaches the address: any-address is reached on loopback; IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens on host:port, or the next free port when it is taken (port 0: any free one). */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tryPort = port === 0 ? 0 : port + attempt;
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' && port !== 0) resolve(false);
        else reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(tryPort, host);
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  throw new Error(`no free port from ${port} to ${port + 19}`);
}
