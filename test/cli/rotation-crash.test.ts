// Data-key rotation killed at random moments: afterwards the store always opens (with the one key
// the keyring holds), passes its checks and holds every case. Never neither key.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../main/demo/generator';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');
const PASSPHRASE = 'rotation crash words 77';
const TRIALS = Number(process.env.SAFEHOLD_KILL_TRIALS ?? 10);

function safehold(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { input: `${PASSPHRASE}\n`, encoding: 'utf8', timeout: 120_000 });
}

function check(dir: string): { ok: boolean; clients: number; auditLog: { intact: boolean } } {
  const run = safehold(['check', '--data-dir', dir, '--name', 'Demo Admin', '--passphrase-stdin']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReturnType<typeof check>;
}

const STEPS = ['copy', 'rekey', 'verify', 'commit', 'swap'] as const;

/**
 * Runs rotate-key and kills it with SIGKILL `delayMs` after it reports reaching `step` (the tool
 * prints each step as it starts it). Resolves with whether the kill interrupted it.
 */
function rotateAndKill(dir: string, step: (typeof STEPS)[number] | null, delayMs: number): Promise<{ killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'rotate-key', '--data-dir', dir, '--name', 'Demo Admin', '--passphrase-stdin'], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.end(`${PASSPHRASE}\n`);
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (step && seen.includes(`rotate-key: ${step}`)) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => done({ killed: signal === 'SIGKILL' }));
  });
}

describe('data-key rotation under kill -9', () => {
  it(`survives ${TRIALS} kills at random points`, async () => {
    const dir = join(tempDir(), 'store');
    const made = safehold(['demo', '--data-dir', dir, '--clients', '300', '--seed', '5', '--passphrase-stdin']);
    expect(made.status, made.stderr).toBe(0);
    expect(check(dir).clients).toBe(300);

    expect((await rotateAndKill(dir, null, 0)).killed).toBe(false);
    const rng = seededRng(2026);
    let killedDuringRun = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      // Every step in turn, a few milliseconds in (0 to 15 ms, seeded).
      const step = STEPS[trial % STEPS.length]!;
      const delay = Math.floor(rng() * 15);
      const { killed } = await rotateAndKill(dir, step, delay);
      if (killed) killedDuringRun += 1;
      const status = check(dir);
      expect(status, `trial ${trial}: killed ${delay} ms into ${step}`).toMatchObject({ ok: true, clients: 300, auditLog: { intact: true } });
    }
    // Most kills must really have interrupted a rotation, or this test proves nothing.
    expect(killedDuringRun).toBeGreaterThan(TRIALS / 2);
  }, 600_000);
});
