import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOOR_COST } from '../../main/keys/kdf';
import {
  KeyringError,
  newKeyring,
  openWithPassphrase,
  openWithRecovery,
  openWithSetupCode,
  readKeyring,
  resealed,
  withSetupSlot,
  withoutUserSlots,
  withPassphraseSlot,
  writeKeyring,
  type Keyring,
} from '../../main/keys/keyring';
import { formatRecoveryKey, newRecoveryKey } from '../../main/keys/recovery';
import { tempDir } from '../helpers/tmp';

const USER = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);

async function keyringWithAdmin() {
  const dataKey = randomBytes(32);
  const recoveryKey = newRecoveryKey();
  const keyring = await withPassphraseSlot(newKeyring(dataKey, recoveryKey), {
    userId: USER,
    name: 'Rowan Synthetic',
    passphrase: 'quiet harbor lamp 7',
    dataKey,
    cost: FLOOR_COST,
  });
  return { dataKey, recoveryKey, keyring };
}

describe('key slots', () => {
  it('open with the right name and passphrase, whatever the case and spacing of the name', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    const opened = await openWithPassphrase(keyring, '  rowan   SYNTHETIC ', 'quiet harbor lamp 7');
    expect(opened?.userId).toBe(USER);
    expect(opened?.dataKey.equals(dataKey)).toBe(true);
  });

  it('give nothing for a wrong passphrase or an unknown name', async () => {
    const { keyring } = await keyringWithAdmin();
    expect(await openWithPassphrase(keyring, 'Rowan Synthetic', 'quiet harbor lamp 8')).toBeNull();
    expect(await openWithPassphrase(keyring, 'Nobody Here', 'quiet harbor lamp 7')).toBeNull();
  });

  it('detect any change to a slot: parameters, owner, lookup, keys, nonce or ciphertext', async () => {
    const { keyring } = await keyringWithAdmin();
    const slot = keyring.slots.find((s) => s.kind === 'passphrase')!;
    if (slot.kind !== 'passphrase') throw new Error('unreachable');
    const other = (await keyringWithAdmin()).keyring.slots.find((s) => s.kind === 'passphrase')!;
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    const variants: Keyring['slots'][number][] = [
      { ...slot, userId: OTHER },
      { ...slot, kdf: { ...slot.kdf, iterations: slot.kdf.iterations + 1 } },
      { ...slot, kdf: { ...slot.kdf, salt: Buffer.from(flip(slot.kdf.salt), 'base64url').toString('base64') } },
      { ...slot, privateKey: { ...slot.privateKey, nonce: flip(slot.privateKey.nonce) } },
      { ...slot, privateKey: { ...slot.privateKey, ciphertext: flip(slot.privateKey.ciphertext) } },
      { ...slot, dataKey: { ...slot.dataKey, ciphertext: flip(slot.dataKey.ciphertext) } },
      { ...slot, dataKey: other.dataKey },
      { ...slot, publicKey: other.publicKey },
      { ...slot, id: '00000000-0000-0000-0000-000000000000' },
    ];
    for (const variant of variants) {
      const tampered = { ...keyring, slots: [variant] };
      expect(await openWithPassphrase(tampered, 'Rowan Synthetic', 'quiet harbor lamp 7')).toBeNull();
    }
    expect(await openWithPassphrase({ ...keyring, keyEpoch: 2 }, 'Rowan Synthetic', 'quiet harbor lamp 7')).toBeNull();
  });

  it('change passphrase by re-wrapping the same data key; the old passphrase stops working', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    const next = await withPassphraseSlot(keyring, {
      userId: USER,
      name: 'Rowan Synthetic',
      passphrase: 'new lantern field 9',
      dataKey,
      cost: FLOOR_COST,
    });
    expect(next.slots.filter((s) => s.kind === 'passphrase')).toHaveLength(1);
    expect(await openWithPassphrase(next, 'Rowan Synthetic', 'quiet harbor lamp 7')).toBeNull();
    expect((await openWithPassphrase(next, 'Rowan Synthetic', 'new lantern field 9'))?.dataKey.equals(dataKey)).toBe(true);
  });

  it('refuse a second account with the same sign-in name', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    await expect(
      withPassphraseSlot(keyring, { userId: OTHER, name: 'ROWAN synthetic', passphrase: 'x'.repeat(12), dataKey, cost: FLOOR_COST }),
    ).rejects.toThrow(KeyringError);
  });
});

