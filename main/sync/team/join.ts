// Main process (plain Node). Never imports electron.
// A new laptop joins: opens the invitation with its one-time code, makes a new store (its own data
// key, its person's key slot, a recovery key), loads the documents from the invitation, makes its
// own laptop keys, and queues its join file (signed with the invitation's one-time enrolment key,
// so the other laptops know the administrator enrolled it).
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as engine from '../engine';
import { writeAnchor } from '../../audit/anchor';
import { auditKeyOf, auditLog, bindSigner } from '../../audit/chain';
import { recordKeys } from '../../audit/identities';
import { newIdentity, signerOf, wipeIdentity, type Identity } from '../../keys/identity';
import type { DataPaths } from '../../core/paths';
import { fsyncDirectory } from '../../fs/atomic';
import type { KdfCost } from '../../keys/kdf';
import { newKeyring, withPassphraseSlot, writeKeyring } from '../../keys/keyring';
import { nameKey } from '../../keys/names';
import { DATA_KEY_BYTES } from '../../store/cipher';
import { closeStore, openStore } from '../../store/open';
import { sealBundle } from './bundle';
import { filesOf, joinName, laptopDirs } from './folder';
import type { JoinBody } from './exchange';
import { newLaptopKeys, signingKey } from './identity';
import { InvitationError, MAX_INVITATION_BYTES, openInvitation } from './invitation';
import { readRegularFile } from '../../fs/regular-file';
import { caseBlockOf, newActorId, TeamError } from './enrol';
import { addCaseKey, addEpoch, addGrant, addInvite, currentEpoch, enqueueEvent, markRevoked, setApplied, upsertLaptop, writeSelf } from './state';

export interface JoinInput {
  paths: DataPaths;
  invitationFile: string;
  code: string;
  folder: string;
  name: string;
  passphrase: string;
  recoveryKey: string;
  cost: KdfCost;
  now: Date;
}

