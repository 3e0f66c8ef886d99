// `safehold backup` and `safehold restore` as an agency's IT person runs them, and restore killed at
// random moments: afterwards the data folder opens with the old store or the restored one (never
// neither, never a mix of one's keyring and the other's store), passes its checks and holds every case.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../main/demo/generator';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');
const PASSPHRASE = 'restore crash words 31';
const TRIALS = Number(process.env.SAFEHOLD_KILL_TRIALS ?? 8);

function safehold(args: string[], stdin = `${PASSPHRASE}\n`) {
  return spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', timeout: 120_000 });
}

function check(dir: string): { ok: boolean; clients: number; integrity: string; auditLog: { intact: boolean; anchor: string } } {
  const run = safehold(['check', '--data-dir', dir, '--name', 'Demo Admin', '--passphrase-stdin']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReturnType<typeof check>;
}

/** A demo store and a backup of it; returns the backup file and the recovery key printed at setup. */
function demoBackup(root: string, name: string, clients: number, seed: number): { file: string; recoveryKey: string } {
  const dir = join(root, name);
  const made = safehold(['demo', '--data-dir', dir, '--clients', String(clients), '--seed', String(seed), '--passphrase-stdin']);
  expect(made.status, made.stderr).toBe(0);
  const recoveryKey = /\b(?:[0-9A-Z]{4}-){7}[0-9A-Z]{4}\b/u.exec(made.stdout)![0];
  const backup = safehold(['backup', '--data-dir', dir, '--to', root, '--name', 'Demo Admin', '--passphrase-stdin']);
  expect(backup.status, backup.stderr).toBe(0);
  const { file } = JSON.parse(backup.stdout) as { file: string };
  return { file, recoveryKey };
}

const STEPS = ['verify', 'stage', 'commit', 'swap', 'prove'] as const;

/**
 * Over an existing store the administrator here vouches (Demo Admin's current passphrase) and the
 * backup opens with its own recovery key; into an empty folder the backup's recovery key alone.
 */
function restoreAndKill(dir: string, backup: { file: string; recoveryKey: string }, step: (typeof STEPS)[number] | null, delayMs: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((done) => {
    const overStore = existsSync(join(dir, 'keyring.json'));
    const secrets = overStore ? ['--name', 'Demo Admin', '--passphrase-stdin', '--backup-recovery-key-stdin'] : ['--recovery-key-stdin'];
    const child = spawn(process.execPath, [BIN, 'restore', '--data-dir', dir, '--from', backup.file, ...secrets], { stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.end(overStore ? `${PASSPHRASE}\n${backup.recoveryKey}\n` : `${backup.recoveryKey}\n`);
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (step && seen.includes(`restore: ${step}`)) {
        if (delayMs === 0) child.kill('SIGKILL');
        else setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => done({ killed: signal === 'SIGKILL', code }));
  });
}

describe('safehold backup and restore', () => {
  it('backs up, and restores into an empty folder with the recovery key; the file is not readable', () => {
    const root = tempDir();
    const backup = demoBackup(root, 'office', 40, 3);
    expect(readFileSync(backup.file).subarray(0, 16).toString('latin1')).toBe('SAFEHOLD-BACKUP\n');
    expect(scanForCanaries([root], ['Demo Agency (fictional)']).filter((hit) => hit.includes('.shbk'))).toEqual([]);

    // The recovery key is never an argument.
    expect(safehold(['restore', '--data-dir', join(root, 'x'), '--from', backup.file, '--recovery-key', backup.recoveryKey]).status).toBe(2);
    const restored = safehold(['restore', '--data-dir', join(root, 'new-laptop'), '--from', backup.file, '--recovery-key-stdin'], `${backup.recoveryKey}\n`);
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ ok: true, clients: 40, auditLogIntact: true, previous: null });
    expect(check(join(root, 'new-laptop'))).toMatchObject({ ok: true, clients: 40, integrity: 'ok', auditLog: { intact: true, anchor: 'matches' } });

    const wrong = safehold(['restore', '--data-dir', join(root, 'new-laptop'), '--from', backup.file, '--name', 'Demo Admin', '--passphrase-stdin'], 'not the passphrase\n');
    expect(wrong.status).toBe(2);
    // A store is there now: a wrong passphrase does not vouch for replacing it.
    expect(wrong.stderr).toMatch(/needs an administrator of this computer .*Nothing was changed\./u);
  }, 120_000);

  it(`restore survives ${TRIALS} kills at random points: the old store or the restored one, never neither`, async () => {
    const root = tempDir();
    const big = demoBackup(root, 'big', 300, 5);
    const small = demoBackup(root, 'small', 120, 6);
    const clientsIn = new Map([
      [big.file, 300],
      [small.file, 120],
    ]);
    const dir = join(root, 'target');
    expect((await restoreAndKill(dir, big, null, 0)).code).toBe(0);
    let current = check(dir).clients;
    expect(current).toBe(300);

    const rng = seededRng(31);
    let killed = 0;
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const backup = trial % 2 === 0 ? small : big;
      const step = STEPS[trial % STEPS.length]!;
      const delay = Math.floor(rng() * 4);
      const run = await restoreAndKill(dir, backup, step, delay);
      if (run.killed) killed += 1;
      const status = check(dir);
      expect(status, `trial ${trial}: killed ${delay} ms into ${step}`).toMatchObject({ ok: true, integrity: 'ok', auditLog: { intact: true } });
      expect([current, clientsIn.get(backup.file)], `trial ${trial}: ${step}`).toContain(status.clients);
      current = status.clients;
      expect(readdirSync(dir)).not.toContain('restore-pending.json');
    }
    expect(killed).toBeGreaterThan(TRIALS / 2);
  }, 600_000);
});
