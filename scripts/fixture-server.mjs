// Serves local folders over http on 127.0.0.1, for the demo and the end-to-end tests.
// Chromium maps real portal host names to it with --host-resolver-rules.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * @param {Record<string, string>} mounts URL prefix (e.g. `/demo/`) → folder on disk
 * @returns {Promise<{ port: number; url: (path: string, host?: string) => string; close: () => Promise<void> }>}
 */
export async function startFixtureServer(mounts) {
  const roots = Object.entries(mounts).map(([prefix, folder]) => [prefix, resolve(folder)]);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const mount = roots.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void response.writeHead(404).end('not found');
    const file = normalize(join(mount[1], path.slice(mount[0].length) || 'index.html'));
    if (!file.startsWith(mount[1])) return void response.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      return void response.writeHead(404).end('not found');
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}${host === '127.0.0.1' ? `:${port}` : ''}${path}`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
