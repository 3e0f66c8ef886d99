// Main process (plain Node). Never imports electron.
// keyring.json: one slot per way in. A slot holds an X25519 key pair whose private key is wrapped
// (AES-256-GCM) under the slot's secret, and the data key sealed to its public key (see seal.ts):
// - passphrase: a staff member's own, under Argon2id(passphrase);
// - setup: a one-time setup code from an admin, for a first sign-in or a reset; it expires;
// - recovery: the agency's recovery key.
// No survivor data, no staff names, no roles: a slot is found by an HMAC of the sign-in name, and
// roles are read from inside the encrypted store.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { STORE_CIPHER } from '../store/cipher';
import { unwrapIdentity, wrapIdentity, type Identity } from './identity';
import { asksTooMuchWork, deriveKek, FLOOR_COST, KdfParams, newKdfParams, type KdfCost } from './kdf';
import { nameKey } from './names';
import { recoveryKek } from './recovery';
import { newSlotKeyPair, seal, unseal } from './seal';
import { unwrapKey, wrapKey } from './wrap';

export const KEYRING_FORMAT = 1;

const Base64 = z.string().regex(/^[A-Za-z0-9+/_-]+={0,2}$/u).max(200);
const WrappedSchema = z.object({ nonce: Base64, ciphertext: Base64 }).strict();
const SealedSchema = z.object({ ephemeralPublicKey: Base64, nonce: Base64, ciphertext: Base64 }).strict();
const SlotId = z.string().regex(/^[0-9a-f-]{36}$/u);
const UserId = z.string().regex(/^[0-9a-f]{32}$/u);

const RawKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/u);
/** The person's signing and sealing keys (identity.ts); absent in slots made before they existed. */
const IdentitySchema = z.object({ signingKey: RawKey, sealingKey: RawKey, root: z.union([RawKey, z.literal('')]), secret: WrappedSchema }).strict();

const common = { id: SlotId, publicKey: Base64, privateKey: WrappedSchema, dataKey: SealedSchema, identity: IdentitySchema.optional() };

const PassphraseSlot = z.object({ kind: z.literal('passphrase'), ...common, userId: UserId, lookup: Base64, kdf: KdfParams }).strict();
const SetupSlot = z
  .object({ kind: z.literal('setup'), ...common, userId: UserId, lookup: Base64, kdf: KdfParams, expiresAt: z.iso.datetime() })
  .strict();
const RecoverySlot = z.object({ kind: z.literal('recovery'), ...common, salt: Base64 }).strict();
const Slot = z.discriminatedUnion('kind', [PassphraseSlot, SetupSlot, RecoverySlot]);

const KeyringSchema = z
  .object({
    format: z.literal(KEYRING_FORMAT),
    cipher: z.literal(STORE_CIPHER),
    /** Bumped at every data-key rotation; sealed copies are bound to it. */
    keyEpoch: z.number().int().positive(),
    /** Set while a rotated store waits beside the old one: the next open finishes the swap. */
    pendingSwap: z.boolean().optional(),
    lookupSalt: Base64,
    slots: z.array(Slot).min(1),
  })
  .strict();

export type Keyring = z.infer<typeof KeyringSchema>;
export type PassphraseSlot = z.infer<typeof PassphraseSlot>;
export type SetupSlot = z.infer<typeof SetupSlot>;
type AnySlot = z.infer<typeof Slot>;
/** A slot without its secrets: what its authenticated data covers. */
type Described<S> = S extends unknown ? Omit<S, 'privateKey' | 'dataKey' | 'identity'> : never;
type SlotDescription = Described<AnySlot>;

export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringError';
  }
}

