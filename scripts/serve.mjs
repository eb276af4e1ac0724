// A plain static file server for dist/, bound to localhost. Serves under an optional deep
// sub-path (BASE_PATH) the way an LMS does, so what works here works in an LMS.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

export function startStaticServer({ dir = root, listenPort = port, basePath = base } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === basePath.replace(/\/$/, '')) path = basePath;
    if (!path.startsWith(basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    // No directory index and no rewrites, like the plain file servers LMSs use.
    const file = normalize(join(dir, path.slice(basePath.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  server.listen(listenPort, '127.0.0.1');
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startStaticServer();
  console.log(`Course served at http://localhost:${port}${base}index.html  (Ctrl+C to stop)`);
}
