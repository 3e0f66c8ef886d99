// Main process (plain Node). Never imports electron.
// Outside anchors for the access log: the sequence number and MAC of the newest entry (the head),
// MAC'd with the audit key and signed by the person whose session wrote it. One copy is kept in
// audit-anchor.json beside the store; another outside the data folder, by an AnchorKeeper: the OS
// keychain through Electron safeStorage in the app (main/shell), the user's config folder for the
// command line and the preview. A chain cut short below an anchor, or a data folder copied back
// from an older time (store, keyring and anchor together), no longer reaches the outside anchor.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic';
import { verifySignature } from '../keys/identity';
import type { Db } from '../store/open';
import { signerFor } from './chain';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/u);
const Anchor = z
  .object({
    seq: z.number().int().min(0),
    head: Hex64,
    mac: z.string().max(128),
    storeId: z.string().regex(/^[0-9a-f]{32}$/u).optional(),
    at: z.iso.datetime().optional(),
    signer: z.string().regex(/^[A-Za-z0-9_-]{43}$/u).optional(),
    sig: z.string().max(200).optional(),
  })
  .strict();
type Anchor = z.infer<typeof Anchor>;

/** Where the copy kept outside the data folder lives: one short text per store. */
export interface AnchorKeeper {
  read(storeId: string): string | null;
  write(storeId: string, text: string): void;
  remove(storeId: string): void;
}

const anchorPath = (dir: string) => join(dir, 'audit-anchor.json');

/** A store's id for its outside anchor: from the keyring's lookup salt, which no one can change without locking everyone out. */
export function storeIdOf(keyringPath: string): string | null {
  try {
    const salt = (JSON.parse(readFileSync(keyringPath, 'utf8')) as { lookupSalt?: unknown }).lookupSalt;
    if (typeof salt !== 'string') return null;
    return createHash('sha256').update(`safehold store id v1:${salt}`).digest('hex').slice(0, 32);
  } catch {
    return null;
  }
}

/** The command line's and the preview's keeper: $XDG_CONFIG_HOME/safehold/anchors/<store-id>.json (owner-only). */
export function configFolderKeeper(base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')): AnchorKeeper {
  const dir = join(base, 'safehold', 'anchors');
  const file = (storeId: string) => join(dir, `${storeId}.json`);
  return {
    read: (storeId) => (existsSync(file(storeId)) ? readFileSync(file(storeId), 'utf8') : null),
    write(storeId, text) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileAtomic(file(storeId), text);
    },
    remove: (storeId) => rmSync(file(storeId), { force: true }),
  };
}

function anchorMac(auditKey: Buffer, seq: number, head: string): string {
  return createHmac('sha256', auditKey).update(`safehold audit anchor v1:${seq}:${head}`).digest('hex');
}

const signedText = (seq: number, head: string) => Buffer.from(`safehold audit anchor signature v1:${seq}:${head}`, 'utf8');

