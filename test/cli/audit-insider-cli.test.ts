// Issue 11, finding 2a through the command line: a caseworker deletes three of the admin's
// access-log entries offline with their own passphrase, re-chains the log and rewrites the anchors;
// `safehold audit verify` (built bin, as people run it) names the first deleted entry. And a deleted
// anchor beside the store fails it too (finding 3).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnchor } from '../../main/audit/anchor';
import { auditKeyOf, entryMac } from '../../main/audit/chain';
import { openWithPassphrase, readKeyring } from '../../main/keys/keyring';
import { closeStore, openStore } from '../../main/store/open';
import { addStaff, ADMIN, PASSPHRASE, setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');

function verify(dataDir: string, config: string) {
  const run = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--data-dir', dataDir, '--name', ADMIN, '--passphrase-stdin'], {
    input: `${PASSPHRASE}\n`,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, XDG_CONFIG_HOME: config },
  });
  return { code: run.status, out: JSON.parse(run.stdout || '{}') as { intact?: boolean; firstBadSeq?: number | null; anchor?: string }, stderr: run.stderr };
}

describe('safehold audit verify against an insider with the data folder', () => {
  it('names the first of three deleted entries after a re-chain, and fails on a deleted anchor', async () => {
    const t = await setUpCore();
    const caseworker = await addStaff(t, 'caseworker', 'Casey Offline');
    const client = await t.ok('clients.create', { chosenName: 'Synthetic Person' });
    for (let i = 0; i < 6; i += 1) await t.ok('clients.get', { id: client.id, breakGlassReason: null });
    await t.ok('session.lock', {});
    const config = tempDir();
    expect(verify(t.dataDir, config)).toMatchObject({ code: 0, out: { intact: true } });

    const opened = await openWithPassphrase(readKeyring(join(t.dataDir, 'keyring.json')), caseworker.name, caseworker.passphrase);
    const db = openStore({ path: join(t.dataDir, 'safehold.db'), key: opened!.dataKey });
    const auditKey = auditKeyOf(db);
    type Row = { seq: number; at: string; actor_id: string | null; action: string; target_id: string | null; outcome: string; mac: Buffer; detail: string | null; signer: string | null; sig: Buffer | null };
    const rows = db.prepare<[], Row>('SELECT seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig FROM audit_log ORDER BY seq').all();
    const victims = rows.filter((r) => r.action === 'client.view').slice(1, 4).map((r) => r.seq);
    db.transaction(() => {
      db.prepare('DELETE FROM audit_log').run();
      let previous: Buffer = Buffer.alloc(32);
      rows
        .filter((r) => !victims.includes(r.seq))
        .forEach((r, i) => {
          const row = { ...r, seq: i + 1 };
          const mac = entryMac(auditKey, previous, row);
          db.prepare('INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            row.seq, row.at, row.actor_id, row.action, row.target_id, row.outcome, mac, row.detail, row.signer, row.sig,
          );
          previous = mac;
        });
    })();
    writeAnchor(t.dataDir, db, auditKey);
    closeStore(db);
    // A computer that never saw this store before: only the signatures can tell.
    const tampered = verify(t.dataDir, tempDir());
    expect(tampered.code).toBe(1);
    expect(tampered.out).toMatchObject({ intact: false, firstBadSeq: victims[0] });

    const clean = await setUpCore();
    await clean.ok('session.lock', {});
    rmSync(join(clean.dataDir, 'audit-anchor.json'));
    const missing = verify(clean.dataDir, tempDir());
    expect(missing.stderr).toMatch(/no record of this store/u);
    expect(missing).toMatchObject({ code: 1, out: { intact: false, anchor: 'missing' } });
  });
});
