// Main process (plain Node). Never imports electron.
// The access log: one row per event, each MAC'd over the previous row's MAC with the store's audit key.
// Editing, deleting, inserting or reordering rows breaks the chain at the first bad row. Rows hold
// ids and action names only, never personal data.
//
// The audit key lives inside the store, so anyone who can open the store (every staff passphrase
// can) could re-chain it. What they cannot do is sign as someone else: every entry written in a
// signed-in session is also signed with that person's own Ed25519 key (keys/identity.ts), over its
// MAC, which covers every entry before it. Keys are vouched for by 'key.identity' entries (see
// identities.ts) signed by an administrator, back to the root (the founding administrator's key).
// verifyChain checks the MAC chain everywhere and, to stay fast at millions of entries, the
// signature at the end of each run of entries by one signer (plus every key entry); when one fails it
// walks that run to name the first entry that is no longer vouched for. A long log is first checked
// the quick way (MACs and run-end signatures in worker threads, parallel-check.ts; the rules at the
// ends of runs of like entries, runs.ts); only what that does not find intact is walked.
//
// For code that appends entries (restore included): auditLog(db, key, now).append(event) signs with
// the session's key when bindSigner() was called for that store connection; without a signer the
// entry is unsigned. An unsigned entry in a person's name who has a vouched key is reported as bad,
// unless it is marked `carried: true` (entries carried over from another copy of the log, e.g. into a
// restored store) or is a restore's own entry (action 'backup.restore...', written while no one is
// signed in): those, like entries with no person (failed sign-ins), are vouched for by the next signed
// entry after them. To sign entries written on another connection (a staged store), pass the signer
// (signerFor(session.db)) as auditLog's fourth argument.
import { createHmac } from 'node:crypto';
import { verifySignature, type Signer } from '../keys/identity';
import type { Db } from '../store/open';
import { ParallelCheck, type SignatureToCheck } from './parallel-check';
import { runsOfLikeEntries } from './runs';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetId?: string | null;
  outcome?: AuditOutcome;
  /** Small structured facts covered by the MAC and the signature (ids and keys only, never personal data). */
  detail?: Record<string, unknown> | null;
  /** An entry carried over from another copy of the log (see the header). */
  carried?: boolean;
}

/** One access-log row as stored. */
export interface LogRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_id: string | null;
  outcome: string;
  mac: Buffer;
  detail: string | null;
  signer: string | null;
  sig: Buffer | null;
}

const GENESIS = Buffer.alloc(32);
const SIG_CONTEXT = Buffer.from('safehold audit entry v1\n', 'ascii');

/**
 * The chain's MAC key: 32 random bytes made with the store and kept inside it (encrypted), so the
 * chain stays verifiable across data-key rotations.
 */
export function auditKeyOf(db: Db): Buffer {
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'audit_key'").get();
  if (!row || !/^[0-9a-f]{64}$/u.test(row.value)) throw new Error('The access log key is missing from the store.');
  return Buffer.from(row.value, 'hex');
}

export function entryMac(key: Buffer, previous: Buffer, row: Omit<LogRow, 'mac' | 'signer' | 'sig'>): Buffer {
  const fields: unknown[] = [row.seq, row.at, row.actor_id, row.action, row.target_id, row.outcome];
  if (row.detail !== null) fields.push(row.detail);
  return createHmac('sha256', key).update(previous).update(JSON.stringify(fields), 'utf8').digest();
}

export function signatureMessage(mac: Buffer): Buffer {
  return Buffer.concat([SIG_CONTEXT, mac]);
}

/** Stores made before signatures (schema < 80) have no detail/signer/sig columns. */
function hasSignatureColumns(db: Db): boolean {
  return db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit_log') WHERE name = 'sig'").get() !== undefined;
}

const signers = new WeakMap<Db, Signer>();

/** Entries appended on this connection are signed with the signed-in person's key from now on. */
export function bindSigner(db: Db, signer: Signer | null): void {
  if (signer) signers.set(db, signer);
  else signers.delete(db);
}

export function signerFor(db: Db): Signer | null {
  return signers.get(db) ?? null;
}

export interface AuditLog {
  append(event: AuditEvent): void;
  head(): string;
}

