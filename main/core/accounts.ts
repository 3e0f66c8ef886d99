// Main process (plain Node). Never imports electron.
// Staff accounts and their key material: setup codes for new and reset accounts, deactivation with
// data-key rotation, and a new recovery key. Roles and names live in the encrypted store; the
// keyring only ever learns a slot for a user id.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { auditLog, type AuditEvent } from '../audit/chain';
import { writeAnchor } from '../audit/anchor';
import { recordKeys } from '../audit/identities';
import { newIdentity, wipeIdentity } from '../keys/identity';
import { keyBookFor, recordStaffChange } from './vouch';
import { bringNotesUpToDate } from '../cases/sealed-notes';
import { handOverCaseload, type Handover } from '../cases/assignment';
import { flushLocalWrites } from '../sync/engine/flush';
import { FLOOR_COST } from '../keys/kdf';
import {
  openWithPassphrase,
  readKeyring,
  slotLookup,
  withoutUserSlots,
  withRecoveryKey,
  withSetupSlot,
  writeKeyring,
} from '../keys/keyring';
import { nameKey } from '../keys/names';
import { forgetRevoked, noteRevoked } from '../keys/revoked';
import { formatRecoveryKey, newRecoveryKey } from '../keys/recovery';
import { rotateDataKey, type RotationStep } from '../keys/rotate';
import { newSetupCode, normalizeSetupCode, SETUP_CODE_DAYS } from '../keys/setup-code';
import { refuseIfThrottled, type SignInThrottle } from '../keys/throttle';
import { DATA_KEY_BYTES } from '../store/cipher';
import { closeStore, type Db } from '../store/open';
import { AppError } from '../rpc/errors';
import { newUserId, openSession, type OpenSession } from './installation';
import type { DataPaths } from './paths';

export interface AccountContext {
  paths: DataPaths;
  session: OpenSession;
  now: Date;
  throttle: SignInThrottle;
}

interface UserRow {
  id: string;
  display_name: string;
  role: Role;
  active: number;
}

function findUser(session: OpenSession, userId: string): UserRow {
  const row = session.db.prepare<[string], UserRow>('SELECT id, display_name, role, active FROM users WHERE id = ?').get(userId);
  if (!row) throw new AppError('NOT_FOUND', 'That staff member could not be found.');
  return row;
}

function record(session: OpenSession, now: Date, event: AuditEvent): void {
  auditLog(session.db, session.auditKey, () => now).append(event);
}

/** An admin may not lock the agency out: the last active admin stays an active admin. */
export function assertNotLastAdmin(db: Db, userId: string): void {
  const admins = db.prepare<[], { id: string }>("SELECT id FROM users WHERE role = 'admin' AND active = 1").all();
  if (admins.length === 1 && admins[0]!.id === userId) {
    throw new AppError('CONFLICT', 'This is the only active administrator. Make someone else an administrator first.');
  }
}

/**
 * The signed-in person's passphrase typed again (to change it, or for a new recovery key), checked
 * like a sign-in under their name: tries run one at a time and each is counted before its key is
 * derived (5 free, then waits), so an unlocked screen is no faster way to guess it than the sign-in
 * screen, and many tries at once cannot run Argon2id side by side.
 */
export async function checkOwnPassphrase(ctx: AccountContext, keyring: ReturnType<typeof readKeyring>, name: string, passphrase: string, wrong: string): Promise<void> {
  const key = slotLookup(keyring, name);
  await ctx.throttle.serialise(key, async () => {
    refuseIfThrottled(ctx.throttle.attempt(key, ctx.now.getTime()));
    const check = await openWithPassphrase(keyring, name, passphrase);
    check?.dataKey.fill(0);
    if (!check || check.userId !== ctx.session.user.id) throw new AppError('WRONG_PASSPHRASE', wrong);
    ctx.throttle.succeed(key);
  });
}

