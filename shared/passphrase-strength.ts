// shared/: runs in every process. Imports nothing outside shared/.
// A rough, offline strength estimate for the setup screen's meter. It is advice, not the guard:
// the main process enforces the length rule; the KDF cost is the real barrier.
import { PASSPHRASE_MIN } from './limits';

export type Strength = 0 | 1 | 2 | 3 | 4;

const COMMON = ['password', 'passphrase', 'safehold', 'qwerty', '123456', 'letmein', 'welcome', 'admin', 'iloveyou'];

/** Estimated bits of guessing work, deliberately conservative. */
export function estimateBits(passphrase: string): number {
  if (passphrase.length === 0) return 0;
  const lower = passphrase.toLowerCase();
  let pool = 0;
  if (/[a-z]/u.test(passphrase)) pool += 26;
  if (/[A-Z]/u.test(passphrase)) pool += 26;
  if (/[0-9]/u.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/u.test(passphrase)) pool += 33;
  // Count only characters that are not a repeat of the previous one or part of a simple run.
  let effective = 1;
  for (let i = 1; i < passphrase.length; i += 1) {
    const step = passphrase.charCodeAt(i) - passphrase.charCodeAt(i - 1);
    if (step !== 0 && Math.abs(step) !== 1) effective += 1;
  }
  let bits = effective * Math.log2(Math.max(pool, 2));
  for (const word of COMMON) if (lower.includes(word)) bits -= word.length * 3;
  return Math.max(0, Math.round(bits));
}

export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < PASSPHRASE_MIN) return 0;
  const bits = estimateBits(passphrase);
  if (bits < 45) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}