function currentAnchor(db: Db, auditKey: Buffer, extra: Partial<Anchor> = {}): Anchor | null {
  const last = db.prepare<[], { seq: number; mac: Buffer }>('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  if (!last) return null;
  const head = last.mac.toString('hex');
  const anchor: Anchor = { seq: last.seq, head, mac: anchorMac(auditKey, last.seq, head), ...extra };
  const signer = signerFor(db);
  if (signer) {
    anchor.signer = signer.signingKey;
    anchor.sig = signer.sign(signedText(last.seq, head)).toString('base64');
  }
  return anchor;
}

/** The anchor beside the store (signed when a session's signer is bound to this connection). */
export function writeAnchor(dir: string, db: Db, auditKey: Buffer): void {
  const anchor = currentAnchor(db, auditKey);
  if (anchor) writeFileAtomic(anchorPath(dir), `${JSON.stringify(anchor)}\n`);
}

/** Both anchors: beside the store and with the keeper outside the data folder. */
export function writeAnchors(dir: string, db: Db, auditKey: Buffer, outside: { keeper: AnchorKeeper; storeId: string | null } | null, now: Date): void {
  writeAnchor(dir, db, auditKey);
  if (!outside?.storeId) return;
  const anchor = currentAnchor(db, auditKey, { storeId: outside.storeId, at: now.toISOString() });
  if (anchor) outside.keeper.write(outside.storeId, `${JSON.stringify(anchor)}\n`);
}

/**
 * After a restore (which writes the anchor beside the restored store), the outside copy follows it:
 * a restore an administrator ran is not a rollback. With no anchor beside the store, the outside copy
 * is dropped, and the next sign-in reads as a first use.
 */
export function adoptFolderAnchor(dir: string, keeper: AnchorKeeper, storeId: string | null): void {
  if (!storeId) return;
  const text = existsSync(anchorPath(dir)) ? readFileSync(anchorPath(dir), 'utf8') : null;
  const anchor = text ? parse(text) : null;
  if (!anchor) keeper.remove(storeId);
  else keeper.write(storeId, `${JSON.stringify({ ...anchor, storeId })}\n`);
}

function parse(text: string): Anchor | null {
  try {
    return Anchor.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

function genuine(anchor: Anchor, auditKey: Buffer): boolean {
  const expected = Buffer.from(anchorMac(auditKey, anchor.seq, anchor.head), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (anchor.signer === undefined && anchor.sig === undefined) return true;
  return anchor.signer !== undefined && anchor.sig !== undefined && verifySignature(anchor.signer, signedText(anchor.seq, anchor.head), Buffer.from(anchor.sig, 'base64'));
}

function reaches(db: Db, anchor: Anchor): boolean {
  const row = db.prepare<[number], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq = ?').get(anchor.seq);
  return row !== undefined && row.mac.toString('hex') === anchor.head;
}

export type AnchorCheck = 'matches' | 'missing' | 'truncated' | 'forged';

/** Does the chain still reach the anchored entry, with the anchored MAC? */
export function checkAnchor(dir: string, db: Db, auditKey: Buffer): AnchorCheck {
  if (!existsSync(anchorPath(dir))) return 'missing';
  const anchor = parse(readFileSync(anchorPath(dir), 'utf8'));
  if (!anchor || !genuine(anchor, auditKey)) return 'forged';
  return reaches(db, anchor) ? 'matches' : 'truncated';
}

/** 'older': the anchor beside the store is older than the one kept outside (the folder was copied back). */
export type FolderAnchor = AnchorCheck | 'older';
/** 'first-use': this computer keeps no anchor for this store yet (new computer, or a fresh install). */
export type OutsideAnchor = 'matches' | 'first-use' | 'rolled-back' | 'forged';

export interface AnchorStatus {
  folder: FolderAnchor;
  outside: OutsideAnchor;
}

export function checkAnchors(dir: string, db: Db, auditKey: Buffer, outside: { keeper: AnchorKeeper; storeId: string | null } | null): AnchorStatus {
  let folder: FolderAnchor = checkAnchor(dir, db, auditKey);
  const text = outside?.storeId ? outside.keeper.read(outside.storeId) : null;
  if (text === null) return { folder, outside: 'first-use' };
  const kept = parse(text);
  if (!kept || kept.storeId !== outside!.storeId || !genuine(kept, auditKey)) return { folder, outside: 'forged' };
  if (folder === 'matches') {
    const beside = parse(readFileSync(anchorPath(dir), 'utf8'))!;
    if (beside.seq < kept.seq) folder = 'older';
  }
  return { folder, outside: reaches(db, kept) ? 'matches' : 'rolled-back' };
}

/** What to tell the person signing in: nothing, a one-time note, or a warning. */
export type AnchorNotice = null | 'first-use' | 'anchor-missing' | 'rolled-back';

export function anchorNotice(status: AnchorStatus): AnchorNotice {
  if (status.outside === 'rolled-back' || status.outside === 'forged' || status.folder === 'older' || status.folder === 'truncated' || status.folder === 'forged') return 'rolled-back';
  if (status.folder === 'missing') return status.outside === 'first-use' ? 'first-use' : 'anchor-missing';
  return status.outside === 'first-use' ? 'first-use' : null;
}

/** For `audit verify`: a missing or older anchor, or one the chain no longer reaches, is a failure. */
export function anchorsHold(status: AnchorStatus): boolean {
  return status.folder === 'matches' && (status.outside === 'matches' || status.outside === 'first-use');
}
