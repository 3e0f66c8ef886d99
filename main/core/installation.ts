// Main process (plain Node). Never imports electron.
// Creating an installation and opening it. Shared by the app, the CLI and the preview.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { IDLE_LOCK_DEFAULT_MINUTES } from '../../shared/limits';
import type { SessionUser } from '../../shared/schemas/session';
import { Role } from '../../shared/roles';
import { auditKeyOf, auditLog } from '../audit/chain';
import { finishPendingRestore } from '../backup/restore';
import { fsyncDirectory } from '../fs/atomic';
import type { KdfCost } from '../keys/kdf';
import { newKeyring, openWithPassphrase, openWithRecovery, readKeyring, withPassphraseSlot, writeKeyring, type Keyring } from '../keys/keyring';
import { nameKey } from '../keys/names';
import { finishPendingRotation } from '../keys/rotate';
import { noteRevoked } from '../keys/revoked';
import { DATA_KEY_BYTES } from '../store/cipher';
import { closeStore, openStore, type Db } from '../store/open';
import type { DataPaths } from './paths';

export interface OpenSession {
  db: Db;
  dataKey: Buffer;
  auditKey: Buffer;
  user: SessionUser;
}

/** Installed means the keyring exists: it is written last, so it is the commit point of setup. */
export function isInstalled(paths: DataPaths): boolean {
  return existsSync(paths.keyring);
}

export function newUserId(): string {
  return randomBytes(16).toString('hex');
}

export interface CreateInstallationInput {
  paths: DataPaths;
  agencyName: string;
  adminName: string;
  passphrase: string;
  recoveryKey: string;
  cost: KdfCost;
  now: Date;
}

/**
 * Writes the store (under a temporary name), then the keyring. A crash before the keyring lands
 * leaves no installation; a store left by such a crash is moved aside, never reused or deleted.
 */
export async function createInstallation(input: CreateInstallationInput): Promise<{ userId: string }> {
  const { paths } = input;
  if (isInstalled(paths)) throw new Error('already installed');
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const userId = newUserId();
  const pending = `${paths.store}.setup`;
  try {
    for (const leftover of [paths.store, pending]) {
      if (existsSync(leftover)) renameSync(leftover, `${leftover}.orphan-${input.now.getTime()}`);
    }
    rmSync(`${pending}-wal`, { force: true });
    rmSync(`${pending}-shm`, { force: true });
    const keyring = await withPassphraseSlot(newKeyring(dataKey, input.recoveryKey), {
      userId,
      name: input.adminName,
      passphrase: input.passphrase,
      dataKey,
      cost: input.cost,
    });
    const db = openStore({ path: pending, key: dataKey, create: true });
    try {
      const auditKey = auditKeyOf(db);
      db.transaction(() => {
        const at = input.now.toISOString();
        db.prepare('INSERT INTO agency (id, name, created_at) VALUES (1, ?, ?)').run(input.agencyName, at);
        db.prepare('INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
          userId,
          input.adminName,
          nameKey(input.adminName),
          'admin',
          at,
        );
        db.prepare("INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', ?)").run(String(IDLE_LOCK_DEFAULT_MINUTES));
        const log = auditLog(db, auditKey, () => input.now);
        log.append({ actorId: userId, action: 'setup.complete', targetId: userId });
        log.append({ actorId: userId, action: 'key.slot-created', targetId: userId });
        log.append({ actorId: userId, action: 'key.recovery-created' });
      })();
      auditKey.fill(0);
    } finally {
      closeStore(db);
    }
    renameSync(pending, paths.store);
    // Owner-only, like the keyring; SQLite gives its -wal file the same permissions.
    chmodSync(paths.store, 0o600);
    fsyncDirectory(paths.dir);
    writeKeyring(paths.keyring, keyring);
    return { userId };
  } finally {
    dataKey.fill(0);
  }
}

function loadUser(db: Db, userId: string): SessionUser | null {
  const row = db
    .prepare<[string], { id: string; display_name: string; role: string; active: number }>(
      'SELECT id, display_name, role, active FROM users WHERE id = ?',
    )
    .get(userId);
  if (!row || row.active !== 1) return null;
  return { id: row.id, displayName: row.display_name, role: Role.parse(row.role) };
}

/** Opens the store with an unwrapped data key; takes ownership of the key buffer. */
export function openSession(paths: DataPaths, dataKey: Buffer, userId: string): OpenSession | null {
  let db: Db;
  try {
    db = openStore({ path: paths.store, key: dataKey });
  } catch (error) {
    dataKey.fill(0);
    throw error;
  }
  let user: SessionUser | null;
  try {
    user = loadUser(db, userId);
    // An account deactivated here stays closed even if an older store says otherwise.
    if (user && noteRevoked(paths.dir, db).has(userId)) user = null;
  } catch (error) {
    closeStore(db);
    dataKey.fill(0);
    throw error;
  }
  if (!user) {
    closeStore(db);
    dataKey.fill(0);
    return null;
  }
  return { db, dataKey, auditKey: auditKeyOf(db), user };
}

export function closeSession(session: OpenSession): void {
  try {
    closeStore(session.db);
  } finally {
    session.dataKey.fill(0);
    session.auditKey.fill(0);
  }
}

export async function unlockWithPassphrase(paths: DataPaths, name: string, passphrase: string): Promise<OpenSession | null> {
  finishPendingRestore(paths);
  finishPendingRotation(paths);
  const opened = await openWithPassphrase(readKeyring(paths.keyring), name, passphrase);
  if (!opened) return null;
  return openSession(paths, opened.dataKey, opened.userId);
}

export function findUserIdByName(db: Db, name: string, role?: string): string | null {
  const row = db
    .prepare<[string], { id: string; role: string }>('SELECT id, role FROM users WHERE name_key = ? AND active = 1')
    .get(nameKey(name));
  if (!row || (role && row.role !== role)) return null;
  return row.id;
}

/**
 * Total loss: the recovery key opens the store, and the named admin gets a new passphrase slot.
 * Returns null for a wrong recovery key or a name that is not an active admin.
 */
export async function recoverAdmin(
  paths: DataPaths,
  recoveryKey: string,
  name: string,
  newPassphrase: string,
  cost: KdfCost,
): Promise<OpenSession | null> {
  finishPendingRestore(paths);
  finishPendingRotation(paths);
  const keyring = readKeyring(paths.keyring);
  const dataKey = openWithRecovery(keyring, recoveryKey);
  if (!dataKey) return null;
  const db = openStore({ path: paths.store, key: dataKey });
  const userId = findUserIdByName(db, name, 'admin');
  closeStore(db);
  if (!userId) {
    dataKey.fill(0);
    return null;
  }
  const next: Keyring = await withPassphraseSlot(keyring, { userId, name, passphrase: newPassphrase, dataKey, cost });
  writeKeyring(paths.keyring, next);
  return openSession(paths, dataKey, userId);
}
