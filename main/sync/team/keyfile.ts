// Main process or the sync worker (plain Node). Never imports electron.
// A new team key after a revocation, sealed (X25519) to each remaining laptop and signed by the
// administrator's laptop that rotated it: MAGIC | u32 length | JSON | Ed25519 signature. The
// revoked laptop gets no copy, so it cannot open anything written under the new epoch.
import { sign, verify, type KeyObject } from 'node:crypto';
import { seal, unseal, type Sealed } from '../../keys/seal';

const MAGIC = Buffer.from('SHTK', 'latin1');

interface KeyFileBody {
  v: 1;
  team: string;
  epoch: string;
  n: number;
  laptop: string;
  grants: Record<string, Sealed>;
}

const aad = (team: string, epoch: string, laptop: string) => Buffer.from(JSON.stringify(['safehold team key', team, epoch, laptop]), 'utf8');

export function writeKeyFile(input: { team: string; epoch: string; n: number; laptop: string; key: Buffer; recipients: { laptopId: string; boxPublic: string }[]; signKey: KeyObject }): Buffer {
  const grants: Record<string, Sealed> = {};
  for (const r of input.recipients) grants[r.laptopId] = seal(input.key, r.boxPublic, aad(input.team, input.epoch, r.laptopId));
  const body: KeyFileBody = { v: 1, team: input.team, epoch: input.epoch, n: input.n, laptop: input.laptop, grants };
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  const signed = Buffer.concat([MAGIC, length, json]);
  return Buffer.concat([signed, sign(null, signed, input.signKey)]);
}

/** The epoch key for this laptop, or null if the file is not from that laptop, altered, or has no copy for us. */
export function readKeyFile(buf: Buffer, ctx: { team: string; from: string; signer: KeyObject; me: string; boxPrivate: Buffer; boxPublic: string }): { epoch: string; n: number; key: Buffer } | null {
  if (buf.length < 8 + 64 || buf.length > 4 * 1024 * 1024 || !buf.subarray(0, 4).equals(MAGIC)) return null;
  const length = buf.readUInt32BE(4);
  if (8 + length + 64 !== buf.length) return null;
  const signed = buf.subarray(0, 8 + length);
  if (!verify(null, signed, ctx.signer, buf.subarray(8 + length))) return null;
  let body: KeyFileBody;
  try {
    body = JSON.parse(signed.subarray(8).toString('utf8')) as KeyFileBody;
  } catch {
    return null;
  }
  if (body.v !== 1 || body.team !== ctx.team || body.laptop !== ctx.from || typeof body.epoch !== 'string' || !Number.isSafeInteger(body.n)) return null;
  const mine = body.grants?.[ctx.me];
  if (!mine) return null;
  const key = unseal(mine, ctx.boxPrivate, ctx.boxPublic, aad(ctx.team, body.epoch, ctx.me));
  return key ? { epoch: body.epoch, n: body.n, key } : null;
}
