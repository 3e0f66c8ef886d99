// What the packaged app is built with: the fuses that close Node's back doors, and macOS entitlements
// without disable-library-validation. Read from the files electron-builder reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const builder = readFileSync('electron-builder.yml', 'utf8');

/** `key: value` lines of one top-level section of the YAML file (flat sections only). */
function section(name: string): Record<string, string> {
  const lines = builder.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  expect(start, `${name} section`).toBeGreaterThanOrEqual(0);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line !== '' && !line.startsWith(' ')) break;
    const m = /^ {2}([A-Za-z]+):\s*(\S.*)$/u.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

describe('electron-builder.yml', () => {
  it('flips the fuses that refuse Node debugging, NODE_OPTIONS, run-as-node and a swapped app', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('signs macOS builds with its own entitlements, and none of them disables library validation', () => {
    const mac = section('mac');
    expect(mac.hardenedRuntime).toBe('true');
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('build/entitlements.mac.plist');
    for (const file of [mac.entitlements!, mac.entitlementsInherit!]) {
      const plist = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/gu, '');
      expect(plist).not.toMatch(/disable-library-validation/u);
      expect(plist).toMatch(/com\.apple\.security\.cs\.allow-jit/u);
    }
  });
});