async function issueSetupCode(ctx: AccountContext, user: Pick<UserRow, 'id' | 'display_name' | 'role'>) {
  const setupCode = newSetupCode();
  const expiresAt = new Date(ctx.now.getTime() + SETUP_CODE_DAYS * 86_400_000);
  const keyring = readKeyring(ctx.paths.keyring);
  // The person's own keys, made here and vouched for by this administrator in the access log; they
  // travel in the setup slot and move into the person's passphrase slot at their first sign-in.
  const { session } = ctx;
  const identity = keyBookFor(session).canVouch ? newIdentity(session.identity!.root || session.identity!.signingKey) : null;
  try {
    const next = await withSetupSlot(keyring, { userId: user.id, name: user.display_name, setupCode: normalizeSetupCode(setupCode), dataKey: session.dataKey, cost: FLOOR_COST, expiresAt, identity });
    writeKeyring(ctx.paths.keyring, next);
    if (identity) {
      session.db.transaction(() => {
        const log = auditLog(session.db, session.auditKey, () => ctx.now);
        recordKeys(log, session.user.id, { user: user.id, identity, admin: user.role === 'admin', active: true, role: user.role });
        // A new supervisor or administrator (or someone with new keys) gets copies of the note keys they may read.
        bringNotesUpToDate(session.db, keyBookFor(session).book, { userId: session.user.id, identity: session.identity! });
      })();
    }
  } finally {
    wipeIdentity(identity);
  }
  // A new code lifts any lockout from failed attempts under this name.
  ctx.throttle.clear(slotLookup(keyring, user.display_name));
  return { userId: user.id, setupCode, expiresAt: expiresAt.toISOString() };
}

export async function addStaffAccount(ctx: AccountContext, input: { displayName: string; role: Role }) {
  const { db } = ctx.session;
  if (db.prepare('SELECT 1 FROM users WHERE name_key = ?').get(nameKey(input.displayName))) {
    throw new AppError('CONFLICT', 'Someone on the staff list already has this name. Add a middle initial or a surname.', [
      { path: 'displayName', message: 'This name is already on the staff list.' },
    ]);
  }
  const user = { id: newUserId(), display_name: input.displayName, role: input.role };
  db.transaction(() => {
    db.prepare('INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
      user.id,
      input.displayName,
      nameKey(input.displayName),
      input.role,
      ctx.now.toISOString(),
    );
    record(ctx.session, ctx.now, { actorId: ctx.session.user.id, action: 'staff.add', targetId: user.id });
  })();
  return issueSetupCode(ctx, user);
}

/** A forgotten passphrase: the old one stops working, and a setup code lets the person choose a new one. */
export async function resetPassphrase(ctx: AccountContext, userId: string) {
  const user = findUser(ctx.session, userId);
  if (user.active !== 1) throw new AppError('CONFLICT', 'This account is deactivated. Reactivate it instead.');
  const issued = await issueSetupCode(ctx, user);
  ctx.session.db.transaction(() => record(ctx.session, ctx.now, { actorId: ctx.session.user.id, action: 'staff.reset-passphrase', targetId: userId }))();
  return issued;
}

export async function reactivate(ctx: AccountContext, userId: string) {
  const user = findUser(ctx.session, userId);
  if (user.active === 1) throw new AppError('CONFLICT', 'This account is already active.');
  // Off the list first: a crash before the store says "active" leaves the account simply deactivated
  // (the next session puts it back on the list from the store).
  forgetRevoked(ctx.paths.dir, ctx.session.db, userId);
  ctx.session.db.transaction(() => {
    ctx.session.db.prepare('UPDATE users SET active = 1 WHERE id = ?').run(userId);
    record(ctx.session, ctx.now, { actorId: ctx.session.user.id, action: 'staff.reactivate', targetId: userId });
  })();
  return issueSetupCode(ctx, user);
}

/**
 * Deactivates an account, removes its slots and rotates the data key, so a copy of the old keyring
 * and the person's passphrase no longer open the store. Returns the session reopened under the new
 * key (or under the old one if the rotation could not be completed; nothing is lost either way).
 */
