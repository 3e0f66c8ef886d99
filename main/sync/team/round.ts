// Main process (plain Node). Never imports electron.
// One sync round = plan (read the store), exchange (the folder and all crypto; in the sync worker in
// the app, in-process for the CLI) and commit (apply everything received in one transaction). A crash
// or kill at any point leaves the store as it was before the commit, or after it; the folder only
// ever gains whole files, so the next round converges.
import * as engine from '../engine';
import { seal } from '../../keys/seal';
import type { Db } from '../../store/open';
import { caseKeyAad, runExchange, type OutFrame, type RoundPlan, type RoundResult } from './exchange';
import { type Grant, type RosterEvent } from './frames';
import { packChanges } from './change-pack';
import { holdersOf } from './holders';
import { readIfPresent, writeDurably } from './folder';
import { join } from 'node:path';
import { caseKeyOf, casesToRekey, ensureCaseKey, missingGrants, rotateCaseKey } from './scope';
import { markPublished, receive as receiveLog, unpublished, type PublishedLog } from './access-log';
import { evictWithheldCases } from './evict';
import { agencySnapshots, forgetHeld, onRestored } from './restored';
import { pauseAt } from './test-pause';
import { assignBlobs, exchangeBlobs, type BlobPass } from './blobs';
import { applyPurgeTombstones, checkpointAfterPurge, withoutPurged } from '../../cases/purge';
import {
  addCaseKey,
  addEpoch,
  addGrant,
  addInvite,
  clearQueuedEvents,
  enqueueEvent,
  markRevoked,
  readCaseKeys,
  readEpochs,
  readInvites,
  readLaptops,
  readQueuedEvents,
  readSelf,
  setApplied,
  setSeen,
  upsertLaptop,
  useInvite,
} from './state';

/** Access-log entries that make a bundle of their own when nothing else is sent. */
export const AUDIT_ALONE = 200;

export interface PreparedRound {
  plan: RoundPlan;
  audit: PublishedLog | null;
  outboxUpto: number | null;
  queuedUpto: number | null;
  grantsIssued: { caseId: string; laptopId: string; keyId: string }[];
  sentChanges: number;
}

export interface RoundSummary {
  ok: true;
  sent: number;
  received: number;
  conflicts: number;
  /** Changes a newer Safehold wrote, kept unapplied until this laptop is updated. */
  keptForUpdate?: number;
}

export class NotInTeam extends Error {
  constructor() {
    super('This laptop is not part of a team.');
    this.name = 'NotInTeam';
  }
}

/** A file for this laptop's folder waiting to be written: a join file (the join command queues it with the store) or a team-key file (a revocation). */
interface QueuedJoinFile {
  t: 'joinfile';
  name: string;
  bytes: string;
}

/** A case document another laptop asked for (catch-up), to send in the next bundle. */
interface QueuedSnapshot {
  t: 'sendsnap';
  caseId: string;
}

