// Kill tests for team sync (issue 13), made deterministic: the built CLI in child processes, stopped
// with SIGKILL exactly at a named point (SAFEHOLD_TEST_SYNC_PAUSE, main/sync/team/test-pause.ts: the
// process writes the point's name to a marker file and waits there), on the sending side (bundle half
// written; bundle in place but not yet noted in the store), on the receiving side (mid projection;
// everything applied but not committed) and in a key rotation (revoking a laptop). After each kill:
// the store opens, `safehold check` passes, and the next rounds converge with the other laptop.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeSession, unlockWithPassphrase } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { dump } from '../helpers/sync-laptops';
import { ADMIN, as, BIN, check, inviteAndJoin, ok, PASS, safehold, SUPERVISOR, sync, WORKER } from '../helpers/team-cli';
import { tempDir } from '../helpers/tmp';



let people = 0;
function importClients(dir: string, n: number): void {
  const file = join(tempDir('safehold-sheets-'), 'clients.csv');
  const rows = Array.from({ length: n }, () => `Person Killed ${(people += 1)}`);
  writeFileSync(file, `chosen_name\n${rows.join('\n')}\n`);
  ok(safehold(['import', ...as(dir, ADMIN), '--kind', 'clients', '--file', file]));
}

/** Runs the command until it reaches `point`, then kills it there (SIGKILL) and checks it was there. */
async function killAt(point: string, args: string[]): Promise<void> {
  const marker = join(tempDir(), 'marker');
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, SAFEHOLD_TEST_SYNC_PAUSE: point, SAFEHOLD_TEST_SYNC_MARKER: marker },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  child.stdin.end(`${PASS}\n`);
  for (let waited = 0; !existsSync(marker); waited += 1) {
    if (child.exitCode !== null || waited > 6000) throw new Error(`never reached ${point}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
  expect(readFileSync(marker, 'utf8')).toBe(point);
}

/** Every synced row of both stores (local integer ids by their global names), compared whole. */
async function dumps(...laptops: [string, string][]): Promise<Record<string, unknown[]>[]> {
  const out: Record<string, unknown[]>[] = [];
  for (const [dir, name] of laptops) {
    const session = await unlockWithPassphrase(dataPaths(dir), name, PASS);
    expect(session).not.toBeNull();
    try {
      out.push(dump(session!.db));
    } finally {
      closeSession(session!);
    }
  }
  return out;
}

describe('team sync killed at named points', () => {
  it('leaves stores that open and pass check, and the next rounds converge', async () => {
    const folder = tempDir('safehold-shared-');
    const a = join(tempDir(), 'admin');
    ok(safehold(['demo', '--data-dir', a, '--clients', '12', '--seed', '5', '--passphrase-stdin'], `${PASS}\n`));
    const aLaptop = (JSON.parse(ok(safehold(['team', 'create', ...as(a, ADMIN), '--folder', folder])).stdout) as { laptop: string }).laptop;
    const { dir: b } = inviteAndJoin(a, folder, SUPERVISOR);
    const { laptop: cLaptop } = inviteAndJoin(a, folder, WORKER);
    sync(a, ADMIN);
    sync(b, SUPERVISOR);
    let total = check(a, ADMIN).clients;
    expect(check(b, SUPERVISOR).clients).toBe(total);

    // Sending side, killed with its bundle half written (a temporary file; nothing under a real name).
    importClients(a, 4);
    total += 4;
    await killAt('bundle-write', ['sync', ...as(a, ADMIN)]);
    const temps = readdirSync(join(folder, aLaptop)).filter((f) => f.startsWith('.') && f.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(statSync(join(folder, aLaptop, temps[0]!)).size).toBeGreaterThan(0);
    expect(check(a, ADMIN)).toMatchObject({ ok: true, integrity: 'ok', clients: total });
    sync(b, SUPERVISOR);
    expect(check(b, SUPERVISOR).clients).toBe(total - 4);
    sync(a, ADMIN);
    sync(b, SUPERVISOR);
    expect(check(b, SUPERVISOR).clients).toBe(total);

    // Sending side, killed after its bundle was renamed into place but before its store noted it.
    importClients(a, 4);
    total += 4;
    await killAt('bundle-written', ['sync', ...as(a, ADMIN)]);
    expect(check(a, ADMIN)).toMatchObject({ ok: true, integrity: 'ok', clients: total });
    sync(b, SUPERVISOR);
    sync(a, ADMIN);
    sync(b, SUPERVISOR);
    expect(check(b, SUPERVISOR).clients).toBe(total);

    // Receiving side, killed mid projection, then with everything applied but not committed.
    for (const point of ['projection', 'apply']) {
      importClients(a, 4);
      total += 4;
      sync(a, ADMIN);
      await killAt(point, ['sync', ...as(b, SUPERVISOR)]);
      expect(check(b, SUPERVISOR), point).toMatchObject({ ok: true, integrity: 'ok', clients: total - 4 });
      sync(b, SUPERVISOR);
      expect(check(b, SUPERVISOR).clients, point).toBe(total);
    }

    // An administrator revoking a laptop, killed mid key rotation; the other laptop syncs meanwhile;
    // the revocation is run again and succeeds; what the administrator writes next still reaches it.
    await killAt('key-rotation', ['team', 'revoke', ...as(a, ADMIN), '--laptop', cLaptop]);
    expect(check(a, ADMIN)).toMatchObject({ ok: true, integrity: 'ok' });
    sync(b, SUPERVISOR);
    ok(safehold(['team', 'revoke', ...as(a, ADMIN), '--laptop', cLaptop]));
    importClients(a, 4);
    total += 4;
    sync(a, ADMIN);
    sync(b, SUPERVISOR);
    expect(check(b, SUPERVISOR).clients).toBe(total);

    // Both ways, then every synced row alike.
    sync(b, SUPERVISOR);
    sync(a, ADMIN);
    const [da, db] = await dumps([a, ADMIN], [b, SUPERVISOR]);
    expect(db).toEqual(da);
  }, 900_000);
});
