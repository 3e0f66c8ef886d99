// The app:// handler serves only files inside the built renderer folder, with a strict CSP header.
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveRendererFile, SECURITY_HEADERS } from '../../main/shell/renderer-files';

const root = resolve('/srv/safehold/out/renderer');

describe('resolveRendererFile', () => {
  it('maps our URLs to files under the root with their content type', () => {
    expect(resolveRendererFile(root, 'app://safehold/index.html')).toEqual({
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(root, 'app://safehold/')?.path).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://safehold/assets/index-abc.js')).toEqual({
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(root, 'app://safehold/assets/a.css?v=1#x')?.contentType).toBe(
      'text/css; charset=utf-8',
    );
  });

  it.each([
    'app://safehold/../../etc/passwd.html',
    'app://safehold/%2e%2e/%2e%2e/etc/passwd.html',
    'app://safehold/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.js',
    'app://safehold/assets/..%2f..%2f..%2fsecret.js',
  ])('never resolves outside the root: %s', (url) => {
    const file = resolveRendererFile(root, url);
    if (file !== null) expect(file.path.startsWith(root + sep)).toBe(true);
  });

  it.each([
    'app://safehold/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.js',
    'app://safehold/..%5c..%5csecret.js',
    'app://safehold/a%00.html',
    'app://safehold/%E0%A4%A.html',
  ])('refuses a path that leaves the root or is malformed: %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'app://safehold:1/index.html',
    'https://safehold/index.html',
    'file:///srv/safehold/out/renderer/index.html',
    'not a url',
  ])('refuses a URL that is not ours: %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('refuses file types the renderer never ships', () => {
    expect(resolveRendererFile(root, 'app://safehold/safehold.db')).toBeNull();
    expect(resolveRendererFile(root, 'app://safehold/keyring')).toBeNull();
  });
});

describe('security headers', () => {
  it('carry a CSP with no inline or eval and no outside origins', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
