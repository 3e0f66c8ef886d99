// Main process (plain Node). Never imports electron.
// The recovery key: 160 random bits shown once as 32 Crockford base-32 characters for the agency
// safe. It is high-entropy, so HKDF (not a slow KDF) turns it into its slot's key.
import { hkdfSync, randomBytes } from 'node:crypto';
import { normalizeRecoveryKey } from '../../shared/recovery-key';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** As printed: 8 groups of 4, easy to read aloud and to type back. */
export function formatRecoveryKey(key: string): string {
  return key.match(/.{1,4}/gu)?.join('-') ?? key;
}

export function recoveryKek(recoveryKey: string, salt: Buffer): Buffer {
  const normalized = normalizeRecoveryKey(recoveryKey);
  return Buffer.from(hkdfSync('sha256', Buffer.from(normalized, 'ascii'), salt, 'safehold recovery slot v1', 32));
}
