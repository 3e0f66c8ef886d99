// Runs in the Electron main process; imports node:path only (no electron), so unit tests run it.
// Maps an app://safehold/... request to a file inside the built renderer folder, or to nothing.
// The traversal guard resolves the path and checks it still sits under the root.
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Sent on every app:// response, including errors. The renderer has no inline script or style. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // blob: for a document's picture, made in memory from its decrypted bytes and revoked after.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export type RendererFile = { readonly path: string; readonly contentType: string };

/**
 * The file under `root` that `requestUrl` names, or null when the URL is not ours, leaves the root,
 * or has a type we do not serve. Existence is checked by the caller.
 */
export function resolveRendererFile(root: string, requestUrl: string): RendererFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Backslashes and NUL never name a renderer file; refusing them keeps Windows path rules out of play.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';

  const rootDir = resolve(root);
  const filePath = resolve(rootDir, `.${pathname}`);
  if (!filePath.startsWith(rootDir + sep)) return null;

  const contentType = contentTypes[extname(filePath).toLowerCase()];
  if (contentType === undefined) return null;
  return { path: filePath, contentType };
}
