// Main process (plain Node). Never imports electron.
// Who is signed in, and everything that changes it: setup, unlock, recovery, lock, idle lock and
// passphrase change. Holds the only live copy of the data key, and wipes it on lock.
import { IDLE_LOCK_DEFAULT_MINUTES } from '../../shared/limits';
import type { AppEvent } from '../../shared/contract';
import type { Language } from '../../shared/schemas/prefs';
import type { AppStatus } from '../../shared/schemas/session';
import { auditLog, type AuditEvent } from '../audit/chain';
import { calibrateKdf, deriveKek, FLOOR_COST, newKdfParams, type KdfCost } from '../keys/kdf';
import { openWithSetupCode, readKeyring, slotLookup, withPassphraseSlot, writeKeyring } from '../keys/keyring';
import { finishPendingRotation } from '../keys/rotate';
import { normalizeSetupCode } from '../keys/setup-code';
import { refuseIfThrottled, SignInThrottle } from '../keys/throttle';
import { adoptFolderAnchor, anchorNotice, checkAnchors, configFolderKeeper, storeIdOf, writeAnchors, type AnchorKeeper, type AnchorNotice, type AnchorStatus } from '../audit/anchor';
import { vouchedKeys } from '../audit/identities';
import { bringNotesUpToDate } from '../cases/sealed-notes';
import { bringDocumentsUpToDate } from '../documents/sealing';
import { vouchPendingKeys } from './vouch';
import { copyIdentity, wipeIdentity } from '../keys/identity';
import { makeReport } from '../reports/presets';
import { asSubmissionPack, EXACT_THRESHOLD, logExactExport } from '../reports/exact';
import { ExportCancelled, exportReport } from '../reports/export';
import type { ReportPreset } from '../../shared/schemas/reports';
import { verifyReportFolder } from '../reports/manifest';
import { domainLabels, signingKeys, suppressionThreshold } from '../reports/settings';
import type { Role } from '../../shared/roles';
import { addStaffAccount, checkOwnPassphrase, deactivate, reactivate, regenerateRecoveryKey, resetPassphrase, rotate, type AccountContext } from './accounts';
import type { RotationStep } from '../keys/rotate';
import { formatRecoveryKey, newRecoveryKey } from '../keys/recovery';
import { normalizeRecoveryKey } from '../../shared/recovery-key';
import { AppError } from '../rpc/errors';
import type { Clock } from './clock';
import {
  closeSession,
  createInstallation,
  isInstalled,
  openSession,
  recoverAdmin,
  unlockWithPassphrase,
  type OpenSession,
} from './installation';
import type { DataPaths } from './paths';
import { isDemo } from '../demo/mark';
import { backUpSession, type BackupMade } from '../backup/session';
import { finishPendingRestore, inspectBackup, removeStaleWork, restoreBackup } from '../backup/restore';
import type { AttemptGuard, StoreAuthority } from '../backup/authority';
import type { BackupSecret } from '../backup/verify';
import type { BackupSummary } from '../../shared/schemas/backup';
import type { Handover } from '../cases/assignment';

export type LockReason = Extract<AppEvent, { type: 'locked' }>['reason'];

export interface SessionControlOptions {
  paths: DataPaths;
  clock: Clock;
  /** Argon2id cost for new slots: 'calibrate' measures this machine (the app); a fixed cost for tests. */
  kdfCost: KdfCost | 'calibrate';
  emit: (event: AppEvent) => void;
  /** Where the access-log anchor outside the data folder is kept: the OS keychain in the app; the user's config folder otherwise. */
  anchors?: AnchorKeeper;
}

export class SessionControl {
  private session: OpenSession | null = null;
  private pendingRecoveryKey: string | null = null;
  private idleTimer: unknown = null;
  /** Failed sign-ins while locked; written to the access log at the next successful unlock. */
  private failedSignIns = 0;

  private readonly throttle: SignInThrottle;

  constructor(private readonly options: SessionControlOptions) {
    this.throttle = new SignInThrottle(options.paths.dir);
    // A restore cut short by a crash is finished before anything looks at the data folder.
    try {
      finishPendingRestore(options.paths);
      removeStaleWork(options.paths.dir, options.clock.now().getTime());
    } catch {
      // Tried again at the next sign-in, which reports it.
    }
  }

