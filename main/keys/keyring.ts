// Main process (plain Node). Never imports electron.
// keyring.json: the data key wrapped once per staff member (under Argon2id of their passphrase) and
// once under the recovery key. It holds no survivor data, no staff names and no roles: a slot is
// found by an HMAC of the sign-in name, and roles are read from inside the encrypted store.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { STORE_CIPHER } from '../store/cipher';
import { deriveKek, KdfParams, newKdfParams, type KdfCost } from './kdf';
import { nameKey } from './names';
import { recoveryKek } from './recovery';
import { unwrapKey, wrapKey, type Wrapped } from './wrap';

export const KEYRING_FORMAT = 1;

const Base64 = z.base64();
const WrappedSchema = z.object({ nonce: Base64, ciphertext: Base64 }).strict();

const PassphraseSlot = z
  .object({
    kind: z.literal('passphrase'),
    id: z.string().regex(/^[0-9a-f-]{36}$/u),
    userId: z.string().regex(/^[0-9a-f]{32}$/u),
    lookup: Base64,
    kdf: KdfParams,
    wrapped: WrappedSchema,
  })
  .strict();

const RecoverySlot = z
  .object({
    kind: z.literal('recovery'),
    id: z.string().regex(/^[0-9a-f-]{36}$/u),
    salt: Base64,
    wrapped: WrappedSchema,
  })
  .strict();

const KeyringSchema = z
  .object({
    format: z.literal(KEYRING_FORMAT),
    cipher: z.literal(STORE_CIPHER),
    lookupSalt: Base64,
    slots: z.array(z.discriminatedUnion('kind', [PassphraseSlot, RecoverySlot])).min(1),
  })
  .strict();

export type Keyring = z.infer<typeof KeyringSchema>;
export type PassphraseSlot = z.infer<typeof PassphraseSlot>;

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
  if (!parsed.success) throw new KeyringError('The key file is damaged or was changed by hand.');
  return parsed.data;
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(KeyringSchema.parse(keyring), null, 2)}\n`);
}

function slotLookup(keyring: Pick<Keyring, 'lookupSalt'>, name: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(nameKey(name), 'utf8').digest('base64');
}

/** Everything about a slot that must not change without the wrapped key failing to open. */
function passphraseAad(slot: Omit<PassphraseSlot, 'wrapped'>): Buffer {
  const { alg, memoryKiB, iterations, parallelism, salt } = slot.kdf;
  return Buffer.from(
    JSON.stringify(['safehold-slot', KEYRING_FORMAT, slot.kind, slot.id, slot.userId, slot.lookup, alg, memoryKiB, iterations, parallelism, salt]),
    'utf8',
  );
}

function recoveryAad(slot: { id: string; salt: string }): Buffer {
  return Buffer.from(JSON.stringify(['safehold-slot', KEYRING_FORMAT, 'recovery', slot.id, slot.salt]), 'utf8');
}

export function newKeyring(dataKey: Buffer, recoveryKey: string): Keyring {
  const id = randomUUID();
  const salt = randomBytes(16).toString('base64');
  const kek = recoveryKek(recoveryKey, Buffer.from(salt, 'base64'));
  const wrapped = wrapKey(dataKey, kek, recoveryAad({ id, salt }));
  kek.fill(0);
  return {
    format: KEYRING_FORMAT,
    cipher: STORE_CIPHER,
    lookupSalt: randomBytes(32).toString('base64'),
    slots: [{ kind: 'recovery', id, salt, wrapped }],
  };
}

export interface PassphraseSlotInput {
  userId: string;
  name: string;
  passphrase: string;
  dataKey: Buffer;
  cost: KdfCost;
}

/** Adds (or replaces) the user's slot. The data key and the store are untouched: change = re-wrap. */
export async function withPassphraseSlot(keyring: Keyring, input: PassphraseSlotInput): Promise<Keyring> {
  const lookup = slotLookup(keyring, input.name);
  const clash = keyring.slots.find((s) => s.kind === 'passphrase' && s.lookup === lookup && s.userId !== input.userId);
  if (clash) throw new KeyringError('Another account already signs in with this name.');
  const base = { kind: 'passphrase' as const, id: randomUUID(), userId: input.userId, lookup, kdf: newKdfParams(input.cost) };
  const kek = await deriveKek(input.passphrase, base.kdf);
  let wrapped: Wrapped;
  try {
    wrapped = wrapKey(input.dataKey, kek, passphraseAad(base));
  } finally {
    kek.fill(0);
  }
  const others = keyring.slots.filter((s) => !(s.kind === 'passphrase' && s.userId === input.userId));
  return { ...keyring, slots: [...others, { ...base, wrapped }] };
}

export function withoutUserSlot(keyring: Keyring, userId: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => !(s.kind === 'passphrase' && s.userId === userId)) };
}

export function passphraseSlots(keyring: Keyring): PassphraseSlot[] {
  return keyring.slots.filter((s): s is PassphraseSlot => s.kind === 'passphrase');
}

export interface Opened {
  dataKey: Buffer;
  userId: string;
}

/**
 * Opens the slot for this name with this passphrase. An unknown name costs the same Argon2id work as
 * a wrong passphrase, so timing does not reveal which names have accounts.
 */
export async function openWithPassphrase(keyring: Keyring, name: string, passphrase: string): Promise<Opened | null> {
  const lookup = slotLookup(keyring, name);
  const slots = passphraseSlots(keyring);
  const slot = slots.find((s) => s.lookup === lookup);
  const kdf = slot?.kdf ?? { ...(slots[0]?.kdf ?? newKdfParams({ memoryKiB: 65536, iterations: 3, parallelism: 1 })), salt: randomBytes(16).toString('base64') };
  const kek = await deriveKek(passphrase, kdf);
  try {
    if (!slot) return null;
    const dataKey = unwrapKey(slot.wrapped, kek, passphraseAad(slot));
    return dataKey ? { dataKey, userId: slot.userId } : null;
  } finally {
    kek.fill(0);
  }
}

export function openWithRecovery(keyring: Keyring, recoveryKey: string): Buffer | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'recovery') continue;
    const kek = recoveryKek(recoveryKey, Buffer.from(slot.salt, 'base64'));
    const dataKey = unwrapKey(slot.wrapped, kek, recoveryAad(slot));
    kek.fill(0);
    if (dataKey) return dataKey;
  }
  return null;
}

export function hasSlotFor(keyring: Keyring, name: string): boolean {
  const lookup = slotLookup(keyring, name);
  return passphraseSlots(keyring).some((s) => s.lookup === lookup);
}
