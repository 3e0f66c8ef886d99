// shared/: runs in every process. Imports nothing outside shared/.
/**
 * Accepts a recovery key the way a person types it: any case, spaces or dashes, and the usual
 * look-alikes (O for 0, I or L for 1), which the Crockford alphabet never uses.
 */
export function normalizeRecoveryKey(text: string): string {
  return text.toUpperCase().replace(/[\s-]/gu, '').replace(/O/gu, '0').replace(/[IL]/gu, '1');
}

export const RECOVERY_KEY_PATTERN = /^[0-9A-HJKMNP-TV-Z]{32}$/u;
