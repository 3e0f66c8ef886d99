// Main process or the sync worker (plain Node). Never imports electron.
// A laptop's identity: an Ed25519 key that signs every file it writes to the shared folder, and an
// X25519 key that per-case keys and new team keys are sealed to (main/keys/seal.ts). Both private
// keys live only inside the encrypted store.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { newSlotKeyPair } from '../../keys/seal';

export interface LaptopKeys {
  laptopId: string;
  signPrivate: Buffer; // raw 32 bytes
  signPublic: string; // base64url raw
  boxPrivate: Buffer; // raw 32 bytes
  boxPublic: string; // base64url raw
}

/** Random, so a path in the shared folder says nothing about who uses the laptop. */
export function newLaptopId(): string {
  return randomBytes(8).toString('hex');
}

export function newRandomId(): string {
  return randomBytes(12).toString('hex');
}

export function newSigningPair(): { privateKey: Buffer; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey: Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'), publicKey: publicKey.export({ format: 'jwk' }).x! };
}

export function newLaptopKeys(): LaptopKeys {
  const sign = newSigningPair();
  const box = newSlotKeyPair();
  return { laptopId: newLaptopId(), signPrivate: sign.privateKey, signPublic: sign.publicKey, boxPrivate: box.privateKey, boxPublic: box.publicKey };
}

export function signingKey(privateRaw: Buffer, publicRaw: string): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: privateRaw.toString('base64url'), x: publicRaw }, format: 'jwk' });
}

export function verifyingKey(publicRaw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicRaw }, format: 'jwk' });
}

