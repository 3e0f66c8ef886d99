// Main process (plain Node). Never imports electron.
// Argon2id turns a passphrase into a key-encryption key. The cost is the real barrier against an
// offline attack on a copied keyring, so it never goes below the floor and is calibrated upward.
import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { z } from 'zod';

/** RFC 9106's second recommendation: 64 MiB, 3 passes. A slot with less is refused. */
export const KDF_FLOOR = { memoryKiB: 65536, iterations: 3 } as const;
const CALIBRATION_MEMORY_KIB = 262144;
/** No machine reaches this at 256 MiB within the calibration target (3 passes would take < 70 ms). */
const MAX_ITERATIONS = 32;

/**
 * The most any stored parameters may ask for, checked before any derivation: a key file or a backup's
 * keyring is read before anything in it is authenticated, so it must not be able to ask for gigabytes
 * or minutes of work. Above what calibration ever writes (256 MiB, at most 32 passes, one lane), and
 * far below what would exhaust a laptop: 512 MiB, 32 passes, 4 lanes, and at most 256 MiB x 32
 * passes of work in all.
 */
export const KDF_CEILING = { memoryKiB: 512 * 1024, iterations: MAX_ITERATIONS, parallelism: 4, work: CALIBRATION_MEMORY_KIB * MAX_ITERATIONS } as const;

export const KdfParams = z
  .object({
    alg: z.literal('argon2id'),
    memoryKiB: z.number().int().min(KDF_FLOOR.memoryKiB).max(KDF_CEILING.memoryKiB),
    iterations: z.number().int().min(KDF_FLOOR.iterations).max(KDF_CEILING.iterations),
    parallelism: z.number().int().min(1).max(KDF_CEILING.parallelism),
    salt: z.base64().refine((s) => Buffer.from(s, 'base64').length === 16, 'salt must be 16 bytes'),
  })
  .strict()
  .refine((p) => p.memoryKiB * p.iterations <= KDF_CEILING.work, 'asks for more key-derivation work than Safehold allows');

/**
 * Whether some kdf object inside a parsed key file asks for more than the ceiling, so the refusal
 * can say why instead of "damaged". Looks only at numbers; anything else is left to the schema.
 */
export function asksTooMuchWork(keyFile: unknown): boolean {
  const slots = (keyFile as { slots?: unknown } | null)?.slots;
  if (!Array.isArray(slots)) return false;
  return slots.some((slot: unknown) => {
    const kdf = (slot as { kdf?: Record<string, unknown> } | null)?.kdf;
    if (!kdf || typeof kdf !== 'object') return false;
    const n = (key: string): number => {
      const value = kdf[key];
      return typeof value === 'number' ? value : 0;
    };
    return (
      n('memoryKiB') > KDF_CEILING.memoryKiB ||
      n('iterations') > KDF_CEILING.iterations ||
      n('parallelism') > KDF_CEILING.parallelism ||
      n('memoryKiB') * n('iterations') > KDF_CEILING.work
    );
  });
}
export type KdfParams = z.infer<typeof KdfParams>;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export const FLOOR_COST: KdfCost = { ...KDF_FLOOR, parallelism: 1 };

export function newKdfParams(cost: KdfCost): KdfParams {
  return { alg: 'argon2id', ...cost, salt: randomBytes(16).toString('base64') };
}

export async function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  // Refused before any memory is taken: above the ceiling (or below the floor) nothing is derived.
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
