// Main process (plain Node). Never imports electron.
// Who may restore (or look inside) a backup where a store already exists, and what opens the backup.
// Over an existing store the person must be an administrator of THAT store: signed in, or their
// name and current passphrase checked against the current keyring; or hold the CURRENT recovery
// key. A secret that was valid only when the backup was made is not enough (a caseworker, a demoted
// or deactivated admin, a regenerated recovery key, a stranger with their own backup). The backup
// then opens with the current data key (no rotation since it was made) or with a secret valid for it.
// On a computer with no store yet, the backup's own secrets are enough (a new computer).
import { createHash, timingSafeEqual } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditKeyOf, signerFor } from '../audit/chain';
import type { DataPaths } from '../core/paths';
import { KeyringError, openWithPassphrase, openWithRecovery, readKeyring, type Opened } from '../keys/keyring';
import type { Signer } from '../keys/identity';
import { readRevoked } from '../keys/revoked';
import { closeStore, openStore, type Db } from '../store/open';
import { BackupError, damaged } from './errors';
import { backupKeys, manifestAad, open, wipeKeys } from './format';
import { unlockBackup, type BackupFile, type BackupSecret, type UnlockedBackup } from './verify';

/**
 * Runs one passphrase attempt against the current keyring the way sign-in does (the app passes its
 * throttle: attempts per name one at a time, counted before the key is derived).
 */
export type AttemptGuard = (name: string, attempt: () => Promise<Opened | null>) => Promise<Opened | null>;

/** How the person shows they may replace the store that is here now. */
export type StoreAuthority =
  | { kind: 'secret'; secret: BackupSecret; guard?: AttemptGuard }
  /** A signed-in administrator: the app's open session (its store stays open; `release` closes it before the swap). */
  | { kind: 'session'; db: Db; dataKey: Buffer; auditKey: Buffer; userId: string; release: () => void };

/** The current store, opened for the restore: read for what carries over, closed before the swap. */
export interface LiveStore {
  db: Db;
  dataKey: Buffer;
  auditKey: Buffer;
  /** The administrator who authorized it; null for the recovery key. */
  actorId: string | null;
  /** Signs the restore's own log entries as that administrator (a signed-in session's key); null otherwise. */
  signer: Signer | null;
  /** false for a signed-in session: the caller's store, closed only just before the swap. */
  owned: boolean;
  /** Closes the store (or releases the session) and wipes what this module opened. Safe to call twice. */
  close(): void;
}

export const NOT_AUTHORIZED =
  'Restoring over the records on this computer needs an administrator of this computer (their name and current passphrase) or the current recovery key. Nothing was changed.';
export const NEEDS_BACKUP_SECRET =
  'This backup was made under an earlier key, so it also needs a secret of its own: a name and passphrase that were valid when it was made, or the recovery key of that time. Nothing was changed.';

const notAuthorized = () => new BackupError('not-authorized', NOT_AUTHORIZED);

/** The authority given, or else the one secret given (an admin's passphrase or the recovery key usually opens both). */
export function authorityFor(input: { authority?: StoreAuthority; secret?: BackupSecret }): StoreAuthority {
  if (input.authority) return input.authority;
  if (input.secret) return { kind: 'secret', secret: input.secret };
  throw notAuthorized();
}

function isActiveAdmin(db: Db, userId: string, revoked: Set<string>): boolean {
  const row = db.prepare<[string], { role: string; active: number }>('SELECT role, active FROM users WHERE id = ?').get(userId);
  return row?.role === 'admin' && row.active === 1 && !revoked.has(userId);
}

/**
 * Opens the store that is here now for someone allowed to replace it. Throws `not-authorized` for a
 * wrong secret, a secret of the backup's time only, or an account that is not an active administrator.
 */
