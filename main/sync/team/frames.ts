// Main process or the sync worker (plain Node). Never imports electron.
// What a bundle body holds: one control section (JSON: roster events, per-case key grants) and
// document frames. An agency document's changes are protected by the bundle (team key); a case
// document's changes are compressed and encrypted again under that case's own key, so a laptop that
// was never given the case key cannot read them even though it can open the bundle.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Sealed } from '../../keys/seal';
import type { PublishedLog } from './access-log';

export type RosterEvent =
  | { t: 'invite'; invite: string; userId: string; enrolPublic: string; vector: Record<string, number>; expiresAt: string; manager: boolean }
  | { t: 'revoke'; laptop: string; lastSeq: number; at: string }
  /** A laptop that joined with case keys from its invitation says which cases it holds. */
  | { t: 'holds'; keys: { caseId: string; keyId: string }[] }
  /**
   * A laptop just given these case keys asks every holder for the case's whole document once: changes
   * sent before it had the key were not readable to it then.
   */
  | { t: 'catchup'; keys: string[] }
  /** This laptop was restored from a backup: send it every key and document it may hold again (restored.ts). */
  | { t: 'restored' }
  /** This laptop removed its copy of these cases (evict.ts): forget that it holds their keys. */
  | { t: 'dropped'; cases: string[] }
  /**
   * The inviting laptop admitted this laptop on this invitation (checked by its own clock within the
   * invitation's 7 days, and the invitation's only use): every other laptop admits it on this alone.
   */
  | { t: 'accepted'; invite: string; laptop: string; signPublic: string; boxPublic: string };

export interface Grant {
  caseId: string;
  keyId: string;
  madeAt: number;
  laptop: string;
  sealed: Sealed;
}

export interface Control {
  salt: string;
  /**
   * Bundle format 2: what this bundle's changes repeat across cases (who wrote them, the day), base64;
   * with the case's id it extends the fixed dictionary each case frame is compressed with.
   */
  dict?: string;
  events: RosterEvent[];
  grants: Grant[];
  /** This laptop's access-log entries since its last bundle, with their chain's head. */
  audit?: PublishedLog;
}

/** group: bundle format 4, the changes of several cases under one key derived from all theirs (group-frame.ts). */
export type FrameKind = 'changes' | 'snapshot' | 'group';

export interface DocFrame {
  kind: FrameKind;
  docId: string;
  /** null: an agency document (team key only); otherwise the case key that encrypts it (16 hex digits). */
  keyId: string | null;
  payload: Buffer;
}

export interface Body {
  control: Control;
  frames: DocFrame[];
}

const MAX_CHANGES_BYTES = 256 * 1024 * 1024;

export function encodeChanges(changes: Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  for (const change of changes) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(change.byteLength);
    parts.push(length, Buffer.from(change.buffer, change.byteOffset, change.byteLength));
  }
  return Buffer.concat(parts);
}

export function decodeChanges(buf: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  while (offset < buf.length) {
    if (offset + 4 > buf.length) throw new Error('damaged frame');
    const length = buf.readUInt32BE(offset);
    offset += 4;
    if (offset + length > buf.length) throw new Error('damaged frame');
    out.push(new Uint8Array(buf.subarray(offset, offset + length)));
    offset += length;
  }
  return out;
}

function frameKey(caseKey: Buffer, salt: string, frame: Pick<DocFrame, 'kind' | 'docId'>, index: number): Buffer {
  const info = Buffer.from(`safehold case frame v1|${frame.kind}|${frame.docId}|${index}`, 'utf8');
  return Buffer.from(hkdfSync('sha256', caseKey, Buffer.from(salt, 'base64url'), info, 32));
}

/**
 * The dictionary a case frame is compressed with: the fixed one (from bundle format 3 with the
 * template changes), the bundle's context, the case's id. `format`: the bundle's (its header's v).
 */
export function frameDictionary(control: Pick<Control, 'dict'>, caseId: string | null, format = 2): Buffer {
  const fixed = format >= 3 ? CASE_DICTIONARY_3 : CASE_DICTIONARY;
  if (typeof control.dict !== 'string') return fixed;
  // The most useful last (deflate reaches nearer bytes more cheaply); at most deflate's 32 KiB window.
  const parts = Buffer.concat([fixed, Buffer.from(control.dict, 'base64'), Buffer.from(caseId ?? '', 'utf8')]);
  return parts.length > 32_768 ? parts.subarray(parts.length - 32_768) : parts;
}

