// Main process (plain Node). Never imports electron.
// Restoring a backup over the data folder, crash-safe at every step. The journal file is the single
// commit point:
//   1. verify: the whole backup is checked into a work folder (.restore-*) inside the data folder;
//   2. stage: the verified store is opened there (migrated if older), the restore is written to its
//      access log, and a fresh access-log anchor is made beside it;
//   3. commit: restore-pending.json names the work folder and a previous-<time>/ folder;
//   4. swap: the current store, its side files, keyring and anchor move into previous-<time>/ and the
//      staged files take their places (the keyring by an atomic replace, so one is always there);
//   5. prove: the restored store is opened in place; if that fails, everything is put back.
// A crash before 3 leaves the current store untouched (the work folder is discarded); a crash after
// 3 is finished by finishPendingRestore at the next open. The previous store is kept for the admin.
// Over an existing store, restoring (and looking inside) needs an administrator of that store or its
// current recovery key (backup/authority.ts), and staging carries the current staff, key slots, access
// log and case numbers over (backup/restore-over.ts, backup/carry-over.ts). On a new computer (no
// keyring here) the backup's own secret opens it, and accounts listed as deactivated beside the store
// (keys/revoked.ts) cannot restore, are marked deactivated again, lose their key slots and the staged
// copy is rotated to a new data key (all before the commit point); a restore that would leave no
// active administrator is refused.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { BackupSummary } from '../../shared/schemas/backup';
import { writeAnchor } from '../audit/anchor';
import { auditKeyOf, auditLog } from '../audit/chain';
import { dataPaths, type DataPaths } from '../core/paths';
import { fsyncDirectory, writeFileAtomic } from '../fs/atomic';
import { readKeyring, withoutUserSlots, writeKeyring } from '../keys/keyring';
import { readRevoked, REVOKED_FILE, RevokedListError } from '../keys/revoked';
import { closeStore, openStore, type Db } from '../store/open';
import { authorityFor, NEEDS_BACKUP_SECRET, openLiveStore, unlockOverStore, type LiveStore, type StoreAuthority } from './authority';
import { BackupError } from './errors';
import { markLastBackup, rotateStaged, stageOverStore, type Staged } from './restore-over';
import { readBackupFile, unlockBackup, verifyBackup, type BackupSecret, type UnlockedBackup } from './verify';

export type RestoreStep = 'verify' | 'stage' | 'commit' | 'swap' | 'prove' | 'rotate' | 'done';

const JOURNAL = 'restore-pending.json';
const ANCHOR = 'audit-anchor.json';
const SIDE_FILES = ['-wal', '-shm', '-journal'];
const WORK_PREFIX = '.restore-';
/** Work folders of the check-only path (backup.inspect). */
export const CHECK_PREFIX = '.backup-check-';

const Journal = z
  .object({
    format: z.literal(1),
    work: z.string().regex(/^\.restore-[A-Za-z0-9]+$/u),
    previous: z.string().regex(/^previous-[0-9]{8}-[0-9]{6}(-[0-9]+)?$/u),
    direction: z.enum(['forward', 'back']),
  })
  .strict();
type Journal = z.infer<typeof Journal>;

const journalPath = (paths: DataPaths) => join(paths.dir, JOURNAL);

/** A copy that is on disk before the original is replaced (copyFile alone does not fsync). */
function copyDurably(from: string, to: string): void {
  writeFileAtomic(to, readFileSync(from));
}

function moveIfPresent(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}

/** Moves the staged files in; each step checks what is done, so a re-run after a crash finishes the job. */
function forward(paths: DataPaths, journal: Journal): void {
  const work = join(paths.dir, journal.work);
  const previous = join(paths.dir, journal.previous);
  const storeName = basename(paths.store);
  mkdirSync(previous, { recursive: true, mode: 0o700 });
  if (existsSync(join(work, storeName))) {
    // The old write-ahead log goes with its store: it must never be read against the restored one.
    for (const side of SIDE_FILES) moveIfPresent(paths.store + side, join(previous, storeName + side));
    moveIfPresent(paths.store, join(previous, storeName));
    renameSync(join(work, storeName), paths.store);
  }
  if (existsSync(join(work, 'keyring.json'))) {
    if (existsSync(paths.keyring)) copyDurably(paths.keyring, join(previous, 'keyring.json'));
    renameSync(join(work, 'keyring.json'), paths.keyring);
  }
  if (existsSync(join(work, ANCHOR))) {
    moveIfPresent(join(paths.dir, ANCHOR), join(previous, ANCHOR));
    renameSync(join(work, ANCHOR), join(paths.dir, ANCHOR));
  }
  fsyncDirectory(previous);
  fsyncDirectory(paths.dir);
}