export function prepareRound(db: Db, now: Date): PreparedRound {
  return db.transaction((): PreparedRound => {
    const self = readSelf(db);
    if (!self) throw new NotInTeam();
    // Documents whose content is here get their blob's key and name first, so the record carrying them goes out now.
    assignBlobs(db, self.laptopId);
    const outbox = engine.takeOutbox(db);
    const byDoc = new Map<string, Uint8Array[]>();
    for (const item of outbox) {
      const list = byDoc.get(item.docId) ?? [];
      list.push(item.change);
      byDoc.set(item.docId, list);
    }
    const frames: OutFrame[] = [];
    for (const [docId, changes] of byDoc) {
      const caseId = engine.docCaseId(docId);
      if (caseId !== null) ensureCaseKey(db, caseId);
      frames.push({ kind: 'changes', docId, caseId, data: packChanges(changes) });
    }
    // A case a laptop may no longer hold gets a new key, sealed below only to those that may.
    const rekeyed = casesToRekey(db, self.laptopId).map((caseId) => rotateCaseKey(db, caseId));
    // Says this laptop holds the new keys: a laptop left out learns the case moved away from it (evict.ts).
    if (rekeyed.length > 0) enqueueEvent(db, 'holds', { t: 'holds', keys: rekeyed.map((k) => ({ caseId: k.caseId, keyId: k.keyId })) });
    const grants: Grant[] = [];
    const grantsIssued: { caseId: string; laptopId: string; keyId: string }[] = [];
    const snapshotted = new Set<string>();
    for (const missing of missingGrants(db, self.laptopId)) {
      const key = caseKeyOf(db, missing.caseId)!;
      grants.push({ caseId: missing.caseId, keyId: key.keyId, madeAt: key.madeAt, laptop: missing.laptopId, sealed: seal(key.key, missing.boxPublic, caseKeyAad(self.teamId, missing.caseId, key.keyId, missing.laptopId)) });
      grantsIssued.push({ caseId: missing.caseId, laptopId: missing.laptopId, keyId: key.keyId });
      // The case's whole document goes with its key: the laptop never had its earlier changes.
      const docId = `case:${missing.caseId}`;
      if (!snapshotted.has(docId)) {
        snapshotted.add(docId);
        frames.push({ kind: 'snapshot', docId, caseId: missing.caseId, data: engine.saveDoc(db, docId) });
      }
    }
    // Format 4: cases whose current keys the same laptops hold share one group frame (group-seal.ts).
    const holders = holdersOf(db, self.laptopId, grantsIssued);
    for (const f of frames) if (f.kind === 'changes' && f.caseId !== null) f.holders = holders(f.caseId);
    const queued = readQueuedEvents(db);
    const events: RosterEvent[] = [];
    for (const q of queued) {
      const body = q.body as RosterEvent | QueuedJoinFile | QueuedSnapshot | { t: 'sendagency' };
      if (body.t === 'joinfile') {
        if (!readIfPresent(join(self.folder, self.laptopId, body.name))) writeDurably(self.folder, self.laptopId, body.name, Buffer.from(body.bytes, 'base64'));
      } else if (body.t === 'sendsnap') {
        const docId = `case:${body.caseId}`;
        if (!snapshotted.has(docId) && caseKeyOf(db, body.caseId) && engine.listDocs(db).some((d) => d.docId === docId)) {
          snapshotted.add(docId);
          frames.push({ kind: 'snapshot', docId, caseId: body.caseId, data: engine.saveDoc(db, docId) });
        }
      } else if (body.t === 'sendagency') frames.push(...agencySnapshots(db, snapshotted));
      else events.push(body);
    }
    // The access log rides along with other content, or on its own once enough has gathered.
    const log = unpublished(db);
    const content = frames.length + events.length + grants.length > 0;
    const audit = log && (content || log.entries.length >= AUDIT_ALONE) ? log : null;
    const plan: RoundPlan = {
      folder: self.folder,
      teamId: self.teamId,
      laptopId: self.laptopId,
      signPrivate: self.signPrivate,
      boxPrivate: self.boxPrivate,
      epochs: readEpochs(db),
      laptops: readLaptops(db),
      invites: readInvites(db),
      caseKeys: readCaseKeys(db),
      nextSeq: self.nextSeq,
      outgoing: content || audit ? { events, grants, frames, dict: engine.changeContext(outbox.map((o) => o.change)), ...(audit ? { audit } : {}) } : null,
      now: now.toISOString(),
    };
    return {
      plan,
      audit,
      outboxUpto: outbox.length > 0 ? outbox.reduce((m, o) => Math.max(m, o.seq), 0) : null,
      queuedUpto: queued.length > 0 ? queued.at(-1)!.seq : null,
      grantsIssued,
      sentChanges: outbox.length,
    };
  })();
}