  get dataDir(): string {
    return this.options.paths.dir;
  }

  get current(): OpenSession | null {
    return this.session;
  }

  status(): AppStatus {
    if (!this.session) return { state: isInstalled(this.options.paths) ? 'locked' : 'needs-setup' };
    const agency = this.session.db.prepare<[], { name: string }>('SELECT name FROM agency WHERE id = 1').get();
    return {
      state: 'unlocked',
      user: this.session.user,
      agencyName: agency?.name ?? '',
      demo: isDemo(this.session.db),
      idleLockMinutes: this.idleLockMinutes(),
      anchorNotice: this.notice,
    };
  }

  beginSetup(): { recoveryKey: string } {
    if (isInstalled(this.options.paths)) throw new AppError('ALREADY_SET_UP');
    this.pendingRecoveryKey = newRecoveryKey();
    return { recoveryKey: formatRecoveryKey(this.pendingRecoveryKey) };
  }

  async completeSetup(input: {
    agencyName: string;
    adminName: string;
    passphrase: string;
    recoveryKeyConfirmation: string;
  }): Promise<AppStatus> {
    if (isInstalled(this.options.paths)) throw new AppError('ALREADY_SET_UP');
    const recoveryKey = this.pendingRecoveryKey;
    if (!recoveryKey) throw new AppError('CONFLICT', 'Setup was interrupted. Start again to get a recovery key.');
    if (normalizeRecoveryKey(input.recoveryKeyConfirmation) !== recoveryKey) {
      throw new AppError('INVALID_INPUT', 'The recovery key you typed does not match. Nothing was saved.', [
        { path: 'recoveryKeyConfirmation', message: 'This does not match the recovery key shown.' },
      ]);
    }
    await createInstallation({
      paths: this.options.paths,
      agencyName: input.agencyName,
      adminName: input.adminName,
      passphrase: input.passphrase,
      recoveryKey,
      cost: await this.cost(),
      now: this.options.clock.now(),
      anchors: this.anchors,
    });
    this.pendingRecoveryKey = null;
    return this.unlock(input.adminName, input.passphrase);
  }

  async unlock(name: string, passphrase: string): Promise<AppStatus> {
    return this.signInAttempt(name, async (throttleKey) => {
      const session = await unlockWithPassphrase(this.options.paths, name, passphrase);
      if (!session) this.refuseSignIn();
      this.throttle.succeed(throttleKey);
      this.begin(session, 'session.unlock');
      return this.status();
    });
  }

  /** A new or reset account's first sign-in: the setup code once, and a passphrase of their own. */
  async firstSignIn(input: { name: string; setupCode: string; newPassphrase: string }): Promise<AppStatus> {
    return this.signInAttempt(input.name, async (throttleKey) => {
      const { paths } = this.options;
      finishPendingRestore(paths);
      finishPendingRotation(paths);
      const keyring = readKeyring(paths.keyring);
      const opened = await openWithSetupCode(keyring, input.name, normalizeSetupCode(input.setupCode), this.options.clock.now());
      const cost = await this.cost();
      if (!opened || opened === 'expired') {
        // The Argon2id work a right code goes on to do (the new passphrase's slot), so a refusal takes
        // as long as a success, and a name without a pending code answers like one with a code.
        (await deriveKek(input.newPassphrase, newKdfParams(cost))).fill(0);
        if (opened === 'expired') throw new AppError('WRONG_PASSPHRASE', 'This setup code has expired. Ask an administrator for a new one.');
        this.refuseSignIn('That name and setup code do not match. Check them and try again.');
      }
      const next = await withPassphraseSlot(keyring, { userId: opened.userId, name: input.name, passphrase: input.newPassphrase, dataKey: opened.dataKey, identity: opened.identity ?? null, cost });
      writeKeyring(paths.keyring, next);
      const session = openSession(paths, opened.dataKey, opened.userId, opened.identity ?? null);
      if (!session) throw new AppError('FORBIDDEN', 'This account is not active. Ask an administrator.');
      this.throttle.succeed(throttleKey);
      this.begin(session, 'session.first-sign-in');
      return this.status();
    });
  }

