// Main process (plain Node). Never imports electron.
// Creating an installation and opening it. Shared by the app, the CLI and the preview.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { IDLE_LOCK_DEFAULT_MINUTES } from '../../shared/limits';
import type { SessionUser } from '../../shared/schemas/session';
import { Role } from '../../shared/roles';
import { writeAnchors, type AnchorKeeper, type AnchorStatus, storeIdOf } from '../audit/anchor';
import { auditKeyOf, auditLog, bindSigner } from '../audit/chain';
import { logRoot, recordKeys } from '../audit/identities';
import { newIdentity, signerOf, wipeIdentity, type Identity } from '../keys/identity';
import { finishPendingRestore } from '../backup/restore';
import { fsyncDirectory } from '../fs/atomic';
import type { KdfCost } from '../keys/kdf';
import {
  newKeyring,
  openRecoveryIdentity,
  openWithPassphrase,
  openWithRecovery,
  passphraseSlots,
  readKeyring,
  slotLookup,
  withPassphraseSlot,
  writeKeyring,
  type Keyring,
} from '../keys/keyring';
import { nameKey } from '../keys/names';
import { finishPendingRotation } from '../keys/rotate';
import { noteRevoked } from '../keys/revoked';
import { DATA_KEY_BYTES } from '../store/cipher';
import { closeStore, openStore, type Db } from '../store/open';
import type { DataPaths } from './paths';
import { forgetAllUploads } from '../documents/staging';