/** Applies a round's result in one transaction. */
export function commitRound(db: Db, prepared: PreparedRound, result: RoundResult, now: Date): RoundSummary {
  const at = now.toISOString();
  return db.transaction((): RoundSummary => {
    const self = readSelf(db);
    if (!self || self.teamId !== prepared.plan.teamId) throw new NotInTeam();
    for (const e of result.epochs) addEpoch(db, { ...e, key: Buffer.from(e.key) }, at);
    for (const j of result.joins) {
      upsertLaptop(db, { laptopId: j.laptopId, signPublic: j.signPublic, boxPublic: j.boxPublic, userId: j.userId, manager: j.manager, enrolledAt: at });
      useInvite(db, j.invite, j.laptopId);
      // The inviting laptop's decision goes to every other laptop in its next bundle (the follow-up round).
      if (j.announce) enqueueEvent(db, 'accepted', { t: 'accepted', invite: j.invite, laptop: j.laptopId, signPublic: j.signPublic, boxPublic: j.boxPublic });
    }
    let received = 0;
    let conflicts = 0;
    const senders = new Map(readLaptops(db).map((l) => [l.laptopId, l]));
    for (const arrived of result.files) {
      // A purged case's keys, changes and snapshots from a laptop that had not heard are refused (no resurrection).
      const file = withoutPurged(db, arrived);
      const sender = senders.get(file.laptop);
      for (const e of file.events) {
        if (e.t === 'invite' && sender?.manager) {
          addInvite(db, { invite: e.invite, userId: e.userId, enrolPublic: e.enrolPublic, vector: e.vector, byLaptop: file.laptop, manager: e.manager === true, expiresAt: e.expiresAt, usedBy: null });
        } else if (e.t === 'revoke' && sender?.manager) markRevoked(db, e.laptop, e.lastSeq);
        else if (e.t === 'restored' && sender) onRestored(db, file.laptop);
        else if (e.t === 'dropped' && sender && Array.isArray(e.cases)) forgetHeld(db, file.laptop, e.cases);
        else if (e.t === 'catchup' && Array.isArray(e.keys)) {
          for (const keyId of e.keys) {
            const caseId = db.prepare('SELECT case_id FROM team_case_keys WHERE key_id = ?').pluck().get(String(keyId)) as string | undefined;
            if (caseId) enqueueEvent(db, 'sendsnap', { t: 'sendsnap', caseId });
          }
        }
      }
      // New keys, and keys of ours in a group frame we could not open: their cases are asked for whole.
      const ask = [...file.caseKeys.map((k) => k.keyId), ...file.catchup];
      if (ask.length > 0) enqueueEvent(db, 'catchup', { t: 'catchup', keys: ask });
      for (const k of file.caseKeys) addCaseKey(db, { ...k, key: Buffer.from(k.key) });
      for (const g of file.grantsSeen) addGrant(db, g.caseId, g.laptop, g.keyId);
      const changes: { docId: string; change: Uint8Array }[] = [];
      for (const doc of file.docs) {
        if (doc.kind === 'snapshot' && doc.snapshot) {
          // Merged with what we have (the engine merges documents), so nothing of either is lost.
          engine.loadSnapshot(db, doc.docId, doc.snapshot);
          received += 1;
        } else {
          for (const change of doc.changes) changes.push({ docId: doc.docId, change });
        }
      }
      if (changes.length > 0) {
        const applied = engine.applyRemote(db, changes);
        received += changes.length;
        conflicts += applied.conflicts;
      }
      if (file.audit) receiveLog(db, file.laptop, file.audit);
      setApplied(db, file.laptop, file.seq, at);
    }
    for (const [laptop, seen] of Object.entries(result.seen)) setSeen(db, laptop, seen);
    if (result.published) {
      if (prepared.outboxUpto !== null) engine.clearOutbox(db, prepared.outboxUpto);
      if (prepared.queuedUpto !== null) clearQueuedEvents(db, prepared.queuedUpto);
      for (const g of prepared.grantsIssued) addGrant(db, g.caseId, g.laptopId, g.keyId);
      if (prepared.audit) markPublished(db, prepared.audit);
      db.prepare('UPDATE team SET next_seq = ? WHERE id = 1').run(result.published.seq + 1);
    } else if (prepared.queuedUpto !== null) clearQueuedEvents(db, prepared.queuedUpto);
    // Changes of a newer format kept earlier are applied once this version knows the format.
    const newer = engine.retryNewer(db);
    received += newer.applied;
    // A case purged on any laptop leaves this one too, with its keys (cases/purge.ts).
    applyPurgeTombstones(db, at);
    // A case reassigned away from this laptop's person: its local copy goes (minimum necessary).
    evictWithheldCases(db, self.laptopId);
    pauseAt('apply');
    db.prepare('UPDATE team SET last_sync_at = ?, last_sync_ok = 1 WHERE id = 1').run(at);
    return { ok: true, sent: result.published ? prepared.sentChanges : 0, received, conflicts, keptForUpdate: newer.kept };
  })();
}

/** A whole round in this thread (the CLI, tests), then the documents' content (blobs.ts). The app runs the exchange in the sync worker. */
export function syncRound(db: Db, now: Date = new Date()): RoundSummary & { refused: RoundResult['refused']; newerFormat: boolean; blobs: BlobPass } {
  const round = recordsRound(db, now);
  const blobs = exchangeBlobs(db, now);
  checkpointAfterPurge(db);
  return { ...round, blobs };
}

function recordsRound(db: Db, now: Date): RoundSummary & { refused: RoundResult['refused']; newerFormat: boolean } {
  const prepared = prepareRound(db, now);
  const result = runExchange(prepared.plan);
  const summary = commitRound(db, prepared, result, now);
  if (!needsFollowUp(result)) return { ...summary, refused: result.refused, newerFormat: result.newerFormat || (summary.keptForUpdate ?? 0) > 0 };
  // A laptop joined during this round: send it the keys of the cases it may hold right away.
  const again = prepareRound(db, now);
  const second = runExchange(again.plan);
  const more = commitRound(db, again, second, now);
  return {
    ok: true,
    sent: summary.sent + more.sent,
    received: summary.received + more.received,
    conflicts: summary.conflicts + more.conflicts,
    refused: second.refused,
    newerFormat: result.newerFormat || second.newerFormat || (more.keptForUpdate ?? 0) > 0,
  };
}

/** A round that learnt of a new laptop is followed at once by one more, which seals it its case keys. */
export function needsFollowUp(result: RoundResult): boolean {
  return result.joins.length > 0;
}
