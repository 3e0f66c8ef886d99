// `safehold team revoke --data-dir DIR --laptop ID` as agency IT runs it (the built bin in child
// processes): it succeeds with exit 0 and one JSON line; the revoked laptop can read nothing written
// after (its rounds refuse the new files: no key), and what it writes afterwards is refused by the
// others' `safehold sync` and never applied; revoking again is refused with exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeSession, unlockWithPassphrase } from '../../main/core/installation';
import { dataPaths } from '../../main/core/paths';
import { syncRound } from '../../main/sync/team/round';
import { testCore } from '../helpers/core';
import { ADMIN, as, inviteAndJoin, ok, PASS, safehold, SUPERVISOR, WORKER } from '../helpers/team-cli';
import { tempDir } from '../helpers/tmp';


const clients = (dir: string, name: string) => (JSON.parse(ok(safehold(['check', ...as(dir, name)])).stdout) as { clients: number }).clients;

describe('safehold team revoke', () => {
  it('revokes a laptop: exit 0; it reads nothing written after, and its later files are refused', async () => {
    const folder = tempDir('safehold-shared-');
    const a = join(tempDir(), 'admin');
    ok(safehold(['demo', '--data-dir', a, '--clients', '10', '--seed', '6', '--passphrase-stdin'], `${PASS}\n`));
    const aLaptop = (JSON.parse(ok(safehold(['team', 'create', ...as(a, ADMIN), '--folder', folder])).stdout) as { laptop: string }).laptop;
    const b = inviteAndJoin(a, folder, SUPERVISOR);
    const c = inviteAndJoin(a, folder, WORKER);
    for (const [dir, name] of [[a, ADMIN], [b.dir, SUPERVISOR], [c.dir, WORKER]] as const) ok(safehold(['sync', ...as(dir, name)]));

    const revoked = ok(safehold(['team', 'revoke', ...as(a, ADMIN), '--laptop', c.laptop]));
    expect(JSON.parse(revoked.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: true, laptop: c.laptop, epoch: expect.any(String) });
    expect(safehold(['team', 'revoke', ...as(a, ADMIN), '--laptop', c.laptop]).code).toBe(2);
    ok(safehold(['sync', ...as(b.dir, SUPERVISOR)]));

    // Written after the revocation on the administrator's laptop: the revoked laptop cannot read it.
    const file = join(tempDir('safehold-sheets-'), 'clients.csv');
    writeFileSync(file, 'chosen_name\nAfter Revoke One\nAfter Revoke Two\n');
    ok(safehold(['import', ...as(a, ADMIN), '--kind', 'clients', '--file', file]));
    ok(safehold(['sync', ...as(a, ADMIN)]));
    const cSync = ok(safehold(['sync', ...as(c.dir, WORKER)]));
    expect(cSync.stderr).toMatch(/could not be used yet/u);
    const session = await unlockWithPassphrase(dataPaths(c.dir), WORKER, PASS);
    try {
      const round = syncRound(session!.db);
      expect(round.refused).toContainEqual(expect.objectContaining({ laptop: aLaptop, reason: 'no-key' }));
      expect(session!.db.prepare("SELECT count(*) FROM clients WHERE chosen_name LIKE 'After Revoke%'").pluck().get()).toBe(0);
    } finally {
      closeSession(session!);
    }
    // The supervisor's laptop has the new team key and reads it.
    const before = clients(b.dir, SUPERVISOR);
    ok(safehold(['sync', ...as(b.dir, SUPERVISOR)]));
    expect(clients(b.dir, SUPERVISOR)).toBe(before + 2);

    // The revoked laptop writes a case (through its own app core) and syncs: the others refuse the file.
    const cw = testCore(c.dir);
    await cw.ok('session.unlock', { name: WORKER, passphrase: PASS });
    await cw.ok('clients.create', { chosenName: 'From The Revoked Laptop' });
    syncRound(cw.control.current!.db);
    await cw.ok('session.lock', {});
    const held = clients(b.dir, SUPERVISOR);
    const bSync = ok(safehold(['sync', ...as(b.dir, SUPERVISOR)]));
    expect(bSync.stderr).toMatch(/could not be used yet/u);
    expect(clients(b.dir, SUPERVISOR)).toBe(held);
    const aSync = ok(safehold(['sync', ...as(a, ADMIN)]));
    expect(aSync.stderr).toMatch(/could not be used yet/u);
    expect(clients(a, ADMIN)).toBe(held);
  }, 900_000);
});