/** Puts the previous files back (restored ones go back to the work folder). Also safe to re-run. */
function back(paths: DataPaths, journal: Journal): void {
  const work = join(paths.dir, journal.work);
  const previous = join(paths.dir, journal.previous);
  const storeName = basename(paths.store);
  mkdirSync(work, { recursive: true, mode: 0o700 });
  if (!existsSync(join(work, 'keyring.json')) && existsSync(paths.keyring)) {
    if (existsSync(join(previous, 'keyring.json'))) {
      copyDurably(paths.keyring, join(work, 'keyring.json'));
      renameSync(join(previous, 'keyring.json'), paths.keyring);
    } else {
      renameSync(paths.keyring, join(work, 'keyring.json'));
    }
  }
  if (!existsSync(join(work, storeName)) && existsSync(paths.store)) {
    for (const side of SIDE_FILES) rmSync(paths.store + side, { force: true });
    renameSync(paths.store, join(work, storeName));
  }
  if (!existsSync(paths.store)) {
    moveIfPresent(join(previous, storeName), paths.store);
    for (const side of SIDE_FILES) moveIfPresent(join(previous, storeName + side), paths.store + side);
  }
  if (!existsSync(join(work, ANCHOR))) moveIfPresent(join(paths.dir, ANCHOR), join(work, ANCHOR));
  if (!existsSync(join(paths.dir, ANCHOR))) moveIfPresent(join(previous, ANCHOR), join(paths.dir, ANCHOR));
  fsyncDirectory(paths.dir);
  try {
    rmdirSync(previous);
  } catch {
    // Not empty: something unexpected is in it, so it stays for a person to look at.
  }
}

function finish(paths: DataPaths, journal: Journal): void {
  rmSync(journalPath(paths), { force: true });
  fsyncDirectory(paths.dir);
  rmSync(join(paths.dir, journal.work), { recursive: true, force: true });
}

/** Completes a restore that was committed but not finished (or not fully put back). Idempotent. */
export function finishPendingRestore(paths: DataPaths): void {
  if (!existsSync(journalPath(paths))) return;
  const journal = Journal.parse(JSON.parse(readFileSync(journalPath(paths), 'utf8')));
  if (journal.direction === 'forward') forward(paths, journal);
  else back(paths, journal);
  finish(paths, journal);
}

/** Work folders left by a crash before the commit point. Recent ones may belong to a running check. */
export function removeStaleWork(dir: string, now = Date.now()): void {
  if (existsSync(join(dir, JOURNAL))) return;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(WORK_PREFIX) && !name.startsWith(CHECK_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already.
    }
  }
}

/** Refuses when Safehold has this store open (unlocked) in another process: it holds an exclusive lock. */
export function assertStoreNotInUse(paths: DataPaths): void {
  if (!existsSync(paths.store)) return;
  const db = new Database(paths.store, { fileMustExist: true, readonly: true, timeout: 0 });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_BUSY') {
      throw new BackupError('in-use', 'Safehold is open and unlocked on this data folder. Lock it or close it, then restore. Nothing was changed.');
    }
    // Any other error is the expected one: without the key the store cannot be read.
  } finally {
    db.close();
  }
}

function previousName(dir: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/gu, '').replace('T', '-').slice(0, 15);
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `previous-${stamp}` : `previous-${stamp}-${n}`;
    if (!existsSync(join(dir, name))) return name;
  }
}

export interface RestoreInput {
  paths: DataPaths;
  file: string;
  /** Opens the backup. Over an existing store it also stands as the authority when `authority` is not given. */
  secret?: BackupSecret;
  /** Over an existing store: an administrator of it (signed in or by passphrase) or its current recovery key (backup/authority.ts). */
  authority?: StoreAuthority;
  now: Date;
  onStep?: (step: RestoreStep) => void;
}

export interface Restored {
  summary: BackupSummary;
  /** The folder holding the store that was replaced, for the admin to delete when satisfied; null if there was none. */
  previous: string | null;
  /** Accounts the backup still had active that were deactivated here since, deactivated again. */
  deactivatedAgain: number;
  /** Whether the restored store was given a new data key (an old key or a removed slot could open it otherwise). */
  keyRotated: boolean;
  /** Access-log entries written here since the backup, carried into the restored log. */
  logCarried: number;
}

