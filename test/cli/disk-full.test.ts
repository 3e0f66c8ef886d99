// A disk that fills up during writes: a plain message, and the store stays whole (every committed
// batch, no partial one, integrity_check ok). Needs a small tmpfs, which needs root.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');
const PASSPHRASE = 'disk full words 2026';
// Not the per-test temp folder: that is removed after each test, before the disk is unmounted.
const small = mkdtempSync(join(tmpdir(), 'safehold-small-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', small]).status === 0;
const REASON = 'needs to mount a 6 MiB tmpfs (root or CAP_SYS_ADMIN); CI runs as root and runs it';

afterAll(() => {
  if (mounted) spawnSync('umount', [small]);
  rmSync(small, { recursive: true, force: true });
});

describe('a full disk', () => {
  it.skipIf(!mounted)(`stops writes with a plain message and leaves the store whole (${REASON})`, () => {
    const dir = join(small, 'store');
    const run = spawnSync(process.execPath, [BIN, 'demo', '--data-dir', dir, '--clients', '20000', '--seed', '3', '--passphrase-stdin'], {
      input: `${PASSPHRASE}\n`,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The disk is full, so the last change was not saved.');
    // Checked on a disk with room (checking writes to the access log).
    const copy = join(tempDir(), 'copy');
    cpSync(dir, copy, { recursive: true });
    const check = spawnSync(process.execPath, [BIN, 'check', '--data-dir', copy, '--name', 'Demo Admin', '--passphrase-stdin'], { input: `${PASSPHRASE}\n`, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    const status = JSON.parse(check.stdout) as { ok: boolean; integrity: string; clients: number };
    expect(status).toMatchObject({ ok: true, integrity: 'ok' });
    expect(status.clients % 1000).toBe(0);
    expect(status.clients).toBeLessThan(20000);
  }, 180_000);
});
