// Main process (plain Node). Never imports electron.
// The invitation file: everything a new laptop needs to start (team keys, the roster, the documents
// its person may hold and their case keys, a one-time enrolment key), encrypted under a key derived
// with Argon2id from a one-time code the administrator reads out or hands over separately.
// MAGIC | u16 header length | header JSON (KDF parameters; the GCM associated data) | nonce | GCM body.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { deriveKek, FLOOR_COST, KdfParams, newKdfParams } from '../../keys/kdf';
import { normalizeSetupCode } from '../../keys/setup-code';
import { decodeBody, encodeBody, type DocFrame } from './frames';

const MAGIC = Buffer.from('SHTI', 'latin1');
export const MAX_INVITATION_BYTES = 512 * 1024 * 1024;

export interface InvitationData {
  v: 1;
  teamId: string;
  invite: string;
  userId: string;
  displayName: string;
  manager: boolean;
  enrolPrivate: string;
  enrolPublic: string;
  expiresAt: string;
  epochs: { epoch: string; n: number; key: string }[];
  laptops: { laptopId: string; signPublic: string; boxPublic: string; userId: string; manager: boolean; status: 'active' | 'revoked'; lastAcceptedSeq: number | null }[];
  invites: { invite: string; userId: string; enrolPublic: string; vector: Record<string, number>; byLaptop: string; manager: boolean; expiresAt: string; usedBy: string | null }[];
  vector: Record<string, number>;
  /** holders: the laptops known to hold the key already (so the new laptop seals it to no one again). */
  caseKeys: { caseId: string; keyId: string; key: string; madeAt: number; holders: string[] }[];
}

/** field: which of the joiner's answers the refusal is about (the file, the one-time code, or the name). */
export class InvitationError extends Error {
  constructor(
    message: string,
    readonly field: 'file' | 'code' | 'name' = 'file',
  ) {
    super(message);
  }
}

export async function sealInvitation(code: string, data: InvitationData, frames: DocFrame[]): Promise<Buffer> {
  const kdf = newKdfParams(FLOOR_COST);
  const header = Buffer.from(JSON.stringify({ v: 1, kdf }), 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(header.length);
  const aad = Buffer.concat([MAGIC, length, header]);
  const key = await deriveKek(normalizeSetupCode(code), kdf);
  const nonce = randomBytes(12);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    const plain = deflateRawSync(encodeBody({ control: { salt: '', events: [], grants: [] }, frames }));
    const meta = Buffer.from(JSON.stringify(data), 'utf8');
    const metaLength = Buffer.alloc(4);
    metaLength.writeUInt32BE(meta.length);
    const inner = Buffer.concat([metaLength, meta, plain]);
    return Buffer.concat([aad, nonce, cipher.update(inner), cipher.final(), cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

export async function openInvitation(bytes: Buffer, code: string): Promise<{ data: InvitationData; frames: DocFrame[] }> {
  if (bytes.length > MAX_INVITATION_BYTES || bytes.length < 6 + 12 + 16 || !bytes.subarray(0, 4).equals(MAGIC)) throw new InvitationError('This is not a Safehold invitation file.');
  const hlen = bytes.readUInt16BE(4);
  if (hlen > 2048 || 6 + hlen + 28 > bytes.length) throw new InvitationError('This is not a Safehold invitation file.');
  let kdf: KdfParams;
  try {
    const header = JSON.parse(bytes.subarray(6, 6 + hlen).toString('utf8')) as { v: number; kdf: unknown };
    if (header.v !== 1) throw new Error('version');
    kdf = KdfParams.parse(header.kdf);
  } catch {
    throw new InvitationError('This is not a Safehold invitation file, or it is from a newer version.');
  }
  const aad = bytes.subarray(0, 6 + hlen);
  const nonce = bytes.subarray(6 + hlen, 18 + hlen);
  const key = await deriveKek(normalizeSetupCode(code), kdf);
  let inner: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    inner = Buffer.concat([decipher.update(bytes.subarray(18 + hlen, bytes.length - 16)), decipher.final()]);
  } catch {
    throw new InvitationError('That code does not open this invitation. Check the code, or ask for a new invitation.', 'code');
  } finally {
    key.fill(0);
  }
  const metaLength = inner.readUInt32BE(0);
  const data = JSON.parse(inner.subarray(4, 4 + metaLength).toString('utf8')) as InvitationData;
  const body = decodeBody(inflateRawSync(inner.subarray(4 + metaLength), { maxOutputLength: 1024 * 1024 * 1024 }));
  return { data, frames: body.frames };
}
