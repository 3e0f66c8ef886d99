// Main process (plain Node). Never imports electron.
// The quick check of a long access log (chain.ts verifyChain): every entry's MAC is recomputed over
// its stored predecessor's MAC, so ranges of entries can be checked apart, in worker threads, while
// this thread reads the next range; the run-end signatures the walk collects are checked there too.
// SQLite serialises each entry's MAC'd fields itself (json_array: the bytes JSON.stringify gives
// for what the app writes) and hands a range over as two buffers, so no entry becomes a JavaScript
// object. The answer is only "all of it holds" or "not sure": an entry whose bytes differ
// (tampering, or values SQLite writes otherwise) sends the caller to the exact walk, which names
// the first bad entry.
import * as nodeCrypto from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/open';

/** Entries per range handed to a thread. */
const RANGE = 8192;
/** Give up on the threads (and let the caller walk the log) after this long without progress. */
const STALL_MS = 60_000;

export interface SignatureToCheck {
  signer: string;
  message: Uint8Array;
  sig: Uint8Array;
}

interface Range {
  kind: 'range';
  index: number;
  /** The sequence number of the range's first entry. */
  first: number;
  /** The stored MAC of the entry before the range. */
  previous: Uint8Array;
  /** The entries' MAC'd fields as JSON arrays, one a line. */
  lines: Uint8Array;
  /** The entries' stored MACs, 32 bytes each. */
  macs: Uint8Array;
  count: number;
}

interface Signatures {
  kind: 'signatures';
  index: number;
  list: SignatureToCheck[];
}

type Sha256 = (data: Uint8Array) => Buffer;

/**
 * Checks one range: each line is the entry it should be (its sequence number first) and its MAC
 * is the HMAC-SHA256 of the previous stored MAC and the line. HMAC is built as RFC 2104 has it from
 * two one-shot SHA-256 calls (node:crypto's hash), which costs less than an Hmac object per entry;
 * the tests check it against createHmac. Self-contained (it runs in worker threads from its own
 * source text): no imports, only its arguments and Buffer.
 */
function checkRange(range: Range, key: Buffer, sha256: Sha256): boolean {
  const lines = Buffer.from(range.lines.buffer, range.lines.byteOffset, range.lines.byteLength);
  const macs = Buffer.from(range.macs.buffer, range.macs.byteOffset, range.macs.byteLength);
  if (macs.length !== range.count * 32 || key.length > 64 || range.previous.length !== 32) return false;
  // inner: (key ^ ipad) || previous MAC || line; outer: (key ^ opad) || inner hash.
  let inner = Buffer.alloc(96 + 1024);
  const outer = Buffer.alloc(96);
  for (let i = 0; i < 64; i += 1) {
    inner[i] = (key[i] ?? 0) ^ 0x36;
    outer[i] = (key[i] ?? 0) ^ 0x5c;
  }
  inner.set(range.previous, 64);
  let at = 0;
  for (let i = 0; i < range.count; i += 1) {
    let end = lines.indexOf(10, at);
    if (end < 0) end = lines.length;
    // "[seq," with this entry's sequence number.
    if (lines[at] !== 0x5b) return false;
    let seq = 0;
    let digit = at + 1;
    while (digit < end && lines[digit]! >= 0x30 && lines[digit]! <= 0x39 && digit - at < 17) seq = seq * 10 + lines[digit++]! - 0x30;
    if (digit === at + 1 || lines[digit] !== 0x2c || (lines[at + 1] === 0x30 && digit > at + 2) || seq !== range.first + i) return false;
    if (inner.length < 96 + end - at) {
      const larger = Buffer.alloc(2 * (96 + end - at));
      inner.copy(larger, 0, 0, 96);
      inner = larger;
    }
    lines.copy(inner, 96, at, end);
    outer.set(sha256(inner.subarray(0, 96 + end - at)), 64);
    if (sha256(outer).compare(macs, i * 32, i * 32 + 32) !== 0) return false;
    macs.copy(inner, 64, i * 32, i * 32 + 32);
    at = end + 1;
  }
  return at === lines.length + 1;
}

/** Ed25519 signatures as keys/identity.ts verifySignature checks them. Self-contained, as above. */
function checkSignatures(list: SignatureToCheck[], crypto: typeof nodeCrypto): boolean {
  const keys = new Map<string, nodeCrypto.KeyObject>();
  for (const { signer, message, sig } of list) {
    if (!/^[A-Za-z0-9_-]{43}$/u.test(signer) || sig.length !== 64) return false;
    let key = keys.get(signer);
    if (!key) {
      key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signer }, format: 'jwk' });
      keys.set(signer, key);
    }
    if (!crypto.verify(null, message, key, sig)) return false;
  }
  return true;
}

/** One-shot SHA-256 where node:crypto has it (Node 20.12+), else a Hash object. */
function sha256Of(crypto: typeof nodeCrypto): Sha256 {
  if (typeof crypto.hash === 'function') return (data) => crypto.hash('sha256', data, 'buffer');
  return (data) => crypto.createHash('sha256').update(data).digest();
}

