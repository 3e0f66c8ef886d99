// Main process or the sync worker (plain Node). Never imports electron.
// Bundle format 3: how one document's changes are laid out in a case frame before it is compressed.
// Lossless and exact: the receiver rebuilds every change byte for byte, so Automerge gets what the
// sender made. It leaves out only what the receiver can compute itself from the other bytes:
// - each change chunk's 4-byte checksum (the first 4 bytes of the SHA-256 Automerge hashes it by);
// - a dependency that is the hash of an earlier change in the same frame (a case edited several
//   times between rounds: each change depends on the one before). It becomes a 1-byte back-reference.
// The rest of each change is left exactly as Automerge wrote it; anything this code does not
// recognise (another chunk type, a malformed chunk) travels whole. The sender checks that unpacking
// gives back exactly its changes, and otherwise sends them whole (packChanges never loses anything).
import { createHash } from 'node:crypto';

const MAGIC = Buffer.from([0x85, 0x6f, 0x4a, 0x83]);
/** Automerge's chunk type of an uncompressed change. */
const CHANGE = 1;
const HASH = 32;
const MAX_CHANGES_BYTES = 256 * 1024 * 1024;

/** Entry kinds inside a packed frame. */
const WHOLE = 0;
const PACKED = 1;

export function leb(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return Buffer.from(out);
}

/** Reads an unsigned LEB128 at offset; null when it runs past the end or beyond 2^49. */
export function readLeb(buf: Buffer, offset: number): [number, number] | null {
  let value = 0;
  let p = offset;
  for (let shift = 0; shift <= 42; shift += 7) {
    if (p >= buf.length) return null;
    const byte = buf[p++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, p];
  }
  return null;
}

function hashOf(type: number, body: Buffer): Buffer {
  return createHash('sha256').update(Buffer.from([type])).update(leb(body.length)).update(body).digest();
}

interface Parsed {
  deps: Buffer[];
  /** The change body after its dependencies. */
  rest: Buffer;
  hash: Buffer;
}

/** An uncompressed change chunk whose checksum is right, split at its dependencies; otherwise null. */
function parse(change: Buffer): Parsed | null {
  if (change.length < 10 || !change.subarray(0, 4).equals(MAGIC) || change[8] !== CHANGE) return null;
  const length = readLeb(change, 9);
  if (!length || length[1] + length[0] !== change.length) return null;
  const body = change.subarray(length[1]);
  const hash = hashOf(CHANGE, body);
  if (!hash.subarray(0, 4).equals(change.subarray(4, 8))) return null;
  const count = readLeb(body, 0);
  if (!count || count[1] + count[0] * HASH > body.length) return null;
  const deps: Buffer[] = [];
  for (let i = 0; i < count[0]; i += 1) deps.push(body.subarray(count[1] + i * HASH, count[1] + (i + 1) * HASH));
  return { deps, rest: body.subarray(count[1] + count[0] * HASH), hash };
}

function packUnchecked(changes: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  const hashes: (Buffer | null)[] = [];
  for (const raw of changes) {
    const change = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    const parsed = parse(change);
    let entry: Buffer;
    if (!parsed) {
      entry = Buffer.concat([Buffer.from([WHOLE]), change]);
      hashes.push(null);
    } else {
      const deps = parsed.deps.map((dep) => {
        // The nearest earlier change of this frame with that hash, counted back from this one.
        for (let back = 1; back <= Math.min(255, hashes.length); back += 1) {
          if (hashes[hashes.length - back]?.equals(dep)) return Buffer.from([back]);
        }
        return Buffer.concat([Buffer.from([0]), dep]);
      });
      entry = Buffer.concat([Buffer.from([PACKED]), leb(parsed.deps.length), ...deps, parsed.rest]);
      hashes.push(parsed.hash);
    }
    parts.push(leb(entry.length), entry);
  }
  return Buffer.concat(parts);
}

/** One document's changes as a frame's plain content (format 3). */
export function packChanges(changes: readonly Uint8Array[]): Buffer {
  const packed = packUnchecked(changes);
  const back = unpackChanges(packed);
  const same = back.length === changes.length && back.every((c, i) => Buffer.compare(Buffer.from(c), Buffer.from(changes[i]!)) === 0);
  if (same) return packed;
  // Never expected; whatever happened, the changes travel whole rather than altered.
  const parts: Buffer[] = [];
  for (const c of changes) {
    const entry = Buffer.concat([Buffer.from([WHOLE]), Buffer.from(c)]);
    parts.push(leb(entry.length), entry);
  }
  return Buffer.concat(parts);
}

/** The changes of a format-3 frame, byte for byte as their author made them; throws on a damaged frame. */
export function unpackChanges(buf: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  const hashes: (Buffer | null)[] = [];
  let total = 0;
  let offset = 0;
  const damaged = () => new Error('damaged frame');
  while (offset < buf.length) {
    const length = readLeb(buf, offset);
    if (!length || length[0] < 1 || length[1] + length[0] > buf.length) throw damaged();
    const entry = buf.subarray(length[1], length[1] + length[0]);
    offset = length[1] + length[0];
    if (entry[0] === WHOLE) {
      out.push(new Uint8Array(entry.subarray(1)));
      hashes.push(null);
    } else if (entry[0] === PACKED) {
      const count = readLeb(entry, 1);
      if (!count || count[0] > entry.length || total + count[0] * HASH > MAX_CHANGES_BYTES) throw damaged();
      let p = count[1];
      const deps: Buffer[] = [];
      for (let i = 0; i < count[0]; i += 1) {
        if (p >= entry.length) throw damaged();
        const back = entry[p++]!;
        if (back === 0) {
          if (p + HASH > entry.length) throw damaged();
          deps.push(entry.subarray(p, p + HASH));
          p += HASH;
        } else {
          const hash = hashes[hashes.length - back];
          if (!hash) throw damaged();
          deps.push(hash);
        }
      }
      // A back-reference grows 32-fold: the frame's whole output is bounded before anything is built.
      if (total + deps.length * HASH + entry.length > MAX_CHANGES_BYTES) throw damaged();
      const body = Buffer.concat([leb(count[0]), ...deps, entry.subarray(p)]);
      const hash = hashOf(CHANGE, body);
      out.push(new Uint8Array(Buffer.concat([MAGIC, hash.subarray(0, 4), Buffer.from([CHANGE]), leb(body.length), body])));
      hashes.push(hash);
    } else {
      throw damaged();
    }
    total += out.at(-1)!.length;
    if (total > MAX_CHANGES_BYTES) throw damaged();
  }
  return out;
}
