// Runs in the Electron main process, but is pure: no electron, no node: imports, so unit tests run it
// under plain Node. The one origin the app is served from, and the test for "is this URL ours".

export const APP_SCHEME = 'app';
export const APP_HOST = 'safehold';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for a well-formed `app://safehold/...` URL with no userinfo or port tricks. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