/** Must be called inside the caller's transaction so the entry commits with the change it records. */
export function auditLog(db: Db, key: Buffer, now: () => Date, explicitSigner?: Signer | null): AuditLog {
  const signer = explicitSigner === undefined ? (signers.get(db) ?? null) : explicitSigner;
  const last = db.prepare<[], { seq: number; mac: Buffer }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1');
  const signed = hasSignatureColumns(db);
  const insert = signed
    ? db.prepare(
        'INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig) VALUES (@seq, @at, @actor_id, @action, @target_id, @outcome, @mac, @detail, @signer, @sig)',
      )
    : db.prepare('INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac) VALUES (@seq, @at, @actor_id, @action, @target_id, @outcome, @mac)');
  return {
    append(event) {
      const previous = last.get();
      const detailObject = event.carried ? { ...event.detail, carried: true } : (event.detail ?? null);
      const row = {
        seq: (previous?.seq ?? 0) + 1,
        at: now().toISOString(),
        actor_id: event.actorId,
        action: event.action,
        target_id: event.targetId ?? null,
        outcome: event.outcome ?? 'ok',
        detail: signed && detailObject ? JSON.stringify(detailObject) : null,
      };
      const mac = entryMac(key, previous?.mac ?? GENESIS, row);
      if (!signed) {
        const { detail: _unused, ...old } = row;
        insert.run({ ...old, mac });
        return;
      }
      // The session's signer signs only in a person's name: an entry with no person (a failed sign-in)
      // is vouched for by the next signed one. A signer given explicitly (the recovery key's) signs all.
      const by = (event.actorId !== null || explicitSigner) && !event.carried ? signer : null;
      insert.run({ ...row, mac, signer: by?.signingKey ?? null, sig: by ? by.sign(signatureMessage(mac)) : null });
    },
    head() {
      return (last.get()?.mac ?? GENESIS).toString('hex');
    },
  };
}

export interface ChainReport {
  intact: boolean;
  entries: number;
  firstBadSeq: number | null;
  head: string;
  /** The newest entry vouched for by a signature that checked out (0 when none). */
  vouchedThrough: number;
  /** Why the chain is not intact, in a few plain words (never personal data). */
  problem: string | null;
}

export interface VerifyOptions {
  /** The root signing key the verifier trusts (from their own key slot); '' or absent: the log's first root. */
  root?: string | null;
}

interface KeyState {
  userId: string | null;
  admin: boolean;
  certified: boolean;
  recovery: boolean;
}

interface KeyDetail {
  user: string | null;
  signingKey: string;
  sealingKey: string;
  admin: boolean;
  active: boolean;
  /** The person's role when this entry was written (who may read restricted notes). */
  role?: string;
  root?: boolean;
  recovery?: boolean;
}

export function parseKeyDetail(detail: string | null): KeyDetail | null {
  if (detail === null) return null;
  try {
    const d = JSON.parse(detail) as Partial<KeyDetail>;
    if (typeof d.signingKey !== 'string' || typeof d.sealingKey !== 'string' || typeof d.admin !== 'boolean' || typeof d.active !== 'boolean') return null;
    if (d.user !== null && typeof d.user !== 'string') return null;
    return d as KeyDetail;
  } catch {
    return null;
  }
}

export const KEY_ACTION = 'key.identity';

/**
 * The keys the log vouches for, as they stand after each 'key.identity' entry. Used by the full
 * verification and (through identities.ts) to find whom a restricted note may be sealed to.
 */
export class KeyBook {
  readonly keys = new Map<string, KeyState>();
  /** The newest vouched signing key of each person. */
  readonly current = new Map<string, string>();
  readonly sealing = new Map<string, string>();
  readonly admins = new Set<string>();
  /** Each vouched person's role and whether they are active, as the newest key entry says. */
  readonly roles = new Map<string, { role: string | null; active: boolean }>();
  root: string | null;
  rootSeen = false;

  constructor(root: string | null | undefined) {
    this.root = root ? root : null;
  }

  /** Applies a signed key entry; returns a problem, or null when it is acceptable. */
  apply(row: Pick<LogRow, 'actor_id' | 'target_id' | 'detail' | 'signer'>): string | null {
    const d = parseKeyDetail(row.detail);
    if (!d || !row.signer) return 'a key entry is damaged or unsigned';
    if (d.user !== row.target_id) return 'a key entry names someone else';
    if (d.root) {
      if (this.rootSeen || row.signer !== d.signingKey || !d.admin || d.user === null) return 'a second root key';
      if (this.root !== null && this.root !== d.signingKey) return 'the root key is not the one this person trusts';
      this.root = d.signingKey;
      this.rootSeen = true;
      this.vouch(d);
      return null;
    }
    const by = this.keys.get(row.signer);
    if (by?.certified && by.admin) {
      this.vouch(d);
      return null;
    }
    // Someone registering their own new key: kept, but it vouches for nothing until an admin certifies it.
    if (row.signer === d.signingKey && d.user !== null && row.actor_id === d.user && !this.keys.get(d.signingKey)?.certified) {
      this.keys.set(d.signingKey, { userId: d.user, admin: false, certified: false, recovery: false });
      return null;
    }
    return 'a key entry signed by someone who may not vouch for keys';
  }

