// shared/: runs in every process. Imports nothing outside shared/.
// Numbers the main process enforces and the renderer mirrors as a courtesy.
export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 256;
export const NAME_MAX = 120;
export const IDLE_LOCK_DEFAULT_MINUTES = 5;
export const IDLE_LOCK_MIN_MINUTES = 1;
export const IDLE_LOCK_MAX_MINUTES = 30;
/** Recovery keys are 32 Crockford base-32 characters (160 bits), shown in 8 groups of 4. */
export const RECOVERY_KEY_GROUPS = 8;