  /**
   * One sign-in attempt for a name: it starts only when earlier attempts for the same name have
   * finished, and it is counted (as a failure until it succeeds) before any key is derived.
   */
  private signInAttempt<T>(name: string, attempt: (throttleKey: string) => Promise<T>): Promise<T> {
    if (!isInstalled(this.options.paths)) throw new AppError('NOT_SET_UP');
    const key = slotLookup(readKeyring(this.options.paths.keyring), name);
    return this.throttle.serialise(key, () => {
      if (this.session) this.lock('manual');
      refuseIfThrottled(this.throttle.attempt(key, this.options.clock.now().getTime()));
      return attempt(key);
    });
  }

  /** A wrong secret: already counted by the throttle; noted for the access log at the next sign-in. */
  private refuseSignIn(message?: string): never {
    this.failedSignIns += 1;
    throw new AppError('WRONG_PASSPHRASE', message);
  }

  private accounts(): AccountContext {
    return { paths: this.options.paths, session: this.requireSession(), now: this.options.clock.now(), throttle: this.throttle };
  }

  addStaff(input: { displayName: string; role: Role }) {
    return addStaffAccount(this.accounts(), input);
  }

  resetStaffPassphrase(userId: string) {
    return resetPassphrase(this.accounts(), userId);
  }

  reactivateStaff(userId: string) {
    return reactivate(this.accounts(), userId);
  }

  regenerateRecovery(currentPassphrase: string) {
    return regenerateRecoveryKey(this.accounts(), currentPassphrase);
  }

  private exportCancelled = false;

  /**
   * Writes a signed report folder in the language asked for; reports progress, and stops cleanly if
   * cancelled. With `exact` (a submission pack, reports.exportExact) the counts are not suppressed,
   * the files are marked, and the reason is recorded (reports/exact.ts).
   */
  async exportReport(input: { from: string; to: string; workerId: string | null; preset?: ReportPreset; folder: string; formats: ('csv' | 'pdf' | 'json')[]; language: Language }, exact?: { reason: string }) {
    const session = this.requireSession();
    this.exportCancelled = false;
    const db = session.db;
    const threshold = exact ? EXACT_THRESHOLD : suppressionThreshold(db);
    const built = db
      .transaction(() => makeReport(db, input, threshold, { language: input.language, domainLabels: domainLabels(db) }))
      .deferred();
    const report = exact ? asSubmissionPack(built) : built;
    const result = await exportReport({
      report,
      folder: input.folder,
      formats: input.formats,
      generatedAt: this.options.clock.now().toISOString(),
      auditChainHead: auditLog(session.db, session.auditKey, () => this.options.clock.now()).head(),
      signing: signingKeys(session.db),
      onProgress: (done, total, file) => this.options.emit({ type: 'progress', task: 'export-report', step: file, done, total }),
      isCancelled: () => this.exportCancelled || this.session !== session,
    }).catch((error: unknown) => {
      if (error instanceof ExportCancelled) throw new AppError('CONFLICT', error.message);
      throw error;
    });
    this.record({ actorId: session.user.id, action: 'report.export' });
    if (exact) {
      const at = this.options.clock.now();
      db.transaction(() =>
        logExactExport(db, auditLog(db, session.auditKey, () => at), { userId: session.user.id, at: at.toISOString(), period: input, reason: exact.reason, action: 'report.export-exact' }),
      )();
    }
    return result;
  }

  cancelExport(): void {
    this.exportCancelled = true;
  }

  /** Checks a report folder against the signer expected (see reports/settings.ts, expectedSigner); logged. */
  verifyReport(folder: string, expectedFingerprint: string) {
    const session = this.requireSession();
    const result = verifyReportFolder(folder, expectedFingerprint);
    this.record({ actorId: session.user.id, action: 'report.verify', outcome: result.ok ? 'ok' : 'failed' });
    return result;
  }

  /** A new data key now: the store is re-encrypted on a copy, swapped in, and reopened. */
  rotateKey(): void {
    const progress = (step: RotationStep) => this.options.emit({ type: 'progress', task: 'rotate-key', step });
    this.session = rotate(this.accounts(), readKeyring(this.options.paths.keyring), progress);
  }

