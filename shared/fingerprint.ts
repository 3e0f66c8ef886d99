// shared/: runs in every process. Imports nothing outside shared/.
// A report signing key's fingerprint as people print, publish and type it: the first 128 bits of the
// SHA-256 of the public key, as eight groups of four hex digits ("1a2b 3c4d ...").

/** A fingerprint as typed or pasted (any case, spaces, colons or dashes), in the printed form; null if it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/gu, '').toLowerCase();
  return /^[0-9a-f]{32}$/u.test(hex) ? hex.match(/.{4}/gu)!.join(' ') : null;
}
