// Runs in the Electron main process; may import electron. Serves the built renderer on
// app://safehold/ for the window's session, with the CSP as a response header (a header, unlike a
// <meta> tag, also covers the document itself and cannot be removed by page content).
import { readFile, stat } from 'node:fs/promises';
import type { Session } from 'electron';
import { APP_SCHEME } from './app-url';
import { resolveRendererFile, SECURITY_HEADERS } from './renderer-files';

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function serve(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveRendererFile(rootDir, request.url);
  if (file === null) return plain(404, 'Not found');
  try {
    const info = await stat(file.path);
    if (!info.isFile()) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file.path);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  } catch {
    return plain(404, 'Not found');
  }
}

/** Registers the app:// handler on `ses`. The scheme itself is registered as privileged in index.ts. */
export function serveRenderer(ses: Session, rootDir: string): void {
  ses.protocol.handle(APP_SCHEME, (request) => serve(rootDir, request));
}
