// Main process or the sync worker (plain Node). Never imports electron.
// One bundle file: MAGIC | u16 header length | header JSON | AES-256-GCM(padded deflate(body)) | tag |
// Ed25519 signature. The header (team, epoch, laptop, seq, salt) is the associated data and names no
// person, case or count; the body is padded to a size bucket so its length says little about how
// many changes it holds. Each bundle gets its own key (HKDF of the team key and a random salt), so
// the GCM nonce can be fixed. The signature covers every byte before it.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * 2: case frames may be compressed with the bundle's shared context (frames.ts). 3: changes packed
 * (change-pack.ts) and compressed with format 3's dictionary. 4: group frames, the changes of cases
 * held by the same laptops under one key derived from all theirs (group-frame.ts). 1 to 3 are still
 * read; a laptop that finds a newer one keeps the file and asks to be updated.
 */
export const BUNDLE_FORMAT = 4;
const MAGIC = Buffer.from('SHTB', 'latin1');
const SIG = 64;
const TAG = 16;
/** A crafted file is refused before any work beyond these sizes. */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;
export const MAX_BODY_BYTES = 1024 * 1024 * 1024;
const MAX_HEADER = 1024;

export interface BundleHeader {
  v: number;
  team: string;
  epoch: string;
  laptop: string;
  seq: number;
  salt: string;
}

export type BundleRefusal = 'not-a-bundle' | 'newer-format' | 'foreign' | 'unknown-laptop' | 'misplaced' | 'bad-signature' | 'no-key' | 'damaged' | 'revoked';

export class BundleError extends Error {
  constructor(readonly reason: BundleRefusal) {
    super(`bundle refused: ${reason}`);
    this.name = 'BundleError';
  }
}

function bundleKey(teamKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', teamKey, salt, 'safehold team bundle v1', 32));
}

/** Rounds up to a bucket: at least 256 bytes, then steps of one eighth of the size's power of two. */
export function bucketSize(length: number): number {
  const min = 256;
  if (length <= min) return min;
  const step = Math.max(min, 2 ** (Math.floor(Math.log2(length)) - 3));
  return Math.ceil(length / step) * step;
}

function pad(body: Buffer): Buffer {
  const total = bucketSize(body.length + 4);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(body.length, 0);
  body.copy(out, 4);
  return out;
}

function unpad(padded: Buffer): Buffer {
  if (padded.length < 4) throw new BundleError('damaged');
  const length = padded.readUInt32BE(0);
  if (length > padded.length - 4) throw new BundleError('damaged');
  return padded.subarray(4, 4 + length);
}

export interface SealInput {
  team: string;
  epoch: string;
  laptop: string;
  seq: number;
  teamKey: Buffer;
  signKey: KeyObject;
  body: Buffer;
  /** The header's format; only tests write an older one (a file an earlier Safehold wrote). */
  format?: number;
}

export function sealBundle(input: SealInput): Buffer {
  const salt = randomBytes(32);
  const header: BundleHeader = { v: input.format ?? BUNDLE_FORMAT, team: input.team, epoch: input.epoch, laptop: input.laptop, seq: input.seq, salt: salt.toString('base64url') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(headerBytes.length);
  const aad = Buffer.concat([MAGIC, length, headerBytes]);
  const key = bundleKey(input.teamKey, salt);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
    cipher.setAAD(aad);
    const plain = pad(deflateRawSync(input.body, { level: 6 }));
    const signed = Buffer.concat([aad, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return Buffer.concat([signed, sign(null, signed, input.signKey)]);
  } finally {
    key.fill(0);
  }
}

/** Reads the header only (no trust): which laptop and epoch the file claims. */
export function peekHeader(buf: Buffer): BundleHeader {
  if (buf.length < MAGIC.length + 2 + TAG + SIG || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new BundleError('not-a-bundle');
  const hlen = buf.readUInt16BE(MAGIC.length);
  if (hlen > MAX_HEADER || MAGIC.length + 2 + hlen + TAG + SIG > buf.length) throw new BundleError('not-a-bundle');
  let header: unknown;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length + 2, MAGIC.length + 2 + hlen).toString('utf8'));
  } catch {
    throw new BundleError('not-a-bundle');
  }
  const h = header as Partial<BundleHeader>;
  if (typeof h !== 'object' || h === null || typeof h.v !== 'number') throw new BundleError('not-a-bundle');
  if (h.v > BUNDLE_FORMAT) throw new BundleError('newer-format');
  if (h.v < 1 || !Number.isInteger(h.v) || typeof h.team !== 'string' || typeof h.epoch !== 'string' || typeof h.laptop !== 'string' || typeof h.salt !== 'string' || !Number.isSafeInteger(h.seq)) {
    throw new BundleError('not-a-bundle');
  }
  return h as BundleHeader;
}

export interface OpenContext {
  team: string;
  /** The laptop whose folder the file was found in, and the seq in its name. */
  laptop: string;
  /** The seq in the file name; null for the laptop's one replaceable file (its seen vector). */
  seq: number | null;
  signPublic: (laptop: string) => KeyObject | null;
  teamKey: (epoch: string) => Buffer | null;
}

/** Verifies and decrypts; throws BundleError with a closed reason. Nothing is applied here. */
export function openBundle(buf: Buffer, ctx: OpenContext): { header: BundleHeader; body: Buffer } {
  if (buf.length > MAX_BUNDLE_BYTES) throw new BundleError('damaged');
  const header = peekHeader(buf);
  if (header.team !== ctx.team) throw new BundleError('foreign');
  if (header.laptop !== ctx.laptop || (ctx.seq !== null && header.seq !== ctx.seq)) throw new BundleError('misplaced');
  const publicKey = ctx.signPublic(header.laptop);
  if (!publicKey) throw new BundleError('unknown-laptop');
  const signed = buf.subarray(0, buf.length - SIG);
  if (!verify(null, signed, publicKey, buf.subarray(buf.length - SIG))) throw new BundleError('bad-signature');
  const teamKey = ctx.teamKey(header.epoch);
  if (!teamKey) throw new BundleError('no-key');
  const hlen = buf.readUInt16BE(MAGIC.length);
  const aadEnd = MAGIC.length + 2 + hlen;
  const key = bundleKey(teamKey, Buffer.from(header.salt, 'base64url'));
  let padded: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
    decipher.setAAD(signed.subarray(0, aadEnd));
    decipher.setAuthTag(signed.subarray(signed.length - TAG));
    padded = Buffer.concat([decipher.update(signed.subarray(aadEnd, signed.length - TAG)), decipher.final()]);
  } catch {
    throw new BundleError('damaged');
  } finally {
    key.fill(0);
  }
  try {
    return { header, body: inflateRawSync(unpad(padded), { maxOutputLength: MAX_BODY_BYTES }) };
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('damaged');
  }
}