  private vouch(d: KeyDetail): void {
    if (d.recovery) {
      for (const state of this.keys.values()) if (state.recovery) state.certified = false;
    } else if (d.user !== null) {
      const previous = this.current.get(d.user);
      if (previous && previous !== d.signingKey) this.keys.get(previous)!.certified = false;
      this.current.set(d.user, d.signingKey);
      this.sealing.set(d.user, d.sealingKey);
      this.roles.set(d.user, { role: typeof d.role === 'string' ? d.role : d.admin ? 'admin' : null, active: d.active });
      if (d.admin && d.active) this.admins.add(d.user);
      else this.admins.delete(d.user);
    }
    this.keys.set(d.signingKey, { userId: d.user, admin: d.admin && d.active, certified: true, recovery: d.recovery === true });
  }

  /** A signature by this key counts (the key is vouched for now). */
  vouched(signer: string | null): KeyState | null {
    if (!signer) return null;
    const state = this.keys.get(signer);
    return state?.certified ? state : null;
  }
}

function isCarried(row: Pick<LogRow, 'detail' | 'action'>): boolean {
  return (row.detail !== null && row.detail.includes('"carried":true')) || row.action.startsWith('backup.restore');
}

const COLUMNS = 'seq, at, actor_id, action, target_id, outcome, mac, detail, signer, sig';
const OLD_COLUMNS = 'seq, at, actor_id, action, target_id, outcome, mac, NULL AS detail, NULL AS signer, NULL AS sig';

interface Failure {
  seq: number;
  problem: string;
}

/**
 * The signature rules, applied entry by entry in sequence order (the MAC chain is checked apart):
 * key entries build the key book; each run of entries by one signer is vouched for by its last
 * signature; an entry in a person's name must be signed by their current key.
 */
class SignatureWalk {
  readonly book: KeyBook;
  vouchedThrough = 0;
  private pending: LogRow | null = null;

  /**
   * @param deferred when given, run-end signatures are collected here to be checked later (the
   *   quick check), as if they held; the caller must not trust the outcome until they are checked.
   */
  constructor(
    private readonly db: Db,
    private readonly columns: string,
    root: string | null | undefined,
    private readonly deferred: SignatureToCheck[] | null = null,
  ) {
    this.book = new KeyBook(root);
  }

  /** The first bad entry by this one's signature rules, or null. */
  step(row: LogRow): Failure | null {
    const { book } = this;
    if (row.action === KEY_ACTION && !isCarried(row)) {
      const failed = this.flush();
      if (failed) return failed;
      if (!row.sig || !row.signer || !verifySignature(row.signer, signatureMessage(row.mac), row.sig)) return { seq: row.seq, problem: 'a key entry is not signed' };
      const problem = book.apply(row);
      if (problem) return { seq: row.seq, problem };
    }
    const state = book.vouched(row.signer);
    if (state && row.sig) {
      if (state.userId !== row.actor_id && !(state.recovery && row.action === KEY_ACTION)) return { seq: row.seq, problem: 'an entry is signed by someone other than its author' };
      if (this.pending && this.pending.signer !== row.signer) {
        const failed = this.flush();
        if (failed) return failed;
      }
      if (row.action === KEY_ACTION) this.vouchedThrough = row.seq;
      else this.pending = row;
    }
    if (row.actor_id !== null && !isCarried(row)) {
      const own = book.current.get(row.actor_id);
      if (own !== undefined && row.signer !== own && !(state?.recovery && row.action === KEY_ACTION)) {
        return { seq: row.seq, problem: 'an entry in someone’s name is not signed by them' };
      }
    }
    return null;
  }

  /** After the last entry: the last run's signature, and the root this person trusts. */
  finish(trustedRoot: string | null | undefined): Failure | null {
    const failed = this.flush();
    if (failed) return failed;
    if (this.book.root !== null && !this.book.rootSeen && trustedRoot) return { seq: 1, problem: 'the log does not start from the root key this person trusts' };
    return null;
  }

  private flush(): Failure | null {
    const pending = this.pending;
    if (!pending) return null;
    if (this.deferred) this.deferred.push({ signer: pending.signer!, message: signatureMessage(pending.mac), sig: pending.sig! });
    else if (!verifySignature(pending.signer!, signatureMessage(pending.mac), pending.sig!)) {
      return { seq: this.locate(this.vouchedThrough, pending), problem: 'an entry no longer matches its signature' };
    }
    this.vouchedThrough = pending.seq;
    this.pending = null;
    return null;
  }

