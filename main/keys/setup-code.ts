// Main process (plain Node). Never imports electron.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Setup codes are valid for a week: long enough to reach the person, short enough to go stale. */
export const SETUP_CODE_DAYS = 7;

/** 16 Crockford base-32 characters (80 random bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/gu)!.join('-');
}

/** Compared the way it is typed: case, spaces and dashes do not matter. */
export function normalizeSetupCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/gu, '').replace(/O/gu, '0').replace(/[IL]/gu, '1');
}
