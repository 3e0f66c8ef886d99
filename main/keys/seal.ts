// Main process (plain Node). Never imports electron.
// Each key slot holds an X25519 key pair: the private key wrapped under the slot's secret
// (passphrase, setup code or recovery key), and the data key sealed to the public key. Sealing needs
// only public keys, so the data key can be rotated and re-sealed for every remaining slot without
// anyone's passphrase, and a removed account's slot simply gets no copy of the new key.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { unwrapKey, wrapKey, type Wrapped } from './wrap';

export interface Sealed {
  ephemeralPublicKey: string; // base64url, 32 bytes
  nonce: string;
  ciphertext: string;
}

export interface SlotKeyPair {
  publicKey: string; // base64url raw X25519 public key
  privateKey: Buffer; // raw 32 bytes; the caller wipes it
}

const fromRawPublic = (raw: string): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });

const fromRawPrivate = (raw: Buffer, publicKey: string): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKey, d: raw.toString('base64url') }, format: 'jwk' });

export function newSlotKeyPair(): SlotKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return { publicKey: publicKey.export({ format: 'jwk' }).x!, privateKey: Buffer.from(jwk.d!, 'base64url') };
}

function sealingKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeral}.${recipient}`, 'ascii'), 'safehold seal v1', 32));
}

export function seal(secret: Buffer, recipientPublicKey: string, aad: Buffer): Sealed {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = ephemeral.publicKey.export({ format: 'jwk' }).x!;
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: fromRawPublic(recipientPublicKey) });
  const key = sealingKey(shared, ephemeralPublicKey, recipientPublicKey);
  shared.fill(0);
  try {
    return { ephemeralPublicKey, ...wrapKey(secret, key, aad) };
  } finally {
    key.fill(0);
  }
}

export function unseal(sealed: Sealed, privateKey: Buffer, publicKey: string, aad: Buffer): Buffer | null {
  try {
    const shared = diffieHellman({ privateKey: fromRawPrivate(privateKey, publicKey), publicKey: fromRawPublic(sealed.ephemeralPublicKey) });
    const key = sealingKey(shared, sealed.ephemeralPublicKey, publicKey);
    shared.fill(0);
    const wrapped: Wrapped = { nonce: sealed.nonce, ciphertext: sealed.ciphertext };
    try {
      return unwrapKey(wrapped, key, aad);
    } finally {
      key.fill(0);
    }
  } catch {
    return null;
  }
}