export interface OpenSession {
  db: Db;
  dataKey: Buffer;
  auditKey: Buffer;
  user: SessionUser;
  /** The person's own signing and sealing keys (null only for a session opened without them). */
  identity: Identity | null;
  /** The anchors as they stood when this session began, before it wrote anything. */
  anchorsAtStart?: AnchorStatus;
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
  /** Where the anchor outside the data folder is kept (the app's keychain, or the user's config folder). */
  anchors?: AnchorKeeper;
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
  // The founding administrator's keys are the access log's root; the recovery key gets keys of its own,
  // vouched for by that root, so a recovered administrator's new keys can be vouched for too.
  const identity = newIdentity(null);
  const recoveryIdentity = newIdentity(identity.signingKey);
  try {
    for (const leftover of [paths.store, pending]) {
      if (existsSync(leftover)) renameSync(leftover, `${leftover}.orphan-${input.now.getTime()}`);
    }
    rmSync(`${pending}-wal`, { force: true });
    rmSync(`${pending}-shm`, { force: true });
    const keyring = await withPassphraseSlot(newKeyring(dataKey, input.recoveryKey, recoveryIdentity), {
      userId,
      name: input.adminName,
      passphrase: input.passphrase,
      dataKey,
      cost: input.cost,
      identity,
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
        const log = auditLog(db, auditKey, () => input.now, signerOf(identity));
        log.append({ actorId: userId, action: 'setup.complete', targetId: userId });
        recordKeys(log, userId, { user: userId, identity, admin: true, active: true, role: 'admin', root: true });
        log.append({ actorId: userId, action: 'key.slot-created', targetId: userId });
        recordKeys(log, userId, { user: null, identity: recoveryIdentity, admin: true, active: true, role: 'recovery', recovery: true });
        log.append({ actorId: userId, action: 'key.recovery-created' });
      })();
      bindSigner(db, signerOf(identity));
      writeAnchors(paths.dir, db, auditKey, null, input.now);
      bindSigner(db, null);
      auditKey.fill(0);
    } finally {
      closeStore(db);
    }
    renameSync(pending, paths.store);
    // Owner-only, like the keyring; SQLite gives its -wal file the same permissions.
    chmodSync(paths.store, 0o600);
    fsyncDirectory(paths.dir);
    writeKeyring(paths.keyring, keyring);
    // The anchor kept outside the data folder starts with the installation.
    if (input.anchors) {
      const storeId = storeIdOf(paths.keyring);
      const text = readFileSync(join(paths.dir, 'audit-anchor.json'), 'utf8');
      if (storeId) input.anchors.write(storeId, `${JSON.stringify({ ...(JSON.parse(text) as object), storeId })}\n`);
    }
    return { userId };
  } finally {
    dataKey.fill(0);
    wipeIdentity(identity);
    wipeIdentity(recoveryIdentity);
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

/**
 * Opens the store with an unwrapped data key; takes ownership of the key buffer and of the identity,
 * whose signing key then signs every access-log entry written on this connection.
 */
export function openSession(paths: DataPaths, dataKey: Buffer, userId: string, identity: Identity | null = null): OpenSession | null {
  let db: Db;
  try {
    db = openStore({ path: paths.store, key: dataKey });
  } catch (error) {
    dataKey.fill(0);
    wipeIdentity(identity);
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
    wipeIdentity(identity);
    throw error;
  }
  if (!user) {
    closeStore(db);
    dataKey.fill(0);
    wipeIdentity(identity);
    return null;
  }
  if (identity) bindSigner(db, signerOf(identity));
  return { db, dataKey, auditKey: auditKeyOf(db), user, identity };
}

export function closeSession(session: OpenSession): void {
  try {
    bindSigner(session.db, null);
    closeStore(session.db);
  } finally {
    session.dataKey.fill(0);
    session.auditKey.fill(0);
    wipeIdentity(session.identity);
    // Files being attached are in memory only; nothing of them outlives the session.
    forgetAllUploads();
  }
}

export async function unlockWithPassphrase(paths: DataPaths, name: string, passphrase: string): Promise<OpenSession | null> {
  finishPendingRestore(paths);
  finishPendingRotation(paths);
  const keyring = readKeyring(paths.keyring);
  const opened = await openWithPassphrase(keyring, name, passphrase, { identity: true });
  if (!opened) return null;
  if (opened.identity) return openSession(paths, opened.dataKey, opened.userId, opened.identity);
  // A slot from before personal keys: this person gets theirs now (once), kept in a new slot under
  // the same passphrase, and registered in the access log for an administrator to vouch for.
  const keep = Buffer.from(opened.dataKey);
  const session = openSession(paths, opened.dataKey, opened.userId);
  if (!session) {
    keep.fill(0);
    return null;
  }
  try {
    const root = logRoot(session.db);
    const becomesRoot = root === null && session.user.role === 'admin';
    const identity = newIdentity(becomesRoot ? null : root ?? '');
    const slot = passphraseSlots(keyring).find((s) => s.lookup === slotLookup(keyring, name))!;
    const { memoryKiB, iterations, parallelism } = slot.kdf;
    writeKeyring(paths.keyring, await withPassphraseSlot(keyring, { userId: opened.userId, name, passphrase, dataKey: keep, cost: { memoryKiB, iterations, parallelism }, identity }));
    session.identity = identity;
    bindSigner(session.db, signerOf(identity));
    session.db.transaction(() => {
      const log = auditLog(session.db, session.auditKey, () => new Date());
      recordKeys(log, session.user.id, { user: session.user.id, identity, admin: becomesRoot, active: true, role: session.user.role, root: becomesRoot });
    })();
    return session;
  } catch (error) {
    closeSession(session);
    throw error;
  } finally {
    keep.fill(0);
  }
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
  // New keys for the administrator (the old ones went with the forgotten passphrase), vouched for by
  // the recovery key's own keys when the recovery slot has them.
  const db2 = openStore({ path: paths.store, key: dataKey });
  const root = logRoot(db2);
  closeStore(db2);
  const identity = newIdentity(root);
  const next: Keyring = await withPassphraseSlot(keyring, { userId, name, passphrase: newPassphrase, dataKey, cost, identity });
  writeKeyring(paths.keyring, next);
  const session = openSession(paths, dataKey, userId, identity);
  if (!session) return null;
  const recovery = openRecoveryIdentity(keyring, recoveryKey);
  try {
    session.db.transaction(() => {
      const vouching = recovery ? auditLog(session.db, session.auditKey, () => new Date(), signerOf(recovery)) : auditLog(session.db, session.auditKey, () => new Date());
      recordKeys(vouching, recovery ? null : userId, { user: userId, identity, admin: true, active: true, role: 'admin', root: root === null && !recovery });
    })();
  } finally {
    wipeIdentity(recovery);
  }
  return session;
}
