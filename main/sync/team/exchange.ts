// Main process or the sync worker (plain Node). Never imports electron. Never opens the store.
// One round against the shared folder, given only what it needs (this laptop's keys, the team keys,
// the roster, the case keys it holds, and what it has to send): write our "seen" file and prune what
// every laptop has, read key files and join files, verify and decrypt every new bundle of every other
// laptop in seq order, and publish our own bundle. Returns everything to apply; the caller applies it
// in one transaction. A file that cannot be verified yet (half-copied, key not arrived) stops that
// laptop's queue for this round and is tried again next round; nothing from it is returned.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unseal } from '../../keys/seal';
import { BUNDLE_FORMAT, BundleError, MAX_BODY_BYTES, openBundle, sealBundle, type BundleRefusal } from './bundle';
import { bundleName, bundleSeqs, filesOf, laptopDirs, pruneOwn, readIfPresent, SEEN_FILE, writeDurably } from './folder';
import { decodeBody, decodeChanges, encodeBody, frameDictionary, newFrameSalt, openCaseFrame, type DocFrame, type Grant, type RosterEvent } from './frames';
import { openGroupFrame } from './group-frame';
import { sealFrames } from './group-seal';
import { unpackChanges } from './change-pack';
import { signingKey, verifyingKey } from './identity';
import type { PublishedLog } from './access-log';
import { readKeyFile } from './keyfile';
import { currentEpoch, type CaseKeyRow, type EpochRow, type InviteRow, type LaptopRow } from './state';
import { pauseAt } from './test-pause';

export const caseKeyAad = (team: string, caseId: string, keyId: string, laptop: string): Buffer =>
  Buffer.from(JSON.stringify(['safehold case key', team, caseId, keyId, laptop]), 'utf8');

export interface OutFrame {
  kind: 'changes' | 'snapshot';
  docId: string;
  caseId: string | null;
  /** changes: packChanges(list) (bundle format 3); snapshot: the saved document */
  data: Uint8Array;
  /**
   * A case's changes: the laptops holding the case's current key, as this laptop knows them. Cases
   * with the same holders go in one group frame (bundle format 4, group-frame.ts).
   */
  holders?: string;
}

export interface RoundPlan {
  folder: string;
  teamId: string;
  laptopId: string;
  signPrivate: Uint8Array;
  boxPrivate: Uint8Array;
  epochs: EpochRow[];
  laptops: LaptopRow[];
  invites: InviteRow[];
  caseKeys: CaseKeyRow[];
  nextSeq: number;
  /** null: nothing to send this round. */
  /** dict: the changes' shared context (engine.changeContext), the case frames' compression dictionary. */
  outgoing: { events: RosterEvent[]; grants: Grant[]; frames: OutFrame[]; dict?: Uint8Array; audit?: PublishedLog } | null;
  now: string;
  /** Decompressed bytes one bundle may give (BUNDLE_PLAIN_BUDGET); smaller only in tests. */
  plainBudget?: number;
  /** Bytes (bundles read plus what they decompressed to) one round reads before leaving the rest to the next (ROUND_PLAIN_BUDGET); smaller only in tests. */
  roundPlainBudget?: number;
}

/**
 * What one bundle's frames may decompress to in all (inflated frames plus the changes unpacked from
 * them): twice the largest body (MAX_BODY_BYTES, 1 GiB), i.e. eight times the largest single frame
 * (256 MiB). Each frame is capped on its own; without this, a validly signed bundle of many frames
 * could expand without bound. A bundle over it is refused as damaged, nothing of it applied.
 */
export const BUNDLE_PLAIN_BUDGET = 2 * MAX_BODY_BYTES;

/**
 * What one round holds in memory of the bundles it reads (their bytes and what they decompressed to)
 * before it stops reading and leaves the rest, unread and in order, to the next round. Every received
 * bundle stays in memory until the round's commit, so a laptop back after months (thousands of
 * bundles) would otherwise hold them all at once. At least one bundle is always read.
 */
export const ROUND_PLAIN_BUDGET = BUNDLE_PLAIN_BUDGET;

export interface ReceivedDoc {
  kind: 'changes' | 'snapshot';
  docId: string;
  changes: Uint8Array[];
  snapshot: Uint8Array | null;
}

