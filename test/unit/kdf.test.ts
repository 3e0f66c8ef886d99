import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { deriveKek, FLOOR_COST, KdfParams, newKdfParams } from '../../main/keys/kdf';

describe('the passphrase KDF', () => {
  it('is Argon2id v1.3 with the stored parameters (checked against the PHC string)', async () => {
    const params = newKdfParams(FLOOR_COST);
    const raw = await deriveKek('river stone window', params);
    const phc = await hash('river stone window', {
      memoryCost: params.memoryKiB,
      timeCost: params.iterations,
      parallelism: params.parallelism,
      outputLen: 32,
      salt: Buffer.from(params.salt, 'base64'),
    });
    expect(phc.startsWith(`$argon2id$v=19$m=${params.memoryKiB},t=${params.iterations},p=1$`)).toBe(true);
    const encoded = phc.split('$').at(-1)!;
    expect(raw.toString('base64').replace(/=+$/u, '')).toBe(encoded);
  });

  it('normalises Unicode so the same passphrase typed two ways opens the same slot', async () => {
    const params = newKdfParams(FLOOR_COST);
    const composed = await deriveKek('ma\u00f1ana segura', params);
    const decomposed = await deriveKek('man\u0303ana segura', params);
    expect(composed.equals(decomposed)).toBe(true);
  });

  it('refuses parameters below the floor (64 MiB, 3 passes)', () => {
    const weak = { ...newKdfParams(FLOOR_COST), memoryKiB: 19456 };
    expect(KdfParams.safeParse(weak).success).toBe(false);
    expect(KdfParams.safeParse({ ...newKdfParams(FLOOR_COST), iterations: 2 }).success).toBe(false);
  });
});