const sha256 = sha256Of(nodeCrypto);

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const checkRange = (${String(checkRange)});
const checkSignatures = (${String(checkSignatures)});
const sha256 = (${String(sha256Of)})(crypto);
const key = Buffer.from(workerData.key);
const flags = new Int32Array(workerData.flags);
parentPort.on('message', (job) => {
  let verdict = 2;
  try {
    if (job.kind === 'range' ? checkRange(job, key, sha256) : checkSignatures(job.list, crypto)) verdict = 1;
  } catch {
    verdict = 2;
  }
  Atomics.store(flags, 1 + job.index, verdict);
  Atomics.add(flags, 0, 1);
  Atomics.notify(flags, 0);
});
`;

// The MAC'd fields exactly as entryMac (chain.ts) lists them; a range's rows in sequence order (each
// line starts with its sequence number, checked). A blob where text belongs makes json_array fail.
const RANGE_SQL = `
  SELECT count(*) AS count, CAST(group_concat(line, char(10)) AS BLOB) AS lines, CAST(group_concat(mac, '') AS BLOB) AS macs
  FROM (
    SELECT CASE WHEN detail IS NULL THEN json_array(seq, at, actor_id, action, target_id, outcome)
                ELSE json_array(seq, at, actor_id, action, target_id, outcome, detail) END AS line,
      mac
    FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq
  )`;

export interface ParallelCheckOptions {
  /** Worker threads to use; 0 checks in this thread. Default: one per core, at most 4. */
  threads?: number;
}

/**
 * The log's MACs, being checked in worker threads from the moment it is made (see the header);
 * finish() adds the signatures and waits for every verdict. Always close() it.
 */
export class ParallelCheck {
  private constructor(
    private readonly flags: Int32Array,
    private readonly workers: Worker[],
    private readonly ranges: number,
    /** Entries 1..entries, each present once. */
    readonly entries: number,
    /** The newest entry's MAC (the chain's head). */
    readonly head: Buffer,
  ) {}

  /** Reads every range and hands it to the threads; null when something already does not hold. */
  static start(db: Db, key: Buffer, options: ParallelCheckOptions = {}): ParallelCheck | null {
    const bounds = db.prepare<[], { lo: number | null; hi: number | null }>('SELECT min(seq) AS lo, max(seq) AS hi FROM audit_log').get()!;
    if (bounds.hi === null || bounds.lo !== 1) return null;
    const threads = Math.max(0, Math.min(options.threads ?? Math.min(4, availableParallelism()), 8));
    const ranges = Math.ceil(bounds.hi / RANGE);
    // One slot per range and per thread's share of the signatures, after the count of verdicts.
    const flags = new Int32Array(new SharedArrayBuffer(4 * (1 + ranges + Math.max(1, threads))));
    const workers: Worker[] = [];
    let started = false;
    try {
      for (let i = 0; i < threads; i += 1) {
        const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { key: Buffer.from(key), flags: flags.buffer } });
        worker.unref();
        workers.push(worker);
      }
      const read = db.prepare<[number, number], { count: number; lines: Buffer | null; macs: Buffer | null }>(RANGE_SQL);
      let previous: Buffer = Buffer.alloc(32);
      for (let index = 0; index < ranges; index += 1) {
        const first = index * RANGE + 1;
        const last = Math.min(bounds.hi, first + RANGE - 1);
        const rows = read.get(first, last)!;
        // Every sequence number in the range present once (an INTEGER PRIMARY KEY is unique).
        if (rows.count !== last - first + 1 || !rows.lines || !rows.macs || rows.macs.length !== 32 * rows.count) return null;
        // `previous` a copy of its own, so the message does not carry the whole buffer it was cut from.
        const range: Range = { kind: 'range', index, first, previous: new Uint8Array(previous), lines: rows.lines, macs: rows.macs, count: rows.count };
        if (threads === 0) {
          if (!checkRange(range, key, sha256)) return null;
          Atomics.store(flags, 1 + index, 1);
          Atomics.add(flags, 0, 1);
        } else {
          workers[index % threads]!.postMessage(range);
        }
        previous = rows.macs.subarray(rows.macs.length - 32);
      }
      started = true;
      return new ParallelCheck(flags, workers, ranges, bounds.hi, Buffer.from(previous));
    } catch {
      // A value SQLite cannot serialise (a blob where text belongs), or no threads: the exact walk.
      return null;
    } finally {
      if (!started) for (const worker of workers) void worker.terminate();
    }
  }

  /** Checks these signatures too, then waits for every verdict: true when all of it holds. */
  finish(signatures: SignatureToCheck[]): boolean {
    const { flags, workers, ranges } = this;
    const shares = Math.max(1, workers.length);
    for (let share = 0; share < shares; share += 1) {
      const list = signatures.filter((_, i) => i % shares === share);
      const index = ranges + share;
      if (workers.length === 0) {
        Atomics.store(flags, 1 + index, checkSignatures(list, nodeCrypto) ? 1 : 2);
        Atomics.add(flags, 0, 1);
      } else {
        workers[share]!.postMessage({ kind: 'signatures', index, list } satisfies Signatures);
      }
    }
    const jobs = ranges + shares;
    let done = Atomics.load(flags, 0);
    while (done < jobs) {
      try {
        if (Atomics.wait(flags, 0, done, STALL_MS) === 'timed-out' && Atomics.load(flags, 0) === done) return false;
      } catch {
        // A thread where blocking is not allowed: the exact walk instead.
        return false;
      }
      done = Atomics.load(flags, 0);
    }
    for (let index = 0; index < jobs; index += 1) if (flags[1 + index] !== 1) return false;
    return true;
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}
