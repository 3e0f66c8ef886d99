// Main process (plain Node). Never imports electron.
// Data-key rotation, crash-safe at every step. The keyring write is the single commit point:
//   1. copy the (checkpointed, closed) store to safehold.db.rekey;
//   2. rekey the copy in rollback-journal mode (SQLite3MC < 2.4 corrupts a WAL-mode rekey), without
//      fsyncs: the copy is thrown away if anything fails before 4, and is fsynced once after the rekey;
//   3. open the copy with the new key, read every page (quick_check) and compare row counts;
//   4. write keyring.json sealed to the new key, marked pendingSwap   <- commit point;
//   5. rename the copy over safehold.db and clear pendingSwap.
// A crash before 4 leaves the old keyring and the old store (the copy is discarded); a crash after 4
// is finished by finishPendingRotation at the next open. Only the old or only the new key ever works.
import { constants, copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { fsyncDirectory } from '../fs/atomic';
import { STORE_CIPHER } from '../store/cipher';
import { closeStore, openStore, type Db } from '../store/open';
import type { DataPaths } from '../core/paths';
import { readKeyring, resealed, writeKeyring, type Keyring } from './keyring';

export type RotationStep = 'copy' | 'rekey' | 'verify' | 'commit' | 'swap';

const rekeyPath = (paths: DataPaths) => `${paths.store}.rekey`;

function rawKey(key: Buffer): Buffer {
  return Buffer.concat([Buffer.from('raw:', 'latin1'), key]);
}

/** Row counts of every table: cheap to take, and enough next to a page-by-page check (see below). */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Completes a rotation that was committed (keyring written) but not yet swapped in. Idempotent. */
export function finishPendingRotation(paths: DataPaths): void {
  if (!existsSync(paths.keyring)) return;
  const keyring = readKeyring(paths.keyring);
  const copy = rekeyPath(paths);
  if (keyring.pendingSwap) {
    if (existsSync(copy)) {
      rmSync(`${paths.store}-wal`, { force: true });
      renameSync(copy, paths.store);
      fsyncDirectory(paths.dir);
    }
    const { pendingSwap: _done, ...rest } = keyring;
    writeKeyring(paths.keyring, rest);
  } else if (existsSync(copy)) {
    // An uncommitted attempt: the old keyring and store are current, so the copy is discarded.
    rmSync(copy, { force: true });
    rmSync(`${copy}-journal`, { force: true });
  }
}

/**
 * Rotates the data key of a closed store. `keyringAfter` is the keyring to seal the new key into
 * (e.g. without a removed account's slots). The caller wipes both keys afterwards.
 */
export function rotateDataKey(
  paths: DataPaths,
  oldKey: Buffer,
  newKey: Buffer,
  keyringAfter: Keyring,
  onStep: (step: RotationStep) => void = () => {},
): void {
  finishPendingRotation(paths);
  const copy = rekeyPath(paths);

  // The original is read once, to know what the copy must hold.
  const original = openStore({ path: paths.store, key: oldKey });
  const expected = JSON.stringify(rowCounts(original));
  closeStore(original);

  onStep('copy');
  rmSync(copy, { force: true });
  // A clone where the file system can (APFS, btrfs, XFS), an in-kernel copy elsewhere. Not fsynced
  // here: the rekey rewrites every page and the copy is fsynced once after it.
  copyFileSync(paths.store, copy, constants.COPYFILE_FICLONE);

  onStep('rekey');
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.pragma(`cipher = '${STORE_CIPHER}'`);
    const oldMaterial = rawKey(oldKey);
    db.key(oldMaterial);
    oldMaterial.fill(0);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    // Never WAL (see above). SQLite3MC refuses journal_mode=OFF, and MEMORY would hold a second copy
    // of the store in memory, so the journal stays on disk, but unsynced: until the commit point the
    // copy is disposable (a rekey cut short leaves a copy that finishPendingRotation discards), and
    // the copy is fsynced once after the rekey, before it is checked and the keyring committed.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -65536');
    const newMaterial = rawKey(newKey);
    db.rekey(newMaterial);
    newMaterial.fill(0);
  } finally {
    db.close();
  }
  fsyncFile(copy);

  onStep('verify');
  // Every page carries an authentication tag under the new key, so reading every page (quick_check
  // does, and checks the b-tree structure) proves the copy decrypts whole; the counts prove it holds
  // every row. A full content digest would prove no more and cost several times as much.
  const rekeyed = openStore({ path: copy, key: newKey });
  try {
    if (rekeyed.pragma('quick_check', { simple: true }) !== 'ok' || JSON.stringify(rowCounts(rekeyed)) !== expected) {
      throw new Error('The rotated copy does not match the store; nothing was changed.');
    }
  } finally {
    closeStore(rekeyed);
  }

  onStep('commit');
  writeKeyring(paths.keyring, { ...resealed(keyringAfter, newKey), pendingSwap: true });

  onStep('swap');
  finishPendingRotation(paths);
}