export interface ReceivedFile {
  laptop: string;
  seq: number;
  events: RosterEvent[];
  caseKeys: CaseKeyRow[];
  grantsSeen: { caseId: string; laptop: string; keyId: string }[];
  docs: ReceivedDoc[];
  audit: PublishedLog | null;
  /** Keys of cases we hold that came in a group frame we could not open (a key of it missing): asked for whole. */
  catchup: string[];
}

export interface Joined {
  laptopId: string;
  signPublic: string;
  boxPublic: string;
  userId: string;
  invite: string;
  manager: boolean;
  /** This laptop wrote the invitation and admitted the laptop on its join file: it announces it (`accepted`). */
  announce: boolean;
}

export interface RoundResult {
  published: { seq: number; bytes: number } | null;
  files: ReceivedFile[];
  joins: Joined[];
  epochs: EpochRow[];
  seen: Record<string, Record<string, number>>;
  refused: { laptop: string; seq: number; reason: BundleRefusal }[];
  pruned: number;
  /** Files another laptop wrote in a newer format: kept, not applied; this laptop needs an update. */
  newerFormat: boolean;
}

const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export interface JoinBody {
  laptop: string;
  signPublic: string;
  boxPublic: string;
  invite: string;
}

/** The shared folder is not there (a USB stick not plugged in, a network drive not mounted). */
export class FolderUnavailable extends Error {
  constructor() {
    super('The shared folder cannot be reached.');
    this.name = 'FolderUnavailable';
  }
}

