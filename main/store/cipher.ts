// Main process (plain Node). Never imports electron.
// The one place the page cipher is chosen. AEGIS-256 is authenticated (a tag per page) and, with
// AES-NI, costs about 1.1x plain SQLite on inserts where chacha20 costs about 2x
// (../shared/research/toolchain.md §4; `npm run bench` prints the ratio on each machine).
export const STORE_CIPHER = 'aegis';

/** SQLite3MC reports the cipher by name; a different read-back means the build is not the one we tested. */
export const DATA_KEY_BYTES = 32;