describe('setup codes', () => {
  it('open once with the name and code until they expire, and replace the old passphrase', async () => {
    const { dataKey, keyring } = await keyringWithAdmin();
    const next = await withSetupSlot(keyring, { userId: USER, name: 'Rowan Synthetic', setupCode: 'ABCD-EFGH-JKMN-PQRS', dataKey, cost: FLOOR_COST, expiresAt: new Date('2026-03-08T00:00:00Z') });
    expect(await openWithPassphrase(next, 'Rowan Synthetic', 'quiet harbor lamp 7')).toBeNull();
    const opened = await openWithSetupCode(next, 'rowan synthetic', 'ABCD-EFGH-JKMN-PQRS', new Date('2026-03-02T00:00:00Z'));
    expect(opened).toMatchObject({ userId: USER });
    expect(await openWithSetupCode(next, 'Rowan Synthetic', 'ABCD-EFGH-JKMN-PQRT', new Date('2026-03-02T00:00:00Z'))).toBeNull();
    expect(await openWithSetupCode(next, 'Rowan Synthetic', 'ABCD-EFGH-JKMN-PQRS', new Date('2026-03-09T00:00:00Z'))).toBe('expired');
  });
});

describe('data-key rotation', () => {
  it('seals the new key to every remaining slot; a removed slot gets nothing', async () => {
    const { dataKey, recoveryKey, keyring } = await keyringWithAdmin();
    const withOther = await withPassphraseSlot(keyring, { userId: OTHER, name: 'Sam Synthetic', passphrase: 'other passphrase words', dataKey, cost: FLOOR_COST });
    const removedSlot = withOther.slots.find((s) => s.kind === 'passphrase' && s.userId === OTHER)!;
    const newKey = randomBytes(32);
    const rotated = resealed(withoutUserSlots(withOther, OTHER), newKey);
    expect(rotated.keyEpoch).toBe(2);
    expect((await openWithPassphrase(rotated, 'Rowan Synthetic', 'quiet harbor lamp 7'))?.dataKey.equals(newKey)).toBe(true);
    expect(openWithRecovery(rotated, recoveryKey)?.equals(newKey)).toBe(true);
    // Putting the removed person's old slot back does not give them the new key.
    const smuggled = { ...rotated, slots: [...rotated.slots, removedSlot] };
    expect(await openWithPassphrase(smuggled, 'Sam Synthetic', 'other passphrase words')).toBeNull();
  });
});

describe('the recovery key', () => {
  it('is 160 random bits in 8 groups of 4 Crockford characters', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{32}$/u);
    expect(formatRecoveryKey(key)).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/u);
    expect(new Set(Array.from({ length: 50 }, newRecoveryKey)).size).toBe(50);
  });

  it('opens its own slot, typed in lower case with spaces', async () => {
    const { dataKey, recoveryKey, keyring } = await keyringWithAdmin();
    const typed = formatRecoveryKey(recoveryKey).toLowerCase().replace(/-/gu, ' ');
    expect(openWithRecovery(keyring, typed)?.equals(dataKey)).toBe(true);
    expect(openWithRecovery(keyring, newRecoveryKey())).toBeNull();
  });
});

describe('keyring.json', () => {
  it('is written atomically, holds no names, and refuses hand edits', async () => {
    const dir = tempDir();
    const path = join(dir, 'keyring.json');
    const { keyring } = await keyringWithAdmin();
    writeKeyring(path, keyring);
    expect(readdirSync(dir)).toEqual(['keyring.json']);
    const text = readFileSync(path, 'utf8');
    expect(text.toLowerCase()).not.toContain('rowan');
    expect(text).not.toContain('quiet harbor');
    expect(readKeyring(path)).toEqual(keyring);

    const edited = JSON.parse(text) as Keyring;
    const slot = edited.slots.find((s) => s.kind === 'passphrase');
    if (slot?.kind === 'passphrase') slot.kdf.memoryKiB = 1024;
    writeFileSync(path, JSON.stringify(edited));
    expect(() => readKeyring(path)).toThrow(KeyringError);
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(() => readKeyring(path)).toThrow(KeyringError);
  });
});
