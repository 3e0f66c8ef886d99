// Backups made before the store-copy speed-up still restore: 1 MiB chunks and a manifest that carries a
// digest of every row (no longer made or recomputed, format.ts says why). And a backup made now
// restores to the same rows, in chunks of the new size.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUpSession } from '../../main/backup/session';
import { readBackupFile } from '../../main/backup/verify';
import { BackupManifest, backupKeys, DEFAULT_CHUNK_BYTES, END, layout, manifestAad, open, seal, u32 } from '../../main/backup/format';
import { restoreBackup } from '../../main/backup/restore';
import { dataPaths } from '../../main/core/paths';
import { seedClients } from '../../main/demo/generator';
import type { Db } from '../../main/store/open';
import { setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

/** The digest of every row that format-1 manifests carried before (the old facts.ts, verbatim). */
function oldContentDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'client_search_%' ORDER BY name").all();
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v)));
    }
  }
  return hash.digest('hex');
}

describe('backup format compatibility', () => {
  it('restores a backup whose manifest carries the old digest of every row, in 1 MiB chunks', async () => {
    const t = await setUpCore();
    const session = t.control.current!;
    seedClients(session.db, { count: 40, seed: 5, today: t.clock.now(), workerIds: [session.user.id] });
    const paths = dataPaths(t.dataDir);
    const made = backUpSession(session, paths, tempDir('safehold-usb-'), t.clock.now(), 1 << 20);
    const digest = oldContentDigest(session.db);

    // Re-seal the manifest as the old code wrote it: the same fields plus contentDigest.
    const file = readBackupFile(made.file);
    const keys = backupKeys(session.dataKey, Buffer.from(file.header.backupId, 'hex'));
    const aad = manifestAad(file.headerBytes, createHash('sha256').update(file.keyringBytes).digest());
    const manifest = BackupManifest.parse(JSON.parse(open(keys.manifest, file.sealedManifest, aad).toString('utf8')));
    expect(manifest.contentDigest).toBeUndefined();
    const sealed = seal(keys.manifest, Buffer.from(JSON.stringify({ ...manifest, contentDigest: digest }), 'utf8'), aad);
    const bytes = readFileSync(made.file);
    const at = layout(file.headerBytes.length, file.header);
    const old = join(tempDir('safehold-old-'), 'old.shbk');
    writeFileSync(old, Buffer.concat([bytes.subarray(0, at.manifestAt), sealed, u32(sealed.length), END]));
    expect(file.header.chunkBytes).toBe(1 << 20);

    await t.ok('session.lock', {});
    const restored = await restoreBackup({ paths, file: old, secret: { recoveryKey: t.recoveryKey }, now: t.clock.now() });
    expect(restored.summary).toMatchObject({ clients: 40, auditLogIntact: true });
  });

  it('makes new backups in chunks of the default size (4 MiB)', async () => {
    const t = await setUpCore();
    const session = t.control.current!;
    const made = backUpSession(session, dataPaths(t.dataDir), tempDir('safehold-usb-'), t.clock.now());
    expect(readBackupFile(made.file).header.chunkBytes).toBe(DEFAULT_CHUNK_BYTES);
  });
});