  /** Deactivation rotates the data key: the store is closed and reopened under the new key. */
  deactivateStaff(userId: string, handover?: Handover): void {
    this.session = deactivate(this.accounts(), userId, (step) => this.options.emit({ type: 'progress', task: 'rotate-key', step }), handover);
  }

  async recover(input: { recoveryKey: string; name: string; newPassphrase: string }): Promise<AppStatus> {
    if (!isInstalled(this.options.paths)) throw new AppError('NOT_SET_UP');
    if (this.session) this.lock('manual');
    const session = await recoverAdmin(this.options.paths, input.recoveryKey, input.name, input.newPassphrase, await this.cost());
    if (!session) {
      this.failedSignIns += 1;
      throw new AppError('WRONG_PASSPHRASE', 'That recovery key and administrator name do not match. Check them and try again.');
    }
    // The recovery key lifts any lockout on this name.
    this.throttle.clear(slotLookup(readKeyring(this.options.paths.keyring), input.name));
    this.begin(session, 'session.recover');
    return this.status();
  }

  async changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    const session = this.requireSession();
    const { paths } = this.options;
    const keyring = readKeyring(paths.keyring);
    const slot = keyring.slots.find((s) => s.kind === 'passphrase' && s.userId === session.user.id);
    if (!slot) throw new AppError('NOT_FOUND', 'Your sign-in could not be found. Ask an administrator.');
    const name = session.db.prepare<[string], { name_key: string }>('SELECT name_key FROM users WHERE id = ?').get(session.user.id)?.name_key;
    if (!name) throw new AppError('WRONG_PASSPHRASE', 'Your current passphrase is not right. Nothing was changed.');
    // Counted like a sign-in under this name (accounts.ts): no faster way to guess than the sign-in screen.
    await checkOwnPassphrase(this.accounts(), keyring, name, currentPassphrase, 'Your current passphrase is not right. Nothing was changed.');
    // Re-wrap only: the store and the data key stay exactly as they are.
    const next = await withPassphraseSlot(keyring, {
      userId: session.user.id,
      name,
      passphrase: newPassphrase,
      dataKey: session.dataKey,
      identity: session.identity,
      cost: await this.cost(),
    });
    writeKeyring(paths.keyring, next);
    this.record({ actorId: session.user.id, action: 'key.passphrase-changed', targetId: session.user.id });
  }

  /** An encrypted backup of the open store into a folder; the access log records it. */
  createBackup(folder: string): BackupMade {
    return backUpSession(this.requireSession(), this.options.paths, folder, this.options.clock.now());
  }

  /**
   * Opens a backup and checks all of it; changes nothing. Where a store exists this needs what a
   * restore needs: a signed-in administrator, or `current` (else `secret`) as an administrator's
   * passphrase or the current recovery key; `secret` opens the backup when the current key does not.
   */
  inspectBackup(file: string, secret?: BackupSecret, current?: BackupSecret): Promise<BackupSummary> {
    return inspectBackup(this.options.paths, file, secret, this.restoreAuthority(secret, current));
  }

  /**
   * Replaces the store with a verified backup (also on a new computer before setup, with the backup's
   * own secret). Over an existing store: a signed-in administrator (here, Admin → Backups; the session
   * ends at the swap and the screen returns to sign-in), or from the lock screen an administrator's
   * current passphrase or the current recovery key. Current staff, roles, key slots, the access log
   * and case numbers carry over (backup/restore-over.ts). The previous store is kept in previous-<time>.
   */
  async restoreBackup(file: string, secret?: BackupSecret, current?: BackupSecret): Promise<AppStatus> {
    const session = this.session;
    if (session) return this.restoreSignedIn(session, file, secret);
    const conflict = () => new AppError('CONFLICT', 'Someone signed in while the backup was being checked, so it was not restored. Nothing was changed.');
    await restoreBackup({
      paths: this.options.paths,
      file,
      ...(secret ? { secret } : {}),
      authority: this.restoreAuthority(secret, current),
      now: this.options.clock.now(),
      // Checked again just before the commit point: someone may have signed in while the backup was checked.
      onStep: (step) => {
        if (step === 'commit' && this.session) throw conflict();
      },
    });
    this.pendingRecoveryKey = null;
    adoptFolderAnchor(this.options.paths.dir, this.anchors, storeIdOf(this.options.paths.keyring));
    return this.status();
  }

  /** Who vouches for replacing the store here: the signed-in administrator, or a secret checked like a sign-in. */
  private restoreAuthority(secret: BackupSecret | undefined, current: BackupSecret | undefined): StoreAuthority | undefined {
    const session = this.session;
    if (session) {
      if (session.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can restore a backup.');
      return { kind: 'session', db: session.db, dataKey: session.dataKey, auditKey: session.auditKey, userId: session.user.id, release: () => {} };
    }
    const given = current ?? secret;
    return given ? { kind: 'secret', secret: given, guard: this.restoreAttempt } : undefined;
  }

  /** A passphrase typed to vouch for a restore counts like a sign-in attempt with that name. */
  private readonly restoreAttempt: AttemptGuard = (name, attempt) =>
    this.signInAttempt(name, async (throttleKey) => {
      const opened = await attempt();
      if (opened) this.throttle.succeed(throttleKey);
      else this.failedSignIns += 1;
      return opened;
    });

  /** Admin → Backups: the administrator's session is the authority; it closes just before the swap. */
  private async restoreSignedIn(session: OpenSession, file: string, secret: BackupSecret | undefined): Promise<AppStatus> {
    if (session.user.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can restore a backup.');
    const keyCopy = Buffer.from(session.dataKey);
    // The administrator's own keys, for the session reopened if the previous store is put back.
    const identityCopy = session.identity ? copyIdentity(session.identity) : null;
    const userId = session.user.id;
    let released = false;
    this.clearIdle();
    try {
      await restoreBackup({
        paths: this.options.paths,
        file,
        ...(secret ? { secret } : {}),
        authority: {
          kind: 'session',
          db: session.db,
          dataKey: session.dataKey,
          auditKey: session.auditKey,
          userId,
          release: () => {
            // Nothing is written to the current log from here on: the restored log already holds it.
            released = true;
            this.session = null;
            closeSession(session);
          },
        },
        now: this.options.clock.now(),
      });
    } catch (error) {
      if (!released) {
        keyCopy.fill(0);
        wipeIdentity(identityCopy);
        if (this.session === session) {
          this.record({ actorId: userId, action: 'backup.restore', outcome: 'failed' });
          this.armIdle();
        }
        throw error;
      }
      // Past the commit point the previous store was put back: the administrator stays signed in.
      const reopened = openSession(this.options.paths, keyCopy, userId, identityCopy);
      if (reopened) {
        this.session = reopened;
        this.recordIn(reopened, { actorId: userId, action: 'backup.restore', outcome: 'failed' });
        this.armIdle();
      } else this.options.emit({ type: 'locked', reason: 'manual' });
      throw error;
    }
    keyCopy.fill(0);
    wipeIdentity(identityCopy);
    adoptFolderAnchor(this.options.paths.dir, this.anchors, storeIdOf(this.options.paths.keyring));
    this.options.emit({ type: 'locked', reason: 'restored' });
    return this.status();
  }

  /** Locks now: records it, closes the store, wipes the keys, and tells the renderer. */
  lock(reason: LockReason): void {
    this.clearIdle();
    const session = this.session;
    if (!session) return;
    this.session = null;
    try {
      this.recordIn(session, { actorId: session.user.id, action: `session.lock.${reason}` });
      writeAnchors(this.options.paths.dir, session.db, session.auditKey, this.outside(), this.options.clock.now());
    } finally {
      closeSession(session);
      this.options.emit({ type: 'locked', reason });
    }
  }

  /** Any call from a signed-in person counts as activity and restarts the idle clock. */
  touch(): void {
    if (this.session) this.armIdle();
  }

  close(): void {
    this.lock('manual');
    this.pendingRecoveryKey = null;
  }

  record(event: AuditEvent): void {
    if (this.session) this.recordIn(this.session, event);
  }

  private recordIn(session: OpenSession, event: AuditEvent): void {
    session.db.transaction(() => auditLog(session.db, session.auditKey, () => this.options.clock.now()).append(event))();
  }

  private requireSession(): OpenSession {
    if (!this.session) throw new AppError('LOCKED');
    return this.session;
  }

  private begin(session: OpenSession, action: string): void {
    this.session = session;
    const failures = this.failedSignIns;
    this.failedSignIns = 0;
    // The anchors as found, before this session writes anything: a data folder copied back from an
    // older time (or an anchor deleted) is said at sign-in, recorded, and fails this session's verify.
    session.anchorsAtStart = checkAnchors(this.options.paths.dir, session.db, session.auditKey, this.outside());
    this.notice = anchorNotice(session.anchorsAtStart);
    session.db.transaction(() => {
      const log = auditLog(session.db, session.auditKey, () => this.options.clock.now());
      for (let i = 0; i < failures; i += 1) log.append({ actorId: null, action: 'session.sign-in', outcome: 'failed' });
      log.append({ actorId: session.user.id, action });
      if (this.notice === 'rolled-back' || this.notice === 'anchor-missing') {
        log.append({ actorId: session.user.id, action: `audit.anchor.${this.notice}`, outcome: 'failed' });
      }
    })();
    if (session.user.role === 'admin') this.keepKeysAndNotesUpToDate(session);
    writeAnchors(this.options.paths.dir, session.db, session.auditKey, this.outside(), this.options.clock.now());
    this.armIdle();
  }

  /** What the anchors said at this session's sign-in. */
  private notice: AnchorNotice = null;

  private get anchors(): AnchorKeeper {
    return (this.options.anchors ??= configFolderKeeper());
  }

  private outside(): { keeper: AnchorKeeper; storeId: string | null } {
    return { keeper: this.anchors, storeId: storeIdOf(this.options.paths.keyring) };
  }

  /** For `audit.verify`: the anchors at this session's sign-in, and now. */
  anchorStatus(session: OpenSession): { atStart: AnchorStatus | undefined; now: AnchorStatus } {
    return { atStart: session.anchorsAtStart, now: checkAnchors(this.options.paths.dir, session.db, session.auditKey, this.outside()) };
  }

  /**
   * An administrator's session vouches for keys people made for themselves since the update (when
   * their key slot holds the same keys), then seals restricted notes still in plain text and hands
   * copies of note keys to new supervisors and administrators.
   */
  private keepKeysAndNotesUpToDate(session: OpenSession): void {
    const identity = session.identity;
    if (!identity) return;
    session.db.transaction(() => {
      const now = () => this.options.clock.now();
      vouchPendingKeys(session, this.options.paths, now);
      const book = vouchedKeys(session.db, session.auditKey, identity.root || null);
      if (!book.vouched(identity.signingKey)?.admin) return;
      const work = bringNotesUpToDate(session.db, book, { userId: session.user.id, identity });
      if (work.sealed + work.copies + work.removed > 0) {
        auditLog(session.db, session.auditKey, now).append({ actorId: session.user.id, action: 'notes.sealed', detail: { ...work } });
      }
      // Restricted documents, likewise (documents/sealing.ts).
      const docs = bringDocumentsUpToDate(session.db, book, { userId: session.user.id, identity });
      if (docs.copies + docs.removed > 0) auditLog(session.db, session.auditKey, now).append({ actorId: session.user.id, action: 'documents.sealed', detail: { ...docs } });
    })();
  }

  private idleLockMinutes(): number {
    const row = this.session?.db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'idle_lock_minutes'").get();
    const minutes = Number(row?.value);
    return Number.isInteger(minutes) && minutes >= 1 && minutes <= 30 ? minutes : IDLE_LOCK_DEFAULT_MINUTES;
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = this.options.clock.setTimeout(() => this.lock('idle'), this.idleLockMinutes() * 60_000);
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) this.options.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private calibrated: KdfCost | null = null;

  /** The Argon2id cost for a new key slot on this computer (measured once; fixed in tests). */
  async cost(): Promise<KdfCost> {
    if (this.options.kdfCost !== 'calibrate') return this.options.kdfCost;
    this.calibrated ??= await calibrateKdf().catch(() => FLOOR_COST);
    return this.calibrated;
  }
}