/** The accounts deactivated here; a damaged list stops the restore rather than being ignored. */
function revokedHere(paths: DataPaths): Set<string> {
  try {
    return readRevoked(paths.dir);
  } catch (error) {
    if (!(error instanceof RevokedListError)) throw error;
    throw new BackupError(
      'not-written',
      `The list of deactivated accounts (${REVOKED_FILE} in the data folder) is damaged, so the backup was not restored. Move that file aside and try again; then deactivate again anyone who should not have access. Nothing was changed.`,
    );
  }
}

/**
 * Re-applies this installation's deactivations to the staged store and keyring. Returns the accounts
 * deactivated again and whether any key slot was removed (either way the staged copy is then rotated).
 */
function reapplyDeactivations(staged: Db, keyringPath: string, revoked: Set<string>, record: (id: string) => void): { again: string[]; trimmed: boolean } {
  const again = staged
    .prepare<[], string>('SELECT id FROM users WHERE active = 1')
    .pluck()
    .all()
    .filter((id) => revoked.has(id));
  for (const id of again) {
    staged.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
    staged.prepare('UPDATE clients SET assigned_worker_id = NULL WHERE assigned_worker_id = ?').run(id);
    record(id);
  }
  if (again.length > 0 && !staged.prepare("SELECT 1 FROM users WHERE active = 1 AND role = 'admin'").get()) {
    throw new BackupError(
      'not-written',
      `Every administrator in this backup has been deactivated here since it was made, so restoring it would leave no one able to manage Safehold. Nothing was changed. To restore it anyway, move ${REVOKED_FILE} out of the data folder first, then add a new administrator and deactivate the old accounts again.`,
    );
  }
  const keyring = readKeyring(keyringPath);
  let kept = keyring;
  for (const id of revoked) kept = withoutUserSlots(kept, id);
  const trimmed = kept.slots.length !== keyring.slots.length;
  if (trimmed) writeKeyring(keyringPath, kept);
  return { again, trimmed };
}

/** A deactivated account's passphrase must not open a backup here, even to look inside. */
function refuseRevoked(revoked: Set<string>, userId: string | null): void {
  if (userId && revoked.has(userId)) {
    throw new BackupError(
      'wrong-secret',
      'That account has been deactivated here, so its passphrase cannot open a backup. Use the recovery key or an active account. Nothing was changed.',
    );
  }
}

/**
 * Opens a backup and checks all of it in a work folder (removed afterwards). Changes nothing. Over an
 * existing store it needs the same authority as a restore (backup/authority.ts).
 */
