// Writes killed at random moments: every acknowledged write is there after reopening, no
// half-written batch is visible, and integrity_check is ok. The writer is `safehold demo`, which
// reports each committed batch of 1,000 cases on standard error only after its COMMIT returned.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../main/demo/generator';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');
const PASSPHRASE = 'write crash words 4242';
const TRIALS = Number(process.env.SAFEHOLD_WRITE_KILL_TRIALS ?? 3);

function killDuringWrites(dir: string, delayMs: number): Promise<{ acknowledged: number; killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'demo', '--data-dir', dir, '--clients', '20000', '--seed', '9', '--passphrase-stdin'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    child.stdin.end(`${PASSPHRASE}\n`);
    let acknowledged = 0;
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/written: (\d+) of/gu)) acknowledged = Math.max(acknowledged, Number(match[1]));
      if (!armed && acknowledged > 0) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (_code, signal) => done({ acknowledged, killed: signal === 'SIGKILL' }));
  });
}

describe('writes under kill -9', () => {
  it(`keep every acknowledged batch and no partial one, ${TRIALS} times`, async () => {
    const rng = seededRng(77);
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const dir = join(tempDir(), 'store');
      const delay = Math.floor(rng() * 1500);
      const { acknowledged, killed } = await killDuringWrites(dir, delay);
      expect(killed, `trial ${trial} finished before the kill`).toBe(true);
      const check = spawnSync(process.execPath, [BIN, 'check', '--data-dir', dir, '--name', 'Demo Admin', '--passphrase-stdin'], {
        input: `${PASSPHRASE}\n`,
        encoding: 'utf8',
      });
      expect(check.status, check.stderr).toBe(0);
      const status = JSON.parse(check.stdout) as { ok: boolean; integrity: string; clients: number };
      expect(status).toMatchObject({ ok: true, integrity: 'ok' });
      // Everything acknowledged is there; a batch is all there or not at all.
      expect(status.clients, `trial ${trial}: killed ${delay} ms after the first batch`).toBeGreaterThanOrEqual(acknowledged);
      expect(status.clients % 1000).toBe(0);
    }
  }, 300_000);
});
