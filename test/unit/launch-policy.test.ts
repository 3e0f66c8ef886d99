// A packaged Safehold refuses to start with a debugger or remote-control switch and never reads its
// data folder from the environment; an unpackaged build (tests, development) still may.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { launchDecision, PREFERENCES_FILE_OPTIONS, refusedSwitches, switchName } from '../../main/shell/launch-policy';

const exe = '/opt/Safehold/safehold';

describe('launchDecision', () => {
  it('ignores SAFEHOLD_DATA_DIR in a packaged build, and honours it unpackaged', () => {
    const env = { SAFEHOLD_DATA_DIR: '/tmp/elsewhere' };
    expect(launchDecision({ isPackaged: true, argv: [exe], env })).toEqual({ start: true, dataDir: null });
    expect(launchDecision({ isPackaged: false, argv: ['electron', 'out/main/index.js'], env })).toEqual({ start: true, dataDir: '/tmp/elsewhere' });
    expect(launchDecision({ isPackaged: false, argv: ['electron'], env: { SAFEHOLD_DATA_DIR: '' } })).toEqual({ start: true, dataDir: null });
  });

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect=127.0.0.1:9229'],
    ['--inspect-brk'],
    ['--inspect-port=0'],
    ['--js-flags=--allow-natives-syntax'],
    ['--no-sandbox'],
    ['--user-data-dir=/tmp/x'],
    ['-remote-debugging-port=9222'],
    ['--REMOTE-DEBUGGING-PORT=9222'],
  ])('refuses %s in a packaged build', (...args) => {
    const decision = launchDecision({ isPackaged: true, argv: [exe, ...args], env: {}, platform: 'linux' });
    expect(decision.start).toBe(false);
    if (!decision.start) expect(decision.message).toMatch(/will not open/u);
  });

  it('starts a packaged build with ordinary arguments, and an unpackaged one with anything', () => {
    expect(launchDecision({ isPackaged: true, argv: [exe, '/home/me/file.shbk'], env: {} })).toEqual({ start: true, dataDir: null });
    expect(launchDecision({ isPackaged: false, argv: ['electron', '--inspect', '--remote-debugging-port=0', 'out/main/index.js'], env: {} }).start).toBe(true);
  });
});

describe('switchName', () => {
  it('reads switches as Chromium does', () => {
    expect(switchName('--inspect-brk=9229')).toBe('inspect-brk');
    expect(switchName('/remote-debugging-port=1', 'win32')).toBe('remote-debugging-port');
    expect(switchName('/home/me/file', 'linux')).toBeNull();
    expect(switchName('plain')).toBeNull();
    expect(switchName('--')).toBeNull();
    expect(refusedSwitches(['x', '--inspect', '--inspect=1', '--js-flags=--x'])).toEqual(['inspect', 'js-flags']);
  });
});

describe('the preferences file', () => {
  it('is written readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'safehold-prefs-'));
    try {
      const { name, ...options } = PREFERENCES_FILE_OPTIONS;
      const store = new Conf<{ preferences?: unknown }>({ ...options, configName: name, cwd: dir, projectName: 'safehold-test' });
      store.set('preferences', { language: 'es' });
      expect(statSync(store.path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
