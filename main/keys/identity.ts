// Main process (plain Node). Never imports electron.
// A person's own keys, kept in their key slot: an Ed25519 key that signs their access-log entries and
// an X25519 key that restricted notes are sealed to. The private halves (32 + 32 bytes) are wrapped
// under the slot's secret (their passphrase, a setup code or the recovery key), so the data key alone
// (which every staff slot opens) gives no one else's private keys. The wrapping's authenticated data
// binds the slot, the person, both public keys and the access log's root key the person trusts.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { unwrapKey, wrapKey, type Wrapped } from './wrap';

export interface IdentityPublic {
  /** base64url raw Ed25519 public key (43 characters) */
  signingKey: string;
  /** base64url raw X25519 public key */
  sealingKey: string;
}

/** An identity with its private halves open, held only by a signed-in session; wipe() zeroes them. */
export interface Identity extends IdentityPublic {
  /** Ed25519 seed (32) || X25519 private key (32). */
  secret: Buffer;
  /** The signing key of the access log's root (founding administrator), or '' while none was known. */
  root: string;
}

export interface WrappedIdentity extends IdentityPublic {
  root: string;
  secret: Wrapped;
}

const RAW = /^[A-Za-z0-9_-]{43}$/u;

export function isRawKey(text: string): boolean {
  return RAW.test(text);
}

function rawPublic(key: KeyObject): string {
  return key.export({ format: 'jwk' }).x!;
}

function rawPrivate(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
}

export function newIdentity(root: string | null): Identity {
  const signing = generateKeyPairSync('ed25519');
  const sealing = generateKeyPairSync('x25519');
  const signingKey = rawPublic(signing.publicKey);
  return {
    signingKey,
    sealingKey: rawPublic(sealing.publicKey),
    secret: Buffer.concat([rawPrivate(signing.privateKey), rawPrivate(sealing.privateKey)]),
    // The founding administrator's identity is its own root.
    root: root ?? signingKey,
  };
}

function identityAad(slotId: string, owner: string, id: IdentityPublic & { root: string }): Buffer {
  return Buffer.from(JSON.stringify(['safehold-identity', 1, slotId, owner, id.signingKey, id.sealingKey, id.root]), 'utf8');
}

export function wrapIdentity(identity: Identity, kek: Buffer, slotId: string, owner: string): WrappedIdentity {
  return {
    signingKey: identity.signingKey,
    sealingKey: identity.sealingKey,
    root: identity.root,
    secret: wrapKey(identity.secret, kek, identityAad(slotId, owner, identity)),
  };
}

/** Null when the secret is wrong or anything in the identity was altered. */
export function unwrapIdentity(wrapped: WrappedIdentity, kek: Buffer, slotId: string, owner: string): Identity | null {
  const secret = unwrapKey(wrapped.secret, kek, identityAad(slotId, owner, wrapped));
  if (!secret || secret.length !== 64) return null;
  const identity = { signingKey: wrapped.signingKey, sealingKey: wrapped.sealingKey, root: wrapped.root, secret };
  // The public keys must be the ones the private halves belong to.
  if (rawPublic(createPublicKey(signingPrivate(identity))) !== identity.signingKey) return null;
  return identity;
}

export function copyIdentity(identity: Identity): Identity {
  return { ...identity, secret: Buffer.from(identity.secret) };
}

export function wipeIdentity(identity: Identity | null | undefined): void {
  identity?.secret.fill(0);
}

function signingPrivate(identity: Pick<Identity, 'secret' | 'signingKey'>): KeyObject {
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: identity.signingKey, d: identity.secret.subarray(0, 32).toString('base64url') }, format: 'jwk' });
}

/** The X25519 private half, for unsealing (caller wipes). */
export function sealingPrivate(identity: Identity): Buffer {
  return Buffer.from(identity.secret.subarray(32, 64));
}

/** A signer keeps its private key object for the session, so each entry costs one signature only. */
export interface Signer {
  signingKey: string;
  sign(message: Buffer): Buffer;
}

export function signerOf(identity: Identity): Signer {
  const key = signingPrivate(identity);
  return { signingKey: identity.signingKey, sign: (message) => sign(null, message, key) };
}

const publicKeys = new Map<string, KeyObject>();

export function verifySignature(signingKey: string, message: Buffer, signature: Buffer): boolean {
  if (!RAW.test(signingKey) || signature.length !== 64) return false;
  let key = publicKeys.get(signingKey);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signingKey }, format: 'jwk' });
    if (publicKeys.size > 10_000) publicKeys.clear();
    publicKeys.set(signingKey, key);
  }
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