  /** The first entry after the last good signature that its run's signatures no longer vouch for. */
  private locate(from: number, pending: LogRow): number {
    let unsignedFrom: number | null = null;
    for (const row of this.db.prepare<[number, number], LogRow>(`SELECT ${this.columns} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq`).iterate(from, pending.seq)) {
      const signedByRun = row.signer !== null && row.signer === pending.signer && row.sig;
      if (!signedByRun) {
        unsignedFrom ??= row.seq;
        continue;
      }
      if (!verifySignature(row.signer!, signatureMessage(row.mac), row.sig!)) return unsignedFrom ?? row.seq;
      unsignedFrom = null;
    }
    return pending.seq;
  }
}

/** Logs this long are checked the quick way first (below it, the exact walk is quick enough). */
const QUICK_FROM = 50_000;

export interface VerifyTuning {
  /** Entries from which the quick check runs first (default 50,000; 0 always). */
  quickFrom?: number;
  /** Worker threads for the quick check's MACs (see mac-check.ts). */
  threads?: number;
}

/**
 * Walks the whole chain; the first row whose sequence, MAC or signature does not hold is named. A
 * long log is first checked the quick way (below); only when that does not find it intact is it
 * walked entry by entry, so a bad entry is always named by the exact walk.
 */
export function verifyChain(db: Db, key: Buffer, options: VerifyOptions & VerifyTuning = {}): ChainReport {
  const signed = hasSignatureColumns(db);
  if (signed) {
    const size = db.prepare<[], { n: number | null }>('SELECT max(seq) AS n FROM audit_log').get()!.n ?? 0;
    if (size >= (options.quickFrom ?? QUICK_FROM)) {
      const quick = verifyQuickly(db, key, options);
      if (quick) return quick;
    }
  }
  return walkChain(db, key, signed ? COLUMNS : OLD_COLUMNS, options.root);
}

/**
 * The same verdict for an intact log without reading it entry by entry: the MACs range by range and
 * the run-end signatures in worker threads (parallel-check.ts), and the signature rules only at the
 * ends of each run of entries alike in everything those rules read (runs.ts), since every entry
 * inside a run would be judged as its first and would only move the run's pending signature on to
 * the next. Null when not intact (or not sure).
 */
function verifyQuickly(db: Db, key: Buffer, options: VerifyOptions & VerifyTuning): ChainReport | null {
  const check = ParallelCheck.start(db, key, options.threads === undefined ? {} : { threads: options.threads });
  if (!check) return null;
  try {
    const signatures: SignatureToCheck[] = [];
    const walk = new SignatureWalk(db, COLUMNS, options.root, signatures);
    const entry = db.prepare<[number], LogRow>(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`);
    for (const { first, last } of runsOfLikeEntries(db, check.entries, KEY_ACTION)) {
      if (walk.step(entry.get(first)!)) return null;
      if (last > first && walk.step(entry.get(last)!)) return null;
    }
    if (walk.finish(options.root) || !check.finish(signatures)) return null;
    return { intact: true, entries: check.entries, firstBadSeq: null, head: check.head.toString('hex'), vouchedThrough: walk.vouchedThrough, problem: null };
  } finally {
    check.close();
  }
}

function walkChain(db: Db, key: Buffer, columns: string, root: string | null | undefined): ChainReport {
  const walk = new SignatureWalk(db, columns, root);
  let previous: Buffer = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  const bad = ({ seq, problem }: Failure): ChainReport => ({
    intact: false,
    entries,
    firstBadSeq: Math.max(1, seq),
    head: previous.toString('hex'),
    vouchedThrough: walk.vouchedThrough,
    problem,
  });
  for (const row of db.prepare<[], LogRow>(`SELECT ${columns} FROM audit_log ORDER BY seq`).iterate()) {
    entries += 1;
    if (row.seq !== expectedSeq || !Buffer.isBuffer(row.mac) || !entryMac(key, previous, row).equals(row.mac)) {
      return bad({ seq: Math.min(row.seq, expectedSeq), problem: 'the chain of entries is broken' });
    }
    const failed = walk.step(row);
    if (failed) return bad(failed);
    previous = row.mac;
    expectedSeq += 1;
  }
  const failed = walk.finish(root);
  if (failed) return bad(failed);
  return { intact: true, entries, firstBadSeq: null, head: previous.toString('hex'), vouchedThrough: walk.vouchedThrough, problem: null };
}
