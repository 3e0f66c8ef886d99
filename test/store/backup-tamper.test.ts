// A damaged or tampered backup is refused every time, with a plain message, and the store it would
// have replaced stays byte for byte as it was: flipped bytes in every region of the file, cut-off and
// lengthened files, swapped, repeated and foreign chunks.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../main/backup/errors';
import { layout, PREAMBLE_BYTES, sealedChunkBytes, TRAILER_BYTES, BackupHeader } from '../../main/backup/format';
import { restoreBackup } from '../../main/backup/restore';
import { backUpSession } from '../../main/backup/session';
import { dataPaths } from '../../main/core/paths';
import { seedClients, seededRng } from '../../main/demo/generator';
import { setUpCore } from '../helpers/core';
import { filesUnder } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

const CHUNK = 64 * 1024;
const FLIPS = Number(process.env.SAFEHOLD_TAMPER_FLIPS ?? 300);

function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** The file's regions, from its own header: [name, start, end). */
function regions(bytes: Buffer): Array<[string, number, number]> {
  const headerLength = bytes.readUInt32BE(16);
  const header = BackupHeader.parse(JSON.parse(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength).toString('utf8')));
  const at = layout(headerLength, header);
  const out: Array<[string, number, number]> = [
    ['magic', 0, 16],
    ['header length', 16, 20],
    ['header', 20, at.keyringAt],
    ['keyring', at.keyringAt, at.chunksAt],
  ];
  let position = at.chunksAt;
  for (let i = 0; i < header.chunks; i += 1) {
    const length = sealedChunkBytes(header, i);
    out.push([`chunk ${i} nonce`, position, position + 12], [`chunk ${i} body`, position + 12, position + length - 16], [`chunk ${i} tag`, position + length - 16, position + length]);
    position += length;
  }
  out.push(['manifest', at.manifestAt, bytes.length - TRAILER_BYTES], ['trailer', bytes.length - TRAILER_BYTES, bytes.length]);
  return out;
}

function chunkSpans(bytes: Buffer): Array<[number, number]> {
  const names = regions(bytes).filter(([n]) => n.startsWith('chunk'));
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < names.length; i += 3) spans.push([names[i]![1], names[i + 2]![2]]);
  return spans;
}

describe('a tampered backup', () => {
  it(`is refused every time (${FLIPS} flips plus cuts, additions and chunk swaps); the store is untouched`, async () => {
    const t = await setUpCore();
    const session = t.control.current!;
    seedClients(session.db, { count: 150, seed: 21, today: t.clock.now(), workerIds: [session.user.id] });
    const paths = dataPaths(t.dataDir);
    const folder = tempDir('safehold-usb-');
    const made = backUpSession(session, paths, folder, t.clock.now(), CHUNK);
    const other = backUpSession(session, paths, folder, new Date(t.clock.now().getTime() + 1000), CHUNK);
    await t.ok('session.lock', {});
    const original = readFileSync(made.file);
    const foreign = readFileSync(other.file);
    const spans = chunkSpans(original);
    expect(spans.length).toBeGreaterThan(4);
    const before = fileHashes(t.dataDir);

    const rng = seededRng(777);
    const cases: Array<[string, Buffer]> = [];
    const flip = (offset: number, label: string) => {
      const copy = Buffer.from(original);
      copy[offset] = copy[offset]! ^ (1 + Math.floor(rng() * 255));
      cases.push([`flip ${label} @${offset}`, copy]);
    };
    // Every region at least twice, then uniformly random offsets.
    for (const [name, start, end] of regions(original)) {
      for (let k = 0; k < 2; k += 1) flip(start + Math.floor(rng() * (end - start)), name);
    }
    for (let k = 0; k < FLIPS; k += 1) flip(Math.floor(rng() * original.length), 'anywhere');
    for (let k = 0; k < 40; k += 1) {
      const length = Math.floor(rng() * original.length);
      cases.push([`cut to ${length}`, original.subarray(0, length)]);
    }
    cases.push(['cut one byte', original.subarray(0, original.length - 1)]);
    cases.push(['cut the last chunk and manifest', original.subarray(0, spans.at(-1)![0])]);
    for (const extra of [1, 16, CHUNK]) cases.push([`plus ${extra} bytes`, Buffer.concat([original, Buffer.alloc(extra, 7)])]);
    cases.push(['plus bytes before the trailer', Buffer.concat([original.subarray(0, -TRAILER_BYTES), Buffer.alloc(28), original.subarray(-TRAILER_BYTES)])]);
    const [a, b] = [spans[1]!, spans[3]!];
    cases.push([
      'chunks 1 and 3 swapped',
      Buffer.concat([original.subarray(0, a[0]), original.subarray(b[0], b[1]), original.subarray(a[1], b[0]), original.subarray(a[0], a[1]), original.subarray(b[1])]),
    ]);
    cases.push(['chunk 1 repeated over 2', Buffer.concat([original.subarray(0, spans[2]![0]), original.subarray(a[0], a[1]), original.subarray(spans[2]![1])])]);
    cases.push(['chunk 2 dropped', Buffer.concat([original.subarray(0, spans[2]![0]), original.subarray(spans[2]![1])])]);
    const foreignSpans = chunkSpans(foreign);
    cases.push(['chunk 2 from another backup', Buffer.concat([original.subarray(0, spans[2]![0]), foreign.subarray(foreignSpans[2]![0], foreignSpans[2]![1]), original.subarray(spans[2]![1])])]);
    const manifestAt = regions(original).find(([n]) => n === 'manifest')!;
    const foreignManifest = regions(foreign).find(([n]) => n === 'manifest')!;
    cases.push(['manifest from another backup', Buffer.concat([original.subarray(0, manifestAt[1]), foreign.subarray(foreignManifest[1], foreignManifest[2]), original.subarray(manifestAt[2])])]);

    const file = join(folder, 'tampered.shbk');
    const refusals = new Map<string, number>();
    for (const [label, bytes] of cases) {
      writeFileSync(file, bytes);
      const error = await restoreBackup({ paths, file, secret: { recoveryKey: t.recoveryKey }, now: t.clock.now() }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(BackupError);
      const { failure, message } = error as BackupError;
      expect(['damaged', 'not-a-backup', 'wrong-secret'], label).toContain(failure);
      expect(message, label).toMatch(/Nothing was changed|cannot be used/u);
      refusals.set(failure, (refusals.get(failure) ?? 0) + 1);
    }
    expect(fileHashes(t.dataDir)).toEqual(before);
    // Most refusals say plainly that the file is damaged; a changed key slot reads as a wrong key.
    expect(refusals.get('damaged')).toBeGreaterThan(cases.length * 0.9);

    // The untouched file still restores: the refusals above were about the damage, not the setup.
    writeFileSync(file, original);
    const restored = await restoreBackup({ paths, file, secret: { recoveryKey: t.recoveryKey }, now: t.clock.now() });
    expect(restored.summary.clients).toBe(150);
    // About 390 restores, each deriving the recovery key's slot key (Argon2id) before it can find the
    // damage: 20-40 s on an idle 2-core machine, 2-5 times that when the machine is busy. The limit
    // only catches a hang; it is not a speed goal.
  }, 300_000);
});
