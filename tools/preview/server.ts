// Development tooling (plain Node), never shipped in main/: serves the same renderer build and the
// same dispatcher to a browser on machines without the Electron binary.
// Guards: listens on 127.0.0.1 only; a random per-run token (in the printed URL) becomes an HttpOnly
// SameSite=Strict cookie; every request must carry it, name our Host, and API calls must come from
// our Origin. Nothing is logged but method names, durations and error codes.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSafeholdCore } from '../../main/core/app';
import { dataPaths } from '../../main/core/paths';
import { filePreferences } from '../../main/core/prefs';
import { bridgeScript } from './bridge';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (documents viewer) is a module file.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const COOKIE = 'safehold_preview';
const MAX_BODY = 1024 * 1024;

export interface PreviewOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

function defaultRendererDir(): string {
  // Built to out/node/preview.mjs; the renderer build is out/renderer.
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', 'renderer');
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE) return value;
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir());
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No renderer build in ${rendererDir}. Run \`npm run build\` first.`);
  }
  const token = randomBytes(32).toString('hex');
  const core = createSafeholdCore({
    dataDir: resolve(options.dataDir),
    prefs: filePreferences(dataPaths(resolve(options.dataDir)).preferences),
    log: ({ method, ms, code }) => process.stderr.write(`${JSON.stringify({ method, ms, ...(code ? { code } : {}) })}\n`),
  });
  const eventStreams = new Set<ServerResponse>();
  core.onEvent((event) => {
    for (const stream of eventStreams) stream.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      // DNS-rebinding guard: only our exact host:port, never another name for this address.
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'Wrong host.');

      if (url.searchParams.has('token')) {
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 403, 'Wrong preview token.');
        res.writeHead(303, { location: '/', 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, 'cache-control': 'no-store' });
        return res.end();
      }
      if (!sameToken(cookieToken(req), token)) {
        return send(res, 403, 'Open the address printed by `npm run preview` (it carries a one-time token).');
      }

      if (url.pathname === '/__preview/invoke') {
        if (req.method !== 'POST' || req.headers.origin !== origin || !req.headers['content-type']?.startsWith('application/json')) {
          return send(res, 403, 'Refused.');
        }
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'Too large.');
        let message: { method?: unknown; input?: unknown };
        try {
          message = JSON.parse(body) as typeof message;
        } catch {
          return send(res, 400, 'Not JSON.');
        }
        const result = await core.dispatch(message.method, message.input);
        return send(res, 200, JSON.stringify(result), 'application/json');
      }
      if (url.pathname === '/__preview/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        eventStreams.add(res);
        req.on('close', () => eventStreams.delete(res));
        return;
      }
      if (url.pathname === '/__preview/bridge.js') return send(res, 200, bridgeScript, TYPES['.js']);

      const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/u, '');
      const file = resolve(rendererDir, relative);
      if (!file.startsWith(rendererDir + sep) || !existsSync(file)) return send(res, 404, 'Not found.');
      let content: Buffer | string = readFileSync(file);
      if (relative === 'index.html') {
        // The bridge must exist before the app's module script runs: put it first in <head>.
        content = content.toString('utf8').replace('<head>', '<head>\n    <script src="/__preview/bridge.js"></script>');
      }
      return send(res, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
    })().catch(() => send(res, 500, 'Preview error.'));
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((done) => {
        core.close();
        for (const stream of eventStreams) stream.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const dataDir = values['data-dir'];
  if (!dataDir) {
    process.stderr.write('Usage: npm run preview -- --data-dir DIR [--port N]\n');
    process.exit(2);
  }
  const preview = await startPreview({ dataDir, port: values.port ? Number(values.port) : 0 });
  process.stdout.write(`Safehold preview (development only): open ${preview.url}\n`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`safehold preview: ${error instanceof Error ? error.message : 'could not start'}\n`);
    process.exit(2);
  });
}