export function readKeyring(path: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new KeyringError('The key file could not be read.');
  }
  const parsed = KeyringSchema.safeParse(raw);
  if (!parsed.success && asksTooMuchWork(raw)) {
    throw new KeyringError('The key file asks for far more memory or time to open than Safehold ever sets, so it was not used. It was changed by hand.');
  }
  if (!parsed.success) throw new KeyringError('The key file is damaged or was changed by hand.');
  return parsed.data;
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(KeyringSchema.parse(keyring), null, 2)}\n`);
}

export function slotLookup(keyring: Pick<Keyring, 'lookupSalt'>, name: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(nameKey(name), 'utf8').digest('base64');
}

/** Everything about a slot that must not change without its private key failing to open. */
function slotAad(slot: SlotDescription): Buffer {
  const fields: unknown[] = ['safehold-slot', KEYRING_FORMAT, slot.kind, slot.id, slot.publicKey];
  if (slot.kind === 'recovery') fields.push(slot.salt);
  else {
    const { alg, memoryKiB, iterations, parallelism, salt } = slot.kdf;
    fields.push(slot.userId, slot.lookup, alg, memoryKiB, iterations, parallelism, salt);
    if (slot.kind === 'setup') fields.push(slot.expiresAt);
  }
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

function dataKeyAad(slot: Pick<AnySlot, 'id' | 'publicKey'>, epoch: number): Buffer {
  return Buffer.from(JSON.stringify(['safehold-data-key', KEYRING_FORMAT, slot.id, slot.publicKey, epoch]), 'utf8');
}

const owner = (slot: Pick<SlotDescription, 'kind'> & { userId?: string }): string => (slot.kind === 'recovery' ? 'recovery' : slot.userId!);

/**
 * Builds a slot: a fresh key pair, its private key wrapped under kek, the data key sealed to it, and
 * the person's identity (when given) wrapped under the same kek.
 */
function makeSlot<S extends AnySlot>(base: Omit<Described<S>, 'publicKey'>, kek: Buffer, dataKey: Buffer, epoch: number, identity?: Identity): S {
  const pair = newSlotKeyPair();
  try {
    const described = { ...base, publicKey: pair.publicKey } as unknown as SlotDescription;
    return {
      ...described,
      privateKey: wrapKey(pair.privateKey, kek, slotAad(described)),
      dataKey: seal(dataKey, pair.publicKey, dataKeyAad(described, epoch)),
      ...(identity ? { identity: wrapIdentity(identity, kek, described.id, owner(described)) } : {}),
    } as unknown as S;
  } finally {
    pair.privateKey.fill(0);
  }
}

/** The identity kept in a slot, opened with the slot's kek; null when there is none or it was altered. */
function openIdentity(slot: AnySlot, kek: Buffer): Identity | null {
  return slot.identity ? unwrapIdentity(slot.identity, kek, slot.id, owner(slot)) : null;
}

/** Opens a slot with its kek: the data key, or null when the secret is wrong or the slot was altered. */
function openSlot(slot: AnySlot, kek: Buffer, epoch: number): Buffer | null {
  const privateKey = unwrapKey(slot.privateKey, kek, slotAad(slot));
  if (!privateKey) return null;
  try {
    return unseal(slot.dataKey, privateKey, slot.publicKey, dataKeyAad(slot, epoch));
  } finally {
    privateKey.fill(0);
  }
}

/** A new keyring with the recovery slot; the recovery identity (when given) can vouch for a recovered administrator's keys. */
export function newKeyring(dataKey: Buffer, recoveryKey: string, recoveryIdentity?: Identity): Keyring {
  const keyring: Keyring = { format: KEYRING_FORMAT, cipher: STORE_CIPHER, keyEpoch: 1, lookupSalt: randomBytes(32).toString('base64'), slots: [] as never };
  return { ...keyring, slots: [recoverySlot(keyring, recoveryKey, dataKey, recoveryIdentity)] };
}

function recoverySlot(keyring: Keyring, recoveryKey: string, dataKey: Buffer, identity?: Identity): AnySlot {
  const salt = randomBytes(16).toString('base64');
  const kek = recoveryKek(recoveryKey, Buffer.from(salt, 'base64'));
  try {
    return makeSlot<z.infer<typeof RecoverySlot>>({ kind: 'recovery', id: randomUUID(), salt }, kek, dataKey, keyring.keyEpoch, identity);
  } finally {
    kek.fill(0);
  }
}

/** A new recovery key replaces the old one: the old key stops working. */
export function withRecoveryKey(keyring: Keyring, recoveryKey: string, dataKey: Buffer, recoveryIdentity?: Identity): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((s) => s.kind !== 'recovery'), recoverySlot(keyring, recoveryKey, dataKey, recoveryIdentity)] };
}

/** The recovery slot's identity, opened with the recovery key (null for a wrong key or an older slot without one). */
export function openRecoveryIdentity(keyring: Keyring, recoveryKey: string): Identity | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery') continue;
    const kek = recoveryKek(recoveryKey, Buffer.from(slot.salt, 'base64'));
    try {
      const identity = openIdentity(slot, kek);
      if (identity) return identity;
    } finally {
      kek.fill(0);
    }
  }
  return null;
}

export interface UserSlotInput {
  userId: string;
  name: string;
  dataKey: Buffer;
  cost: KdfCost;
  /** The person's identity to keep in the slot (kept across passphrase changes; made by an admin for setup codes). */
  identity?: Identity | null;
}

function assertNameFree(keyring: Keyring, lookup: string, userId: string): void {
  const clash = keyring.slots.find((s) => s.kind !== 'recovery' && s.lookup === lookup && s.userId !== userId);
  if (clash) throw new KeyringError('Another account already signs in with this name.');
}

/**
 * The user's own passphrase slot. Replaces any passphrase or setup slot they had: changing a
 * passphrase re-wraps only, and the store and the data key stay exactly as they are.
 */
export async function withPassphraseSlot(keyring: Keyring, input: UserSlotInput & { passphrase: string }): Promise<Keyring> {
  const lookup = slotLookup(keyring, input.name);
  assertNameFree(keyring, lookup, input.userId);
  const base = { kind: 'passphrase' as const, id: randomUUID(), userId: input.userId, lookup, kdf: newKdfParams(input.cost) };
  const kek = await deriveKek(input.passphrase, base.kdf);
  try {
    const slot = makeSlot<PassphraseSlot>(base, kek, input.dataKey, keyring.keyEpoch, input.identity ?? undefined);
    return { ...keyring, slots: [...withoutUserSlots(keyring, input.userId).slots, slot] };
  } finally {
    kek.fill(0);
  }
}

/**
 * A one-time setup code for a new account or a reset: the person types it once with a passphrase
 * of their own choosing, so the admin who handed it over never learns that passphrase. Replaces any
 * slot the user had, so a reset also ends the forgotten (or exposed) passphrase.
 */
export async function withSetupSlot(keyring: Keyring, input: UserSlotInput & { setupCode: string; expiresAt: Date }): Promise<Keyring> {
  const lookup = slotLookup(keyring, input.name);
  assertNameFree(keyring, lookup, input.userId);
  const base = {
    kind: 'setup' as const,
    id: randomUUID(),
    userId: input.userId,
    lookup,
    kdf: newKdfParams(FLOOR_COST),
    expiresAt: input.expiresAt.toISOString(),
  };
  const kek = await deriveKek(input.setupCode, base.kdf);
  try {
    const slot = makeSlot<SetupSlot>(base, kek, input.dataKey, keyring.keyEpoch, input.identity ?? undefined);
    return { ...keyring, slots: [...withoutUserSlots(keyring, input.userId).slots, slot] };
  } finally {
    kek.fill(0);
  }
}

export function withoutUserSlots(keyring: Keyring, userId: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => s.kind === 'recovery' || s.userId !== userId) };
}

export function passphraseSlots(keyring: Keyring): PassphraseSlot[] {
  return keyring.slots.filter((s): s is PassphraseSlot => s.kind === 'passphrase');
}

export interface Opened {
  dataKey: Buffer;
  userId: string;
  /** Only when asked for: the person's identity from the slot (null for a slot made before identities). */
  identity?: Identity | null;
}

/**
 * The cost an unknown name pays, so timing does not reveal which names have accounts: a passphrase
 * slot's cost for a passphrase, the floor (what every setup slot uses) for a setup code.
 */
function decoyKdf(keyring: Keyring, kind: 'passphrase' | 'setup' = 'passphrase'): KdfParams {
  const model = (kind === 'passphrase' ? passphraseSlots(keyring)[0]?.kdf : undefined) ?? newKdfParams(FLOOR_COST);
  return { ...model, salt: randomBytes(16).toString('base64') };
}

export async function openWithPassphrase(keyring: Keyring, name: string, passphrase: string, options: { identity?: boolean } = {}): Promise<Opened | null> {
  const lookup = slotLookup(keyring, name);
  const slot = passphraseSlots(keyring).find((s) => s.lookup === lookup);
  const kek = await deriveKek(passphrase, slot?.kdf ?? decoyKdf(keyring));
  try {
    const dataKey = slot ? openSlot(slot, kek, keyring.keyEpoch) : null;
    if (!dataKey || !slot) return null;
    return options.identity ? { dataKey, userId: slot.userId, identity: openIdentity(slot, kek) } : { dataKey, userId: slot.userId };
  } finally {
    kek.fill(0);
  }
}

export async function openWithSetupCode(keyring: Keyring, name: string, setupCode: string, now: Date): Promise<Opened | 'expired' | null> {
  const lookup = slotLookup(keyring, name);
  const slot = keyring.slots.find((s): s is SetupSlot => s.kind === 'setup' && s.lookup === lookup);
  const kek = await deriveKek(setupCode, slot?.kdf ?? decoyKdf(keyring, 'setup'));
  try {
    const dataKey = slot ? openSlot(slot, kek, keyring.keyEpoch) : null;
    if (!dataKey || !slot) return null;
    if (Date.parse(slot.expiresAt) < now.getTime()) {
      dataKey.fill(0);
      return 'expired';
    }
    return { dataKey, userId: slot.userId, identity: openIdentity(slot, kek) };
  } finally {
    kek.fill(0);
  }
}

export function openWithRecovery(keyring: Keyring, recoveryKey: string): Buffer | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery') continue;
    const kek = recoveryKek(recoveryKey, Buffer.from(slot.salt, 'base64'));
    const dataKey = openSlot(slot, kek, keyring.keyEpoch);
    kek.fill(0);
    if (dataKey) return dataKey;
  }
  return null;
}

/** After a data-key rotation: the new key sealed to every remaining slot, under the next epoch. */
export function resealed(keyring: Keyring, newDataKey: Buffer): Keyring {
  const keyEpoch = keyring.keyEpoch + 1;
  return {
    ...keyring,
    keyEpoch,
    slots: keyring.slots.map((slot) => ({ ...slot, dataKey: seal(newDataKey, slot.publicKey, dataKeyAad(slot, keyEpoch)) })),
  };
}