export function runExchange(plan: RoundPlan): RoundResult {
  // Never created here: a missing mount point must not become an empty local folder.
  if (!existsSync(plan.folder) || !statSync(plan.folder).isDirectory()) throw new FolderUnavailable();
  const me = plan.laptopId;
  const boxPrivate = buf(plan.boxPrivate);
  const laptops = new Map(plan.laptops.map((l) => [l.laptopId, { ...l }]));
  const self = laptops.get(me);
  if (!self) throw new Error('this laptop is not on its own roster');
  const signKey = signingKey(buf(plan.signPrivate), self.signPublic);
  const epochs = new Map(plan.epochs.map((e) => [e.epoch, { ...e, key: buf(e.key) }]));
  const invites = new Map(plan.invites.map((i) => [i.invite, { ...i }]));
  const caseKeysById = new Map(plan.caseKeys.map((k) => [k.keyId, { ...k, key: buf(k.key) }]));
  const result: RoundResult = { published: null, files: [], joins: [], epochs: [], seen: {}, refused: [], pruned: 0, newerFormat: false };

  // 1. What we have durably applied (from the store, so never ahead of it), and pruning.
  const ownSeqs = bundleSeqs(plan.folder, me);
  const ownTop = Math.max(plan.nextSeq - 1, ownSeqs.at(-1) ?? 0);
  const vector: Record<string, number> = { [me]: ownTop };
  for (const l of laptops.values()) if (l.laptopId !== me) vector[l.laptopId] = l.appliedSeq;
  const current = currentEpoch([...epochs.values()]);
  writeDurably(plan.folder, me, SEEN_FILE, sealBundle({ team: plan.teamId, epoch: current.epoch, laptop: me, seq: Date.parse(plan.now), teamKey: current.key, signKey, body: Buffer.from(JSON.stringify(vector), 'utf8') }));
  const others = [...laptops.values()].filter((l) => l.laptopId !== me && l.status === 'active');
  const pending = [...invites.values()].filter((i) => !i.usedBy && i.expiresAt > plan.now);
  const acks = [...others.map((l) => l.seen[me] ?? 0), ...pending.map((i) => i.vector[me] ?? 0)];
  if (acks.length > 0) result.pruned = pruneOwn(plan.folder, me, Math.min(...acks));

  // 2. New team keys sealed to us by a managing laptop.
  const learnKeys = () => {
    for (const l of laptops.values()) {
      if (!l.manager || l.laptopId === me) continue;
      for (const name of filesOf(plan.folder, l.laptopId)) {
        const epoch = /^k-([0-9a-z.-]{1,80})\.shk$/u.exec(name)?.[1];
        if (!epoch || epochs.has(epoch)) continue;
        const bytes = readIfPresent(join(plan.folder, l.laptopId, name));
        const got = bytes && readKeyFile(bytes, { team: plan.teamId, from: l.laptopId, signer: verifyingKey(l.signPublic), me, boxPrivate, boxPublic: self.boxPublic });
        if (got && got.epoch === epoch) {
          const row = { epoch: got.epoch, n: got.n, key: got.key };
          epochs.set(got.epoch, row);
          result.epochs.push(row);
        }
      }
    }
  };
  learnKeys();

  const ctxFor = (laptop: string, seq: number | null) => ({
    team: plan.teamId,
    laptop,
    seq,
    signPublic: (id: string) => {
      const l = laptops.get(id);
      return l ? verifyingKey(l.signPublic) : null;
    },
    teamKey: (epoch: string) => epochs.get(epoch)?.key ?? null,
  });

  const applyEvents = (from: string, events: RosterEvent[]) => {
    const sender = laptops.get(from);
    for (const e of events) {
      if (e.t === 'invite' && sender?.manager) {
        if (!invites.has(e.invite)) invites.set(e.invite, { invite: e.invite, userId: e.userId, enrolPublic: e.enrolPublic, vector: e.vector, byLaptop: from, manager: e.manager === true, expiresAt: e.expiresAt, usedBy: null });
      } else if (e.t === 'accepted') {
        // Only the laptop that wrote the invitation decides who used it; every laptop follows it.
        const inv = invites.get(e.invite);
        if (!inv || inv.byLaptop !== from || !sender?.manager || laptops.has(e.laptop) || (inv.usedBy && inv.usedBy !== e.laptop)) continue;
        if (typeof e.laptop !== 'string' || !/^[0-9a-f]{16}$/u.test(e.laptop) || typeof e.signPublic !== 'string' || typeof e.boxPublic !== 'string') continue;
        admit(inv, { laptop: e.laptop, signPublic: e.signPublic, boxPublic: e.boxPublic, invite: inv.invite }, false);
      } else if (e.t === 'revoke' && sender?.manager) {
        const target = laptops.get(e.laptop);
        if (target) {
          target.status = 'revoked';
          target.lastAcceptedSeq = Math.min(target.lastAcceptedSeq ?? e.lastSeq, e.lastSeq);
        }
      }
    }
  };

  // 3. Join files of laptops we do not know yet, then every laptop's new bundles in order. Only the
  // laptop that wrote an invitation reads join files for it: by its own clock within the invitation's
  // 7 days, and only its first use. It announces the laptop it admitted (`accepted`, commitRound
  // queues it); every other laptop admits a laptop on that announcement only (applyEvents), so all
  // laptops admit the same one, whatever order or round they see join files in.
  function admit(inv: InviteRow, body: JoinBody, announce: boolean): void {
    const joined: Joined = { laptopId: body.laptop, signPublic: body.signPublic, boxPublic: body.boxPublic, userId: inv.userId, invite: inv.invite, manager: inv.manager, announce };
    inv.usedBy = body.laptop;
    laptops.set(body.laptop, { ...joined, status: 'active', lastAcceptedSeq: null, enrolledAt: plan.now, appliedSeq: 0, seen: {}, lastFileAt: null });
    result.joins.push(joined);
  }
  const tryJoin = (laptop: string): boolean => {
    for (const name of filesOf(plan.folder, laptop)) {
      const invite = /^join-([0-9a-f]{24})\.shj$/u.exec(name)?.[1];
      const inv = invite ? invites.get(invite) : undefined;
      if (!inv || inv.byLaptop !== me || inv.usedBy || inv.expiresAt < plan.now) continue;
      const bytes = readIfPresent(join(plan.folder, laptop, name));
      if (!bytes) continue;
      try {
        const opened = openBundle(bytes, { ...ctxFor(laptop, 0), signPublic: () => verifyingKey(inv.enrolPublic) });
        const body = JSON.parse(opened.body.toString('utf8')) as JoinBody;
        if (body.laptop !== laptop || body.invite !== inv.invite || typeof body.signPublic !== 'string' || typeof body.boxPublic !== 'string') continue;
        admit(inv, body, true);
        return true;
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
      }
    }
    return false;
  };

  const readBundle = (l: LaptopRow, seq: number): 'ok' | 'stop' => {
    if (l.status === 'revoked' && seq > (l.lastAcceptedSeq ?? 0)) {
      result.refused.push({ laptop: l.laptopId, seq, reason: 'revoked' });
      return 'stop';
    }
    const bytes = readIfPresent(join(plan.folder, l.laptopId, bundleName(seq)));
    if (!bytes) return 'stop';
    let body;
    let format: number;
    try {
      const opened = openBundle(bytes, ctxFor(l.laptopId, seq));
      body = decodeBody(opened.body);
      format = opened.header.v;
    } catch (error) {
      if (error instanceof BundleError) {
        if (error.reason === 'newer-format') result.newerFormat = true;
        result.refused.push({ laptop: l.laptopId, seq, reason: error.reason });
        return 'stop';
      }
      result.refused.push({ laptop: l.laptopId, seq, reason: 'damaged' });
      return 'stop';
    }
    const file: ReceivedFile = { laptop: l.laptopId, seq, events: body.control.events, caseKeys: [], grantsSeen: [], docs: [], audit: body.control.audit ?? null, catchup: [] };
    // Keys sealed to us in this bundle count only once the whole bundle is found sound.
    const newKeys = new Map<string, CaseKeyRow>();
    for (const g of body.control.grants) {
      // Whoever seals a key holds it too.
      file.grantsSeen.push({ caseId: g.caseId, laptop: g.laptop, keyId: g.keyId }, { caseId: g.caseId, laptop: l.laptopId, keyId: g.keyId });
      if (g.laptop !== me || caseKeysById.has(g.keyId) || newKeys.has(g.keyId)) continue;
      const key = unseal(g.sealed, boxPrivate, self.boxPublic, caseKeyAad(plan.teamId, g.caseId, g.keyId, me));
      if (key) newKeys.set(g.keyId, { caseId: g.caseId, keyId: g.keyId, key, madeAt: Number.isSafeInteger(g.madeAt) ? g.madeAt : 0 });
    }
    for (const e of body.control.events) {
      if (e.t === 'holds' && Array.isArray(e.keys)) for (const k of e.keys) file.grantsSeen.push({ caseId: k.caseId, keyId: k.keyId, laptop: l.laptopId });
    }
    const keyOf = (keyId: string) => caseKeysById.get(keyId) ?? newKeys.get(keyId);
    // The whole bundle's decompressed output, against one fixed budget (BUNDLE_PLAIN_BUDGET).
    let plain = 0;
    const spend = (bytes: number) => {
      plain += bytes;
      if (plain > (plan.plainBudget ?? BUNDLE_PLAIN_BUDGET)) throw new BundleError('damaged');
    };
    const unpacked = (packed: Buffer): Uint8Array[] => {
      const changes = unpackChanges(packed);
      spend(changes.reduce((n, c) => n + c.length, 0));
      return changes;
    };
    try {
      body.frames.forEach((frame: DocFrame, index: number) => {
        if (frame.kind === 'group') {
          // Format 4: several cases under one key derived from all theirs (group-frame.ts).
          if (format < 4) throw new BundleError('damaged');
          const opened = openGroupFrame(frame.payload, body.control.salt, index, frameDictionary(body.control, null, format), keyOf);
          if (opened.status === 'damaged') throw new BundleError('damaged');
          // A case of the group is not ours (or its key has not reached us yet): the cases we hold are asked for whole.
          if (opened.status === 'missing') file.catchup.push(...opened.held);
          else {
            spend(opened.parts.reduce((n, p) => n + p.packed.length, 0));
            for (const part of opened.parts) file.docs.push({ kind: 'changes', docId: `case:${part.caseId}`, changes: unpacked(part.packed), snapshot: null });
          }
          return;
        }
        let data: Buffer | null = frame.payload;
        if (frame.keyId !== null) {
          const caseKey = keyOf(frame.keyId);
          // Not ours to hold (minimum necessary): skipped, never stored.
          if (!caseKey) return;
          frame.docId = `case:${caseKey.caseId}`;
          data = openCaseFrame(caseKey.key, body.control.salt, frame, index, frameDictionary(body.control, caseKey.caseId, format));
          if (!data) return;
          spend(data.length);
        } else if (frame.docId.startsWith('case:')) return;
        if (frame.kind === 'snapshot') file.docs.push({ kind: 'snapshot', docId: frame.docId, changes: [], snapshot: new Uint8Array(data) });
        else file.docs.push({ kind: 'changes', docId: frame.docId, changes: format >= 3 ? unpacked(data) : decodeChanges(data), snapshot: null });
      });
    } catch {
      // A frame that its keys should open but that does not (tampered, or damaged by its writer): nothing of the bundle is used.
      result.refused.push({ laptop: l.laptopId, seq, reason: 'damaged' });
      return 'stop';
    }
    applyEvents(l.laptopId, body.control.events);
    for (const row of newKeys.values()) {
      caseKeysById.set(row.keyId, row);
      file.caseKeys.push(row);
    }
    result.files.push(file);
    l.appliedSeq = seq;
    roundPlain += bytes.length + plain;
    return 'ok';
  };
  let roundPlain = 0;
  const roundFull = () => roundPlain >= (plan.roundPlainBudget ?? ROUND_PLAIN_BUDGET);

  for (let progress = true; progress; ) {
    progress = false;
    learnKeys();
    for (const laptop of laptopDirs(plan.folder)) {
      if (laptop === me) continue;
      let l = laptops.get(laptop);
      if (!l) {
        if (!tryJoin(laptop)) continue;
        progress = true;
        l = laptops.get(laptop)!;
      }
      const seqs = bundleSeqs(plan.folder, laptop).filter((s) => s > l.appliedSeq);
      for (const seq of seqs) {
        if (roundFull()) break; // the rest waits for the next round
        if (seq !== l.appliedSeq + 1 && l.appliedSeq !== 0) break; // a gap: wait for the missing file
        if (readBundle(l, seq) !== 'ok') break;
        progress = true;
      }
    }
  }

  // 4. The others' seen vectors (what they have applied), for pruning next round.
  for (const l of laptops.values()) {
    if (l.laptopId === me) continue;
    const bytes = readIfPresent(join(plan.folder, l.laptopId, SEEN_FILE));
    if (!bytes) continue;
    try {
      const opened = openBundle(bytes, ctxFor(l.laptopId, null));
      const seen = JSON.parse(opened.body.toString('utf8')) as Record<string, number>;
      if (typeof seen === 'object' && seen !== null) result.seen[l.laptopId] = seen;
    } catch {
      // Half-copied or from an epoch we cannot read: next round.
    }
  }

  // 5. Our own bundle: the number after both the store's counter and any file already there
  // (a crash after the rename and before the store noted it must never reuse a number).
  if (plan.outgoing && (plan.outgoing.frames.length > 0 || plan.outgoing.events.length > 0 || plan.outgoing.grants.length > 0)) {
    // A store restored from a backup is behind what the others applied from it: never reuse their numbers.
    const applied = Object.values(result.seen).map((v) => (Number.isSafeInteger(v[me]) ? v[me]! : 0));
    const seq = Math.max(plan.nextSeq, (bundleSeqs(plan.folder, me).at(-1) ?? 0) + 1, ...applied.map((n) => n + 1));
    const salt = newFrameSalt();
    const dict = plan.outgoing.dict && plan.outgoing.dict.length > 0 ? Buffer.from(plan.outgoing.dict).toString('base64') : undefined;
    const frames = sealFrames(plan.outgoing.frames, plan.caseKeys, salt, frameDictionary({ dict }, null, BUNDLE_FORMAT), (caseId) => frameDictionary({ dict }, caseId, BUNDLE_FORMAT));
    const control = { salt, events: plan.outgoing.events, grants: plan.outgoing.grants, ...(dict ? { dict } : {}), ...(plan.outgoing.audit ? { audit: plan.outgoing.audit } : {}) };
    const body = encodeBody({ control, frames });
    const writeEpoch = currentEpoch([...epochs.values()]);
    const sealed = sealBundle({ team: plan.teamId, epoch: writeEpoch.epoch, laptop: me, seq, teamKey: writeEpoch.key, signKey, body });
    writeDurably(plan.folder, me, bundleName(seq), sealed);
    pauseAt('bundle-written');
    result.published = { seq, bytes: sealed.length };
  }
  return result;
}
