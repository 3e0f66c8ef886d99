// Main process (plain Node). Never imports electron.
// AES-256-GCM wrapping of the data key. The AAD binds the wrapped key to its slot, user and KDF
// parameters, so swapping slots or weakening parameters makes the open fail instead of succeed.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Wrapped {
  nonce: string; // base64, 12 bytes
  ciphertext: string; // base64, key || 16-byte tag
}

export function wrapKey(key: Buffer, kek: Buffer, aad: Buffer): Wrapped {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), ciphertext: body.toString('base64') };
}

/** Returns the key, or null when the KEK is wrong or anything in the slot was altered. */
export function unwrapKey(wrapped: Wrapped, kek: Buffer, aad: Buffer): Buffer | null {
  const body = Buffer.from(wrapped.ciphertext, 'base64');
  const nonce = Buffer.from(wrapped.nonce, 'base64');
  if (body.length < 17 || nonce.length !== 12) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}