export async function openLiveStore(paths: DataPaths, authority: StoreAuthority): Promise<LiveStore> {
  const revoked = readRevoked(paths.dir);
  if (authority.kind === 'session') {
    if (!isActiveAdmin(authority.db, authority.userId, revoked)) throw notAuthorized();
    let released = false;
    return {
      db: authority.db,
      dataKey: authority.dataKey,
      auditKey: authority.auditKey,
      actorId: authority.userId,
      signer: signerFor(authority.db),
      owned: false,
      close() {
        if (released) return;
        released = true;
        authority.release();
      },
    };
  }
  let keyring;
  try {
    keyring = readKeyring(paths.keyring);
  } catch (error) {
    if (error instanceof KeyringError) throw notAuthorized();
    throw error;
  }
  const { secret, guard } = authority;
  let dataKey: Buffer | null;
  let actorId: string | null = null;
  if ('recoveryKey' in secret) {
    dataKey = openWithRecovery(keyring, secret.recoveryKey);
  } else {
    const attempt = () => openWithPassphrase(keyring, secret.name, secret.passphrase);
    const opened = guard ? await guard(secret.name, attempt) : await attempt();
    dataKey = opened?.dataKey ?? null;
    actorId = opened?.userId ?? null;
  }
  if (!dataKey) throw notAuthorized();
  // An administrator's role is read from the store now; for the recovery key the store is opened only
  // when it is needed (staging), so checking a backup costs no more than before.
  let db: Db | null = null;
  if (actorId !== null) {
    try {
      db = openStore({ path: paths.store, key: dataKey });
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    if (!isActiveAdmin(db, actorId, revoked)) {
      closeStore(db);
      dataKey.fill(0);
      throw notAuthorized();
    }
  }
  return storeOpenedOnUse(paths, dataKey, db, actorId);
}

function storeOpenedOnUse(paths: DataPaths, dataKey: Buffer, opened: Db | null, actorId: string | null): LiveStore {
  let db = opened;
  let auditKey: Buffer | null = null;
  let closed = false;
  const store = (): Db => {
    if (closed) throw new Error('The current store was closed.');
    db ??= openStore({ path: paths.store, key: dataKey });
    return db;
  };
  return {
    get db() {
      return store();
    },
    get auditKey() {
      auditKey ??= auditKeyOf(store());
      return auditKey;
    },
    dataKey,
    actorId,
    signer: null,
    owned: true,
    close() {
      if (closed) return;
      closed = true;
      try {
        if (db) closeStore(db);
      } finally {
        dataKey.fill(0);
        auditKey?.fill(0);
      }
    },
  };
}

/** Does this data key open the backup's sealed manifest (it is the key the backup was made under)? */
export function keyOpensBackup(file: BackupFile, dataKey: Buffer): boolean {
  const keys = backupKeys(dataKey, Buffer.from(file.header.backupId, 'hex'));
  try {
    const keyringSha = createHash('sha256').update(file.keyringBytes).digest();
    open(keys.manifest, file.sealedManifest, manifestAad(file.headerBytes, keyringSha)).fill(0);
    return true;
  } catch {
    return false;
  } finally {
    wipeKeys(keys);
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Opens the backup for a restore over an existing store: with the current data key when the backup
 * was made under it, else with the secret given for the backup. The caller wipes the returned key.
 */
export async function unlockOverStore(file: BackupFile, workDir: string, live: LiveStore, secret: BackupSecret | undefined): Promise<UnlockedBackup> {
  if (keyOpensBackup(file, live.dataKey)) {
    const path = join(workDir, 'keyring.json');
    writeFileSync(path, file.keyringBytes, { mode: 0o600, flag: 'wx' });
    try {
      return { keyring: readKeyring(path), dataKey: Buffer.from(live.dataKey), userId: live.actorId };
    } catch (error) {
      if (error instanceof KeyringError) throw damaged();
      throw error;
    } finally {
      rmSync(path, { force: true });
    }
  }
  if (!secret) throw new BackupError('needs-backup-secret', NEEDS_BACKUP_SECRET);
  return unlockBackup(file, workDir, secret);
}
