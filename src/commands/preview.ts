/**
 * `leverage preview`: serves the built site as a static host would (the files as they are,
 * under `basePath`, the site's 404 page for what is not there), on 127.0.0.1.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import sirv from 'sirv';
import { command, type Command } from '../cli.js';
import { loadConfig } from '../config/load.js';
import { listen } from '../dev/server.js';
import { listenError, parsePort, untilStopped } from './serve.js';

const HOST = '127.0.0.1';

export const previewCommand: Command = command('preview', async ({ values }) => {
  const port = parsePort('preview', values.port, 4322);
  if (port === null) return 1;
  const root = resolve(values.root ?? '.');
  const out = values.out === undefined ? join(root, 'dist') : resolve(values.out);
  const near = relative(process.cwd(), out);
  const shown = near.startsWith('..') ? out : near || '.';
  const built = await stat(join(out, 'index.html')).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!built) {
    console.error(`leverage preview: ${shown}/ holds no built site (run leverage build first)`);
    return 1;
  }
  const { basePath } = (await loadConfig(root)).config;
  // dev: read each file when asked for, so a build while the preview runs is served at once.
  const files = sirv(out, { dev: true, etag: true });
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    if (basePath && path === '/') {
      res.writeHead(302, { location: `${basePath}/` }).end();
      return;
    }
    const inside = !basePath || path === basePath || path.startsWith(`${basePath}/`);
    if (inside) req.url = (req.url ?? '/').slice(basePath.length) || '/';
    const notFound = async () => {
      const page = await readFile(join(out, '404.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    };
    if (inside) files(req, res, () => void notFound());
    else void notFound();
  });
  let bound: number;
  try {
    bound = await listen(server, port, HOST);
  } catch (err) {
    if (listenError('preview', HOST, err)) return 1;
    throw err;
  }
  console.log(`Serving ${shown}/ on http://${HOST}:${bound}${basePath}/ (Ctrl-C to stop)`);
  await untilStopped();
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  console.error('stopped');
  return 0;
});
