// The IPC door accepts only the top frame of our own window showing app://safehold/.
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts } from '../../main/shell/sender';

const good: SenderFacts = { url: 'app://safehold/index.html', isMainFrame: true, isOurWindow: true };

describe('isTrustedSender', () => {
  it('accepts our own page in the main frame of our window', () => {
    expect(isTrustedSender(good)).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://safehold/' })).toBe(true);
    expect(isTrustedSender({ ...good, url: 'app://safehold/index.html#/cases?x=1' })).toBe(true);
  });

  it.each([
    ['a foreign https origin', 'https://example.org/'],
    ['plain http', 'http://safehold/index.html'],
    ['a loopback server', 'http://127.0.0.1:5173/index.html'],
    ['localhost', 'http://localhost/'],
    ['a file URL', 'file:///C:/Users/x/out/renderer/index.html'],
    ['a file URL on posix', 'file:///opt/Safehold/resources/app.asar/out/renderer/index.html'],
    ['another app host', 'app://other/index.html'],
    ['a look-alike host', 'app://safehold.evil/index.html'],
    ['a host with our name as userinfo', 'app://safehold@evil/index.html'],
    ['userinfo in front of our host', 'app://evil@safehold/index.html'],
    ['a port', 'app://safehold:8080/index.html'],
    ['about:blank', 'about:blank'],
    ['about:srcdoc', 'about:srcdoc'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['an upper-case look-alike scheme', 'APPX://safehold/'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender({ ...good, url })).toBe(false);
  });

  it.each([
    ['an empty string (destroyed frame)', ''],
    ['no scheme', 'safehold/index.html'],
    ['a bare word', 'not a url'],
    ['a broken authority', 'app://[::1'],
  ])('refuses a malformed URL: %s', (_name, url) => {
    expect(isTrustedSender({ ...good, url })).toBe(false);
  });

  it('refuses a subframe, even one showing our own page', () => {
    expect(isTrustedSender({ ...good, isMainFrame: false })).toBe(false);
  });

  it('refuses another window, even one showing our own page', () => {
    expect(isTrustedSender({ ...good, isOurWindow: false })).toBe(false);
  });

  it('refuses when every fact is wrong', () => {
    expect(isTrustedSender({ url: 'https://example.org/', isMainFrame: false, isOurWindow: false })).toBe(false);
  });
});
