// Main process (plain Node). Never imports electron.
// Staging a restore over an existing store (backup/restore.ts calls this between verify and commit).
// The backup brings back records, never old access: in one transaction of the staged copy the access
// log written here since the backup is carried over, the restore is logged, the current staff, roles
// and deactivations replace the backup's, and case numbers continue from the highest issued here
// (backup/carry-over.ts). The key slots are the CURRENT keyring's (current passphrases, the current
// recovery key; none for closed accounts), so a secret that was valid only when the backup was made
// opens nothing afterwards. When the backup was made under another data key than the current one (a
// rotation since, or another installation), the staged copy gets a new data key before the commit
// point, so neither the backup's key nor any secret that opened it reads the restored store.
import { randomBytes } from 'node:crypto';
import type { BackupSummary } from '../../shared/schemas/backup';
import { writeAnchor } from '../audit/anchor';
import { auditKeyOf, auditLog } from '../audit/chain';
import { dataPaths, type DataPaths } from '../core/paths';
import { readKeyring, withoutUserSlots, writeKeyring, type Keyring } from '../keys/keyring';
import { rotateDataKey } from '../keys/rotate';
import { DATA_KEY_BYTES } from '../store/cipher';
import { closeStore, openStore, type Db } from '../store/open';
import { sameKey, type LiveStore } from './authority';
import { carryAccessLog, carryCaseNumbers, carryPurges, reapplyStaff } from './carry-over';
import { BackupError } from './errors';
import type { RestoreStep } from './restore';
import type { UnlockedBackup } from './verify';
import { markRestored } from '../sync/team/restored';

/** What staging left in the work folder: the key the staged store is under, and what was re-applied. */
export interface Staged {
  /** The staged store's data key: the backup's, or a new one after a rotation (then also in `newKey`). */
  key: Buffer;
  newKey: Buffer | null;
  deactivatedAgain: number;
  logCarried: number;
}

/** The store now holds what the backup held, so the last backup is that one; a team laptop catches up with the team. */
export function markLastBackup(staged: Db, summary: BackupSummary): void {
  staged
    .prepare("INSERT INTO settings (key, value) VALUES ('last_backup_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(summary.createdAt);
  markRestored(staged);
}

/** Gives the staged copy a new data key sealed into `keyringAfter` (crash-safe on its own; a failure here changes nothing). */
export function rotateStaged(work: string, oldKey: Buffer, keyringAfter: Keyring, step: (s: RestoreStep) => void): Buffer {
  step('rotate');
  const newKey = randomBytes(DATA_KEY_BYTES);
  try {
    rotateDataKey(dataPaths(work), oldKey, newKey, keyringAfter);
  } catch {
    newKey.fill(0);
    throw new BackupError('not-written', 'The restored store could not be given a new key, so it was not restored. Nothing was changed.');
  }
  return newKey;
}

export interface OverStoreInput {
  paths: DataPaths;
  work: string;
  unlocked: UnlockedBackup;
  live: LiveStore;
  summary: BackupSummary;
  /** Accounts deactivated here (keys/revoked.ts): no slot for them, whatever either store says. */
  revoked: Set<string>;
  now: Date;
  step: (s: RestoreStep) => void;
}

/** The current keyring, less the slots of anyone not active in the restored store (or deactivated here). */
function currentSlotsFor(staged: Db, keyring: Keyring, revoked: Set<string>): Keyring {
  const active = new Set(staged.prepare<[], string>('SELECT id FROM users WHERE active = 1').pluck().all());
  let kept = keyring;
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery' && (!active.has(slot.userId) || revoked.has(slot.userId))) kept = withoutUserSlots(kept, slot.userId);
  }
  return kept;
}

export function stageOverStore(input: OverStoreInput): Staged {
  const { work, unlocked, live, summary, now } = input;
  const stagedPaths = dataPaths(work);
  const current = readKeyring(input.paths.keyring);
  const changedKey = !sameKey(unlocked.dataKey, live.dataKey);
  let keyringAfter = current;
  let deactivatedAgain = 0;
  let logCarried = 0;
  const staged = openStore({ path: stagedPaths.store, key: unlocked.dataKey });
  try {
    const auditKey = auditKeyOf(staged);
    // The restore's own entries, in the vouching administrator's name (signed when they are signed in).
    const log = auditLog(staged, auditKey, () => now, live.signer);
    staged.transaction(() => {
      logCarried = carryAccessLog(staged, auditKey, live.db, live.auditKey, live.actorId, now).entries;
      log.append({ actorId: live.actorId, action: 'backup.restore', targetId: summary.backupId });
      deactivatedAgain = reapplyStaff(staged, live.db, (event) => log.append({ ...event, actorId: live.actorId })).closed.length;
      if (!staged.prepare("SELECT 1 FROM users WHERE active = 1 AND role = 'admin'").get()) {
        throw new BackupError('not-written', 'Restoring this backup would leave no active administrator, so it was not restored. Nothing was changed.');
      }
      carryCaseNumbers(staged, live.db);
      carryPurges(staged, live.db, now.toISOString(), (event) => log.append({ ...event, actorId: live.actorId }));
      markLastBackup(staged, summary);
      keyringAfter = currentSlotsFor(staged, current, input.revoked);
      if (changedKey || keyringAfter.slots.length !== current.slots.length) log.append({ actorId: live.actorId, action: 'backup.restore.key-rotated' });
    })();
    writeAnchor(work, staged, auditKey);
    auditKey.fill(0);
  } finally {
    closeStore(staged);
  }
  // The backup's own slots are replaced by the current ones.
  writeKeyring(stagedPaths.keyring, keyringAfter);
  const rotating = changedKey || keyringAfter.slots.length !== current.slots.length;
  const newKey = rotating ? rotateStaged(work, unlocked.dataKey, keyringAfter, input.step) : null;
  return { key: newKey ?? unlocked.dataKey, newKey, deactivatedAgain, logCarried };
}