export async function inspectBackup(paths: DataPaths, file: string, secret?: BackupSecret, authority?: StoreAuthority): Promise<BackupSummary> {
  const backup = readBackupFile(file);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const work = mkdtempSync(join(paths.dir, CHECK_PREFIX));
  let live: LiveStore | null = null;
  let unlocked: UnlockedBackup | null = null;
  try {
    if (existsSync(paths.keyring)) {
      live = await openLiveStore(paths, authorityFor({ secret, authority }));
      unlocked = await unlockOverStore(backup, work, live, secret ?? (authority?.kind === 'secret' ? authority.secret : undefined));
    } else {
      if (!secret) throw new BackupError('needs-backup-secret', NEEDS_BACKUP_SECRET);
      const revoked = revokedHere(paths);
      unlocked = await unlockBackup(backup, work, secret);
      refuseRevoked(revoked, unlocked.userId);
    }
    return verifyBackup(backup, unlocked, work);
  } finally {
    unlocked?.dataKey.fill(0);
    if (live?.owned) live.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A new computer (no store here): the backup's own secrets and slots, less accounts deactivated here. */
function stageNewComputer(paths: DataPaths, work: string, unlocked: UnlockedBackup, summary: BackupSummary, revoked: Set<string>, now: Date, step: (s: RestoreStep) => void): Staged {
  let reapplied = { again: [] as string[], trimmed: false };
  const stagedPaths = dataPaths(work);
  const staged = openStore({ path: stagedPaths.store, key: unlocked.dataKey });
  try {
    const auditKey = auditKeyOf(staged);
    const actor = unlocked.userId && staged.prepare('SELECT 1 FROM users WHERE id = ?').get(unlocked.userId) ? unlocked.userId : null;
    const log = auditLog(staged, auditKey, () => now);
    staged.transaction(() => {
      log.append({ actorId: actor, action: 'backup.restore', targetId: summary.backupId });
      reapplied = reapplyDeactivations(staged, stagedPaths.keyring, revoked, (id) => log.append({ actorId: actor, action: 'staff.deactivate', targetId: id }));
      if (reapplied.again.length > 0 || reapplied.trimmed) log.append({ actorId: actor, action: 'key.rotated' });
      markLastBackup(staged, summary);
    })();
    writeAnchor(work, staged, auditKey);
    auditKey.fill(0);
  } finally {
    closeStore(staged);
  }
  const rotating = reapplied.again.length > 0 || reapplied.trimmed;
  const newKey = rotating ? rotateStaged(work, unlocked.dataKey, readKeyring(stagedPaths.keyring), step) : null;
  return { key: newKey ?? unlocked.dataKey, newKey, deactivatedAgain: reapplied.again.length, logCarried: 0 };
}

export async function restoreBackup(input: RestoreInput): Promise<Restored> {
  const { paths, now } = input;
  const step = input.onStep ?? (() => {});
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  finishPendingRestore(paths);
  removeStaleWork(paths.dir, now.getTime());
  // A signed-in administrator's own session holds the store open; it is closed just before the swap.
  if (input.authority?.kind !== 'session') assertStoreNotInUse(paths);
  const backup = readBackupFile(input.file);

  const workName = basename(mkdtempSync(join(paths.dir, WORK_PREFIX)));
  const work = join(paths.dir, workName);
  let committed = false;
  let unlocked: UnlockedBackup | null = null;
  let live: LiveStore | null = null;
  let staged: Staged | null = null;
  try {
    const revoked = revokedHere(paths);
    if (existsSync(paths.keyring)) {
      live = await openLiveStore(paths, authorityFor(input));
      unlocked = await unlockOverStore(backup, work, live, input.secret ?? (input.authority?.kind === 'secret' ? input.authority.secret : undefined));
    } else {
      if (!input.secret) throw new BackupError('needs-backup-secret', NEEDS_BACKUP_SECRET);
      unlocked = await unlockBackup(backup, work, input.secret);
      refuseRevoked(revoked, unlocked.userId);
    }
    step('verify');
    const summary = verifyBackup(backup, unlocked, work);

    step('stage');
    staged = live ? stageOverStore({ paths, work, unlocked, live, summary, revoked, now, step }) : stageNewComputer(paths, work, unlocked, summary, revoked, now, step);
    const key = staged.key;
    const epoch = readKeyring(dataPaths(work).keyring).keyEpoch;
    fsyncDirectory(work);

    step('commit');
    // The current store is read to the end: closed now (a signed-in session ends here) so it can move.
    live?.close();
    const hadStore = existsSync(paths.store) || existsSync(paths.keyring);
    const journal: Journal = { format: 1, work: workName, previous: previousName(paths.dir, now), direction: 'forward' };
    writeFileAtomic(journalPath(paths), `${JSON.stringify(journal)}\n`);
    committed = true;

    try {
      step('swap');
      forward(paths, journal);
      step('prove');
      const proof = openStore({ path: paths.store, key });
      closeStore(proof);
      if (readKeyring(paths.keyring).keyEpoch !== epoch) throw new Error('keyring mismatch');
    } catch {
      const backward: Journal = { ...journal, direction: 'back' };
      writeFileAtomic(journalPath(paths), `${JSON.stringify(backward)}\n`);
      back(paths, backward);
      finish(paths, backward);
      throw new BackupError('not-written', 'The restored store could not be opened here, so the previous one was put back. Nothing was changed.');
    }
    finish(paths, journal);
    if (!hadStore) rmdirSafe(join(paths.dir, journal.previous));
    step('done');
    return {
      summary,
      previous: hadStore ? join(paths.dir, journal.previous) : null,
      deactivatedAgain: staged.deactivatedAgain,
      keyRotated: staged.newKey !== null,
      logCarried: staged.logCarried,
    };
  } finally {
    unlocked?.dataKey.fill(0);
    staged?.newKey?.fill(0);
    if (live?.owned) live.close();
    if (!committed) rmSync(work, { recursive: true, force: true });
  }
}

function rmdirSafe(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Not empty or gone.
  }
}