export async function joinTeam(input: JoinInput): Promise<{ userId: string; laptopId: string; docs: number; dataKey: Buffer; identity: Identity }> {
  const { paths } = input;
  if (existsSync(paths.keyring)) throw new TeamError('CONFLICT', 'Safehold is already set up in this data folder. Nothing was changed.');
  let bytes: Buffer;
  try {
    // Only an ordinary file, read no further than an invitation can be: a FIFO would block the main
    // process and a link to /dev/zero never ends.
    bytes = readRegularFile(input.invitationFile, MAX_INVITATION_BYTES);
  } catch {
    throw new InvitationError('The invitation file could not be read.');
  }
  const { data, frames } = await openInvitation(bytes, input.code);
  if (Date.parse(data.expiresAt) < input.now.getTime()) throw new InvitationError('This invitation has expired. Ask an administrator for a new one.', 'code');
  if (nameKey(input.name) !== nameKey(data.displayName)) throw new InvitationError('This invitation is for someone else. Check the name.', 'name');
  // Works once: a laptop that already joined with it has left its join file in the folder (the
  // others also refuse a second laptop on one invitation).
  if (laptopDirs(input.folder).some((l) => filesOf(input.folder, l).includes(joinName(data.invite)))) {
    throw new InvitationError('This invitation was already used. Ask an administrator for a new one.', 'code');
  }
  const at = input.now.toISOString();
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const pending = `${paths.store}.join`;
  for (const leftover of [paths.store, pending]) if (existsSync(leftover)) renameSync(leftover, `${leftover}.orphan-${input.now.getTime()}`);
  rmSync(`${pending}-wal`, { force: true });
  const keys = newLaptopKeys();
  // This laptop's access-log chain starts with the person who joined it: their personal keys are its
  // root (as the founding administrator's are on the first laptop), so every entry written here is
  // signed; the recovery key gets keys vouched for by that root, as at setup.
  const identity = newIdentity(null);
  const recoveryIdentity = newIdentity(identity.signingKey);
  const db = openStore({ path: pending, key: dataKey, create: true });
  let joinFile: Buffer;
  try {
    db.transaction(() => {
      engine.enableSync(db, { actorId: newActorId(), laptopId: keys.laptopId, caseBlock: caseBlockOf(keys.laptopId), joining: true });
      // All documents in one batch: their Automerge reading runs in worker threads while rows are written here.
      engine.loadSnapshots(db, frames.filter((f) => f.kind === 'snapshot').map((f) => ({ docId: f.docId, bytes: new Uint8Array(f.payload) })));
      const user = db.prepare<[string], { name_key: string; active: number }>('SELECT name_key, active FROM users WHERE id = ?').get(data.userId);
      if (!user || user.active !== 1 || user.name_key !== nameKey(input.name)) throw new InvitationError('The invitation does not hold this person’s account. Ask for a new invitation.', 'name');
      writeSelf(db, { teamId: data.teamId, folder: input.folder, keys, at });
      for (const l of data.laptops) {
        upsertLaptop(db, { ...l, enrolledAt: at });
        if (l.status === 'revoked') markRevoked(db, l.laptopId, l.lastAcceptedSeq ?? 0);
      }
      upsertLaptop(db, { laptopId: keys.laptopId, signPublic: keys.signPublic, boxPublic: keys.boxPublic, userId: data.userId, manager: data.manager, enrolledAt: at });
      for (const [laptop, seq] of Object.entries(data.vector)) setApplied(db, laptop, seq, at);
      for (const e of data.epochs) addEpoch(db, { epoch: e.epoch, n: e.n, key: Buffer.from(e.key, 'base64') }, at);
      for (const i of data.invites) addInvite(db, i);
      addInvite(db, { invite: data.invite, userId: data.userId, enrolPublic: data.enrolPublic, vector: data.vector, byLaptop: '', manager: data.manager, expiresAt: data.expiresAt, usedBy: keys.laptopId });
      for (const k of data.caseKeys) {
        addCaseKey(db, { caseId: k.caseId, keyId: k.keyId, key: Buffer.from(k.key, 'base64'), madeAt: k.madeAt });
        addGrant(db, k.caseId, keys.laptopId, k.keyId);
        for (const holder of k.holders ?? []) addGrant(db, k.caseId, holder, k.keyId);
      }
      const epoch = currentEpoch(data.epochs.map((e) => ({ epoch: e.epoch, n: e.n, key: Buffer.from(e.key, 'base64') })));
      const enrolKey = signingKey(Buffer.from(data.enrolPrivate, 'base64url'), data.enrolPublic);
      const body: JoinBody = { laptop: keys.laptopId, signPublic: keys.signPublic, boxPublic: keys.boxPublic, invite: data.invite };
      joinFile = sealBundle({ team: data.teamId, epoch: epoch.epoch, laptop: keys.laptopId, seq: 0, teamKey: epoch.key, signKey: enrolKey, body: Buffer.from(JSON.stringify(body), 'utf8') });
      enqueueEvent(db, 'joinfile', { t: 'joinfile', name: joinName(data.invite), bytes: joinFile.toString('base64') });
      enqueueEvent(db, 'holds', { t: 'holds', keys: data.caseKeys.map((k) => ({ caseId: k.caseId, keyId: k.keyId })) });
      const log = auditLog(db, auditKeyOf(db), () => input.now, signerOf(identity));
      const role = db.prepare<[string], { role: string }>('SELECT role FROM users WHERE id = ?').get(data.userId)?.role ?? 'caseworker';
      recordKeys(log, data.userId, { user: data.userId, identity, admin: true, active: true, role, root: true });
      recordKeys(log, data.userId, { user: null, identity: recoveryIdentity, admin: true, active: true, role: 'recovery', recovery: true });
      log.append({ actorId: data.userId, action: 'team.join', targetId: keys.laptopId });
    })();
    const auditKey = auditKeyOf(db);
    bindSigner(db, signerOf(identity));
    writeAnchor(paths.dir, db, auditKey);
    bindSigner(db, null);
    auditKey.fill(0);
  } catch (error) {
    closeStore(db);
    rmSync(pending, { force: true });
    dataKey.fill(0);
    wipeIdentity(identity);
    wipeIdentity(recoveryIdentity);
    throw error;
  } finally {
    keys.signPrivate.fill(0);
    keys.boxPrivate.fill(0);
  }
  closeStore(db);
  renameSync(pending, paths.store);
  chmodSync(paths.store, 0o600);
  fsyncDirectory(paths.dir);
  try {
    const keyring = await withPassphraseSlot(newKeyring(dataKey, input.recoveryKey, recoveryIdentity), { userId: data.userId, name: input.name, passphrase: input.passphrase, dataKey, cost: input.cost, identity });
    writeKeyring(paths.keyring, keyring);
  } finally {
    wipeIdentity(recoveryIdentity);
  }
  return { userId: data.userId, laptopId: keys.laptopId, docs: frames.length, dataKey, identity };
}