export function deactivate(ctx: AccountContext, userId: string, onStep: (step: RotationStep) => void, handover?: Handover): OpenSession {
  const { session } = ctx;
  if (userId === session.user.id) throw new AppError('CONFLICT', 'You cannot deactivate your own account while signed in with it.');
  const user = findUser(session, userId);
  if (user.active !== 1) throw new AppError('CONFLICT', 'This account is already deactivated.');
  if (user.role === 'admin') assertNotLastAdmin(session.db, userId);
  session.db.transaction(() => {
    session.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(userId);
    // Each of their cases goes to the colleague chosen for it (required), in this same transaction.
    handOverCaseload(session.db, userId, handover, session.user.id, ctx.now.toISOString());
    record(session, ctx.now, { actorId: session.user.id, action: 'staff.deactivate', targetId: userId });
    const audit = auditLog(session.db, session.auditKey, () => ctx.now);
    recordStaffChange({ ...session, userId: session.user.id, audit }, { id: userId, role: user.role, active: false });
    // Team sync: the reassignments reach the other laptops with the deactivation.
    flushLocalWrites(session.db, session.user.id);
  })();
  const reopened = rotate(ctx, withoutUserSlots(readKeyring(ctx.paths.keyring), userId), onStep);
  // Then beside the store, so a restore of an older backup cannot bring the account back. Never in
  // the way of the slots' removal above: if the list cannot be written now, the next session adds
  // the account from the store (keys/revoked.ts).
  noteRevoked(ctx.paths.dir, reopened.db);
  return reopened;
}

/** Rotates the data key now (also after a suspected leak). The session is reopened under the new key. */
export function rotate(ctx: AccountContext, keyringAfter: ReturnType<typeof readKeyring>, onStep: (step: RotationStep) => void): OpenSession {
  const { session, paths } = ctx;
  const epochBefore = readKeyring(paths.keyring).keyEpoch;
  const oldKey = Buffer.from(session.dataKey);
  const newKey = randomBytes(DATA_KEY_BYTES);
  closeStore(session.db);
  session.dataKey.fill(0);
  session.auditKey.fill(0);
  let failure: unknown = null;
  try {
    rotateDataKey(paths, oldKey, newKey, keyringAfter, onStep);
  } catch (error) {
    failure = error;
  }
  const rotated = readKeyring(paths.keyring).keyEpoch !== epochBefore;
  const key = rotated ? newKey : oldKey;
  (rotated ? oldKey : newKey).fill(0);
  // The person's keys carry over to the reopened session (they were not wiped with the store's keys).
  const reopened = openSession(paths, key, session.user.id, session.identity);
  if (!reopened) throw new AppError('INTERNAL');
  reopened.db.transaction(() =>
    record(reopened, ctx.now, { actorId: session.user.id, action: rotated ? 'key.rotated' : 'key.rotation-failed', outcome: rotated ? 'ok' : 'failed' }),
  )();
  writeAnchor(paths.dir, reopened.db, reopened.auditKey);
  if (failure) throw new AppError('INTERNAL', 'The key could not be changed. The store is unchanged and still opens as before.');
  return reopened;
}

/** A new recovery key, after the admin proves their passphrase; the old recovery key stops working. */
export async function regenerateRecoveryKey(ctx: AccountContext, currentPassphrase: string): Promise<string> {
  const { session, paths } = ctx;
  const keyring = readKeyring(paths.keyring);
  const name = session.db.prepare<[string], { name_key: string }>('SELECT name_key FROM users WHERE id = ?').get(session.user.id)!.name_key;
  await checkOwnPassphrase(ctx, keyring, name, currentPassphrase, 'Your passphrase is not right. Nothing was changed.');
  const recoveryKey = newRecoveryKey();
  // The new recovery key gets keys of its own, vouched for here, so it can vouch for a recovered administrator.
  const identity = keyBookFor(session).canVouch ? newIdentity(session.identity!.root || session.identity!.signingKey) : null;
  try {
    writeKeyring(paths.keyring, withRecoveryKey(keyring, recoveryKey, session.dataKey, identity ?? undefined));
    session.db.transaction(() => {
      if (identity) recordKeys(auditLog(session.db, session.auditKey, () => ctx.now), session.user.id, { user: null, identity, admin: true, active: true, role: 'recovery', recovery: true });
      record(session, ctx.now, { actorId: session.user.id, action: 'key.recovery-regenerated' });
    })();
  } finally {
    wipeIdentity(identity);
  }
  return formatRecoveryKey(recoveryKey);
}