/** A case frame's payload: deflate, then AES-256-GCM under a key used for this one frame only. */
export function sealCaseFrame(caseKey: Buffer, salt: string, frame: Pick<DocFrame, 'kind' | 'docId'>, index: number, plain: Buffer, dictionary: Buffer = CASE_DICTIONARY): Buffer {
  const key = frameKey(caseKey, salt, frame, index);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
    // The dictionary is bound to the frame: opened with any other, it fails instead of decompressing wrongly.
    if (dictionary !== CASE_DICTIONARY) cipher.setAAD(createHash('sha256').update(dictionary).digest());
    const body = Buffer.concat([cipher.update(deflateRawSync(plain, { level: 9, dictionary })), cipher.final()]);
    return Buffer.concat([body, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

export function openCaseFrame(caseKey: Buffer, salt: string, frame: DocFrame, index: number, dictionary: Buffer = CASE_DICTIONARY): Buffer | null {
  if (frame.payload.length < 16) return null;
  const key = frameKey(caseKey, salt, frame, index);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
    if (dictionary !== CASE_DICTIONARY) decipher.setAAD(createHash('sha256').update(dictionary).digest());
    decipher.setAuthTag(frame.payload.subarray(frame.payload.length - 16));
    const deflated = Buffer.concat([decipher.update(frame.payload.subarray(0, frame.payload.length - 16)), decipher.final()]);
    return inflateRawSync(deflated, { maxOutputLength: MAX_CHANGES_BYTES, dictionary });
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}

export function newFrameSalt(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A fixed preset dictionary for compressing one case's changes (frame format 1; changing it is a new
 * format). Single changes are small, and a case frame cannot share compression with other cases (it
 * is encrypted on its own), so the words every change repeats (table and column names, the change
 * message) are given up front. Names only: no data.
 */
const CASE_DICTIONARY = Buffer.from(
  [
    '{"v":1,"by":"',
    'intake_sections', 'consents', 'goals', 'goal_steps', 'referrals', 'milestones', 'case_notes', 'safety_plans', 'case_closures',
    'assessment_scores', 'assessments', 'access_reasons', 'client_changes',
    '\u001fclient_id\u001fdate\u001fcategory\u001fprovider\u001fpartner_id\u001fminutes\u001famount_cents\u001fgoal_id\u001fnote',
    '\u001fcreated_at\u001fcreated_by\u001fupdated_at\u001fstatus\u001fkind\u001ftitle\u001fdomain\u001fversion\u001fdata\u001fbody',
    'case_managementin_housepartnerlegalhousingimmigration2026-',
    'clients\u001f', 'services\u001f',
  ].join(''),
  'utf8',
);

/**
 * Bundle format 3's fixed dictionary: format 1's words, then three template changes as Automerge
 * 3.5 encoded them (a laptop that never changes this constant reads every format-3 frame): one
 * field overwriting another laptop's value, an interactive edit (a service, its case-history line
 * and the case's updated_at) and a record written alone. They are synthetic: ids, actor, person and
 * laptop are all zeros, values are fixed words and dates. A change's bytes have the same layout
 * (column headers, lengths, op ids) whatever its values, so these let a single change compress to
 * about half (docs/DESIGN-sync.md). Changing a byte of it is a new bundle format.
 */
const CASE_DICTIONARY_3 = Buffer.concat([
  CASE_DICTIONARY,
  Buffer.from(
    [
      'hW9Kgys79tYB/AEBgH4hE/ngkiYW7U/vO2dqK17YU/0G9P7AI0ngoX9gD8YQAAAAAAAAAAAAAAAAAAAAAAECgPLWygZGeyJ2',
      'IjoxLCJieSI6IjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwIiwibCI6IjAwMDAwMDAwMDAwMDAwMDAifQEQERER',
      'EREREREREREREREREQgVNTQBQgJWA1cYcAJxAnMCfzNjbGllbnRzHjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
      'HnVwZGF0ZWRfYXQBfwF/hgMyMDI2LTAxLTAyVDAwOjAwOjAwLjAwMFp/AX8BfwGFb0qDGNhhjwGFCQGAfiET+eCSJhbtT+87',
      'Z2orXthT/Qb0/sAjSeChf2APxhAAAAAAAAAAAAAAAAAAAAAAAQKA8tbKBkZ7InYiOjEsImJ5IjoiMDAwMDAwMDAwMDAwMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAiLCJsIjoiMDAwMDAwMDAwMDAwMDAwMCJ9ARARERERERERERERERERERERCBWyBTQBQgJWGleH',
      'AnAGcQJzAnM7Y2xpZW50X2NoYW5nZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAuMR5jbGllbnRfaWQ0Y2xp',
      'ZW50X2NoYW5nZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAuMR5hdDRjbGllbnRfY2hhbmdlcx4wMDAwMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMC4xHmJ5OWNsaWVudF9jaGFuZ2VzHjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
      'MDAwMDAwLjEec2VjdGlvbjdjbGllbnRfY2hhbmdlcx4wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMC4xHmZpZWxk',
      'M2NsaWVudHMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAedXBkYXRlZF9hdDNzZXJ2aWNlcx4wMDAwMDAwMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMB5jbGllbnRfaWQuc2VydmljZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
      'MDAeZGF0ZTJzZXJ2aWNlcx4wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMB5jYXRlZ29yeTJzZXJ2aWNlcx4wMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMB5wcm92aWRlcjFzZXJ2aWNlcx4wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
      'MDAwMDAwMB5taW51dGVzNHNlcnZpY2VzHjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwHmNyZWF0ZWRfYXQ0c2Vy',
      'dmljZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAeY3JlYXRlZF9ieQ0NAXOGBIYDhgSGAdYChgOGBKYB9gGG',
      'ARSGA4YEMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFowMDAwMDAwMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMHNlcnZpY2VzYWRkZWQ6Y2FzZV9tYW5hZ2VtZW50MjAyNi0wMS0wMlQwMDowMDowMC4w',
      'MDBaMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAyMDI2LTAxLTAxY2FzZV9tYW5hZ2VtZW50aW5faG91c2UeMjAy',
      'Ni0wMS0wMVQwMDowMDowMC4wMDBaMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAFAH8BBwB/AX8BhW9Kg4Nyg40B',
      '9wQBgH4hE/ngkiYW7U/vO2dqK17YU/0G9P7AI0ngoX9gD8YQAAAAAAAAAAAAAAAAAAAAAAECgPLWygZGeyJ2IjoxLCJieSI6',
      'IjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwIiwibCI6IjAwMDAwMDAwMDAwMDAwMDAifQAGFeYCNAFCAlYNV3Bw',
      'Ankzc2VydmljZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAeY2xpZW50X2lkLnNlcnZpY2VzHjAwMDAwMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwHmRhdGUyc2VydmljZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAe',
      'Y2F0ZWdvcnkyc2VydmljZXMeMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAecHJvdmlkZXIxc2VydmljZXMeMDAw',
      'MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAebWludXRlczRzZXJ2aWNlcx4wMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
      'MDAwMDAwMB5jcmVhdGVkX2F0NHNlcnZpY2VzHjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwHmNyZWF0ZWRfYnkH',
      'BwF5hgSmAVaGARSGA4YEMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAyMDI2LTAxLTAxbGVnYWxpbl9ob3VzZS0y',
      'MDI2LTAxLTAxVDAwOjAwOjAwLjAwMFowMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMAcA',
    ].join(''),
    'base64',
  ),
]);

export function encodeBody(body: Body): Buffer {
  const control = Buffer.from(JSON.stringify(body.control), 'utf8');
  const parts: Buffer[] = [];
  const head = Buffer.alloc(4);
  head.writeUInt32BE(control.length);
  parts.push(head, control);
  for (const frame of body.frames) {
    // A case frame names only its key: the case (and its document) is known to whoever holds the key.
    const id = Buffer.from(frame.keyId === null ? frame.docId : '', 'utf8');
    const keyId = Buffer.from(frame.keyId ?? '', 'hex');
    const h = Buffer.alloc(1 + 2 + 1 + 4);
    h.writeUInt8(frame.kind === 'changes' ? 1 : frame.kind === 'snapshot' ? 2 : 3, 0);
    h.writeUInt16BE(id.length, 1);
    h.writeUInt8(keyId.length, 3);
    h.writeUInt32BE(frame.payload.length, 4);
    parts.push(h, id, keyId, frame.payload);
  }
  return Buffer.concat(parts);
}

export function decodeBody(buf: Buffer): Body {
  if (buf.length < 4) throw new Error('damaged body');
  const controlLength = buf.readUInt32BE(0);
  if (4 + controlLength > buf.length) throw new Error('damaged body');
  const control = JSON.parse(buf.subarray(4, 4 + controlLength).toString('utf8')) as Control;
  if (typeof control !== 'object' || control === null || !Array.isArray(control.events) || !Array.isArray(control.grants) || typeof control.salt !== 'string') {
    throw new Error('damaged body');
  }
  const frames: DocFrame[] = [];
  let offset = 4 + controlLength;
  while (offset < buf.length) {
    if (offset + 8 > buf.length) throw new Error('damaged body');
    const kindByte = buf.readUInt8(offset);
    const idLength = buf.readUInt16BE(offset + 1);
    const keyLength = buf.readUInt8(offset + 3);
    const payloadLength = buf.readUInt32BE(offset + 4);
    offset += 8;
    if ((kindByte !== 1 && kindByte !== 2 && kindByte !== 3) || offset + idLength + keyLength + payloadLength > buf.length) throw new Error('damaged body');
    const docId = buf.subarray(offset, offset + idLength).toString('utf8');
    offset += idLength;
    const keyId = keyLength === 0 ? null : buf.subarray(offset, offset + keyLength).toString('hex');
    offset += keyLength;
    frames.push({ kind: kindByte === 1 ? 'changes' : kindByte === 2 ? 'snapshot' : 'group', docId, keyId, payload: buf.subarray(offset, offset + payloadLength) });
    offset += payloadLength;
  }
  return { control, frames };
}
