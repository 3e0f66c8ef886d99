// Main process (plain Node). Never imports electron.
// Argon2id turns a passphrase into a key-encryption key. The cost is the real barrier against an
// offline attack on a copied keyring, so it never goes below the floor and is calibrated upward.
import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';

/** RFC 9106's second recommendation: 64 MiB, 3 passes. A slot with less is refused. */
export const KDF_FLOOR = { memoryKiB: 65536, iterations: 3 } as const;
const CALIBRATION_MEMORY_KIB = 262144;
const MAX_ITERATIONS = 64;

export const KdfParams = z
  .object({
    alg: z.literal('argon2id'),
    memoryKiB: z.number().int().min(KDF_FLOOR.memoryKiB).max(4 * 1024 * 1024),
    iterations: z.number().int().min(KDF_FLOOR.iterations).max(MAX_ITERATIONS),
    parallelism: z.number().int().min(1).max(8),
    salt: z.base64().refine((s) => Buffer.from(s, 'base64').length === 16, 'salt must be 16 bytes'),
  })
  .strict();
export type KdfParams = z.infer<typeof KdfParams>;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export const FLOOR_COST: KdfCost = { ...KDF_FLOOR, parallelism: 1 };

export function newKdfParams(cost: KdfCost): KdfParams {
  return { alg: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  KdfParams.parse(params);
  // @node-rs/argon2's default algorithm is Argon2id (v1.3); test/unit/kdf.test.ts pins that.
  return hashRaw(passphrase.normalize('NFC'), {
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  });
}

/**
 * Picks a cost that takes about targetMs on this machine (DESIGN §3: 0.5-1.5 s), at 256 MiB when
 * possible. Measured once at setup and stored in each slot, so slower machines still open it.
 */
export async function calibrateKdf(targetMs = 700): Promise<KdfCost> {
  const probe = newKdfParams({ memoryKiB: CALIBRATION_MEMORY_KIB, iterations: KDF_FLOOR.iterations, parallelism: 1 });
  // The first run pays for page faults and thread start-up; measure the second, as unlocks will run.
  (await deriveKek('calibration', probe)).fill(0);
  const started = performance.now();
  (await deriveKek('calibration', probe)).fill(0);
  const elapsed = Math.max(1, performance.now() - started);
  const iterations = Math.round((KDF_FLOOR.iterations * targetMs) / elapsed);
  return {
    memoryKiB: CALIBRATION_MEMORY_KIB,
    iterations: Math.min(MAX_ITERATIONS, Math.max(KDF_FLOOR.iterations, iterations)),
    parallelism: 1,
  };
}
