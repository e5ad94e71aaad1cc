// A small static server for dist/, with node:http / node:https only.
//
//   node scripts/serve.mjs --port 8080            the preview, over http: prints its address
//   node scripts/serve.mjs --https --port 3000    the Excel add-in in development, over https with the
//                                                 office-addin-dev-certs localhost certificate
//
// Options: --root DIR (default dist), --host NAME (default localhost). Only GET and HEAD; nothing
// outside the root is ever served (no "..", no encoded slashes, no symlinks out of it).
import { createReadStream, realpathSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(text);
}

/**
 * The file a request path names inside root, or null if it names nothing there.
 * @param {string} root absolute, real path of the folder served
 * @param {string} urlPath the request's path, still percent-encoded, without the query
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  if (real !== root && !real.startsWith(root + path.sep)) return null;
  return real;
}

/**
 * A request handler serving the files under root.
 * @param {{ root: string, defaultPage?: string }} options
 */
export function staticHandler({ root, defaultPage = 'index.html' }) {
  const realRoot = realpathSync(path.resolve(root));
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Only GET and HEAD are served.\n', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0].split('#')[0] || '/';
    if (urlPath === '/') {
      res.writeHead(302, { Location: `/${defaultPage}` });
      res.end();
      return;
    }
    const file = resolveInside(realRoot, urlPath);
    let stat;
    try {
      stat = file ? statSync(file) : null;
    } catch {
      stat = null;
    }
    if (!file || !stat || !stat.isFile()) {
      send(res, 404, `Not found: ${urlPath}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * Starts serving root; resolves once listening.
 * @param {{ root?: string, port?: number, host?: string, https?: boolean, httpsOptions?: object, defaultPage?: string }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const root = options.root ?? path.join(projectRoot, 'dist');
  const host = options.host ?? 'localhost';
  const secure = options.https === true;
  const handler = staticHandler({ root, defaultPage: options.defaultPage ?? (secure ? 'taskpane.html' : 'preview.html') });
  let server;
  if (secure) {
    let tls = options.httpsOptions;
    if (!tls) {
      // Said before it happens: the first time, office-addin-dev-certs asks the system (sudo on Linux, the
      // keychain on a Mac, a Windows prompt) to trust a localhost certificate it makes.
      console.log('HTTPS needs a trusted localhost certificate: the first time, your system asks for your password (or admin consent) to trust the one office-addin-dev-certs makes.');
      const certs = await import('office-addin-dev-certs');
      const getHttpsServerOptions = certs.getHttpsServerOptions ?? certs.default?.getHttpsServerOptions;
      tls = await getHttpsServerOptions();
    }
    server = https.createServer(tls, handler);
  } else {
    server = http.createServer(handler);
  }
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = server.address().port;
  return {
    url: `${secure ? 'https' : 'http'}://${host}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

async function main(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { https: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`serve: ${e instanceof Error ? e.message : String(e)}`);
    console.error('Usage: node scripts/serve.mjs [--https] [--port 8080] [--host localhost] [--root dist]');
    return 2;
  }
  const secure = values.https === true;
  const port = values.port === undefined ? (secure ? 3000 : 8080) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port must be a number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const root = path.resolve(values.root ?? path.join(projectRoot, 'dist'));
  try {
    statSync(path.join(root, secure ? 'taskpane.html' : 'preview.html'));
  } catch {
    console.error(`serve: ${root} has no ${secure ? 'taskpane.html' : 'preview.html'}. Run npm run build first.`);
    return 2;
  }
  try {
    const server = await startServer({ root, port, host: values.host ?? 'localhost', https: secure });
    if (secure) {
      console.log(`Serving the Excel add-in at ${server.url}/taskpane.html (manifest: ${server.url}/manifest.xml). Press Ctrl+C to stop.`);
    } else {
      console.log(`Plan Monitor preview: ${server.url}/preview.html  (Press Ctrl+C to stop.)`);
    }
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? e.code : '';
    const why = code === 'EADDRINUSE' ? `port ${port} is already in use. Stop whatever uses it, or pass --port with another number.` : e instanceof Error ? e.message : String(e);
    console.error(`serve: could not start: ${why}`);
    return 1;
  }
  return undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
}
