import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running static server. */
export interface StaticServer {
  /** The site's root URL, e.g. `http://127.0.0.1:40123/course/`. */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built site in `dir` under the sub-path `base` (e.g. `/course/`) on 127.0.0.1 at a
 * random free port, the way a static host would: `/course/x/` → `dir/x/index.html`, a directory
 * without its slash is redirected, anything else — including every path outside `base` — gets
 * `dir/404.html` with status 404. So a link that forgets the base is caught as broken.
 */
export async function serveDist(dir: string, base = '/'): Promise<StaticServer> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = async () => {
      res.statusCode = 404;
      const page = join(dir, '404.html');
      if (await isFile(page)) {
        res.setHeader('content-type', TYPES['.html']);
        createReadStream(page).pipe(res);
      } else res.end('Not found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.end();
      return;
    }
    if (`${path}/` === prefix) return redirect(res, prefix);
    if (!path.startsWith(prefix)) return notFound();
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return notFound();
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) return redirect(res, `${path}/`);
      return send(res, req.method, join(file, 'index.html'), notFound);
    }
    return send(res, req.method, file, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function send(
  res: ServerResponse,
  method: string | undefined,
  file: string,
  notFound: () => Promise<void>,
): Promise<void> {
  if (!(await isFile(file))) return notFound();
  res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 301;
  res.setHeader('location', location);
  res.end();
}
