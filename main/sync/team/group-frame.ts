// Main process or the sync worker (plain Node). Never imports electron.
// Bundle format 4: a group frame carries the changes of several cases whose current keys are held by
// exactly the same laptops (as this laptop knows them), compressed together and encrypted once under
// a key derived from ALL their case keys. Only a laptop holding every one of those keys can derive it,
// so the group opens for no laptop that may not hold each of its cases (minimum necessary holds as
// with one frame per case). A laptop holding only some of them gets nothing from the frame and asks
// for those cases whole ('catchup'). Per case the frame costs an 8-byte key id instead of a frame
// header and a GCM tag, and the changes of different cases compress against each other.
//
// Payload: LEB128 count | count × 8-byte key id | AES-256-GCM(deflate(plain; dictionary)) | tag.
// Dictionary: the bundle's (format 3's fixed words and the context), then the cases' ids in order.
// Key: HKDF-SHA256(ikm = the case keys in the listed order, salt = the bundle's frame salt,
// info = "safehold group frame v4|" index "|" SHA-256(key ids)). AAD: SHA-256(dictionary) | key ids.
// Plain: per listed key, LEB128 length | that case's changes packed as in format 3 (change-pack.ts).
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { leb, readLeb } from './change-pack';

export const KEY_ID_BYTES = 8;
const TAG = 16;
const MAX_PLAIN = 256 * 1024 * 1024;
/**
 * A sender starts a new group beyond these: 32 cases keep a group's case ids and its changes within
 * deflate's 32 KiB reach of each other (measured best of 8-64), and no group nears what a receiver accepts.
 */
export const GROUP_MAX_CASES = 32;
export const GROUP_MAX_PLAIN = 8 * 1024 * 1024;

export interface GroupMember {
  keyId: string;
  caseId: string;
  key: Buffer;
  /** The case's changes as packChanges made them. */
  packed: Buffer;
}

export type GroupOpened =
  | { status: 'opened'; parts: { keyId: string; caseId: string; packed: Buffer }[] }
  /** Some listed key is not held here: nothing opens; `held` are the listed keys this laptop has. */
  | { status: 'missing'; held: string[] }
  /** Every key is here but the frame does not open or parse: the bundle is refused. */
  | { status: 'damaged' };

function groupKey(keys: readonly Buffer[], salt: string, index: number, ids: Buffer): Buffer {
  const info = Buffer.concat([Buffer.from(`safehold group frame v4|${index}|`, 'utf8'), createHash('sha256').update(ids).digest()]);
  const ikm = Buffer.concat(keys);
  try {
    return Buffer.from(hkdfSync('sha256', ikm, Buffer.from(salt, 'base64url'), info, 32));
  } finally {
    ikm.fill(0);
  }
}

/** A group's compression dictionary: the bundle's, then its cases' ids (each case's changes name it). */
export function groupDictionary(base: Buffer, caseIds: readonly string[]): Buffer {
  const all = Buffer.concat([base, Buffer.from(caseIds.join(''), 'utf8')]);
  return all.length > 32_768 ? all.subarray(all.length - 32_768) : all;
}

function aad(dictionary: Buffer, ids: Buffer): Buffer {
  return Buffer.concat([createHash('sha256').update(dictionary).digest(), ids]);
}

export function sealGroupFrame(members: readonly GroupMember[], salt: string, index: number, base: Buffer): Buffer {
  const dictionary = groupDictionary(
    base,
    members.map((m) => m.caseId),
  );
  const ids = Buffer.concat(members.map((m) => Buffer.from(m.keyId, 'hex')));
  if (ids.length !== members.length * KEY_ID_BYTES) throw new Error('a case key id is not 8 bytes');
  const plain = Buffer.concat(members.flatMap((m) => [leb(m.packed.length), m.packed]));
  const key = groupKey(
    members.map((m) => m.key),
    salt,
    index,
    ids,
  );
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
    cipher.setAAD(aad(dictionary, ids));
    const body = Buffer.concat([cipher.update(deflateRawSync(plain, { level: 9, dictionary })), cipher.final()]);
    return Buffer.concat([leb(members.length), ids, body, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** The key ids a group frame lists, and where its ciphertext starts; null when the prefix is malformed. */
export function groupKeyIds(payload: Buffer): { keyIds: string[]; ids: Buffer; start: number } | null {
  const count = readLeb(payload, 0);
  if (!count || count[0] < 1 || count[1] + count[0] * KEY_ID_BYTES + TAG > payload.length) return null;
  const ids = payload.subarray(count[1], count[1] + count[0] * KEY_ID_BYTES);
  const keyIds: string[] = [];
  for (let i = 0; i < count[0]; i += 1) keyIds.push(ids.subarray(i * KEY_ID_BYTES, (i + 1) * KEY_ID_BYTES).toString('hex'));
  return { keyIds, ids, start: count[1] + ids.length };
}

/** `base`: the bundle's dictionary; `keyOf`: a case key held here, with its case. */
export function openGroupFrame(payload: Buffer, salt: string, index: number, base: Buffer, keyOf: (keyId: string) => { key: Buffer; caseId: string } | undefined): GroupOpened {
  const listed = groupKeyIds(payload);
  if (!listed) return { status: 'damaged' };
  const keys = listed.keyIds.map(keyOf);
  if (keys.some((k) => k === undefined)) return { status: 'missing', held: listed.keyIds.filter((_, i) => keys[i] !== undefined) };
  const held = keys as { key: Buffer; caseId: string }[];
  const dictionary = groupDictionary(
    base,
    held.map((k) => k.caseId),
  );
  const key = groupKey(
    held.map((k) => k.key),
    salt,
    index,
    listed.ids,
  );
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
    decipher.setAAD(aad(dictionary, listed.ids));
    decipher.setAuthTag(payload.subarray(payload.length - TAG));
    const deflated = Buffer.concat([decipher.update(payload.subarray(listed.start, payload.length - TAG)), decipher.final()]);
    plain = inflateRawSync(deflated, { maxOutputLength: MAX_PLAIN, dictionary });
  } catch {
    return { status: 'damaged' };
  } finally {
    key.fill(0);
  }
  const parts: { keyId: string; caseId: string; packed: Buffer }[] = [];
  let offset = 0;
  for (const [i, keyId] of listed.keyIds.entries()) {
    const length = readLeb(plain, offset);
    if (!length || length[1] + length[0] > plain.length) return { status: 'damaged' };
    parts.push({ keyId, caseId: held[i]!.caseId, packed: plain.subarray(length[1], length[1] + length[0]) });
    offset = length[1] + length[0];
  }
  // Every byte belongs to a listed case: nothing extra rides along unread.
  return offset === plain.length ? { status: 'opened', parts } : { status: 'damaged' };
}
