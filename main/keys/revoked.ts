// Main process (plain Node). Never imports electron.
// The accounts deactivated on this installation, kept beside the store (not inside it), so restoring
// an older backup cannot bring one back: the restore refuses such an account's passphrase, removes its
// key slots, marks it deactivated again and rotates the data key (backup/restore.ts), and no session
// opens for it (core/installation.ts). Holds only random account ids, never names.
// Entries are added when an account is deactivated (and whenever a session finds one deactivated in
// the store) and removed only when an administrator reactivates it. It is a backstop, not the lock:
// deactivation itself removes the account's key slots and rotates the data key. Someone able to
// delete this file could restore an old backup with an old passphrase, but would only reach what
// that backup file already opens for them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import type { Db } from '../store/open';

export const REVOKED_FILE = 'revoked-accounts.json';

const RevokedFile = z
  .object({
    format: z.literal(1),
    accounts: z.array(z.string().regex(/^[0-9a-f]{32}$/u)),
  })
  .strict();

export class RevokedListError extends Error {
  constructor() {
    super(`The list of deactivated accounts (${REVOKED_FILE} in the data folder) is damaged.`);
  }
}

const pathOf = (dir: string) => join(dir, REVOKED_FILE);

/** The deactivated accounts' ids; none when the file is missing (a new installation or a new computer). */
export function readRevoked(dir: string): Set<string> {
  const path = pathOf(dir);
  if (!existsSync(path)) return new Set();
  try {
    return new Set(RevokedFile.parse(JSON.parse(readFileSync(path, 'utf8'))).accounts);
  } catch {
    throw new RevokedListError();
  }
}

function write(dir: string, ids: Set<string>): void {
  writeFileAtomic(pathOf(dir), `${JSON.stringify({ format: 1, accounts: [...ids].sort() })}\n`);
}

/**
 * Takes an account off the list: an administrator reactivated it. A damaged list is rebuilt from the
 * store first. Throws if the folder cannot be written (the account would stay closed otherwise).
 */
export function forgetRevoked(dir: string, db: Db, id: string): void {
  const list = noteRevoked(dir, db);
  if (list.delete(id)) write(dir, list);
}

/**
 * Adds the store's deactivated accounts to the list (so an installation deactivated before the list
 * existed gains one; with no one deactivated there is no file) and mends a damaged list from the store. Best effort: a folder that cannot be
 * written now is tried again at the next session. Returns the accounts known to be deactivated.
 */
export function noteRevoked(dir: string, db: Db): Set<string> {
  const inactive = db.prepare<[], string>('SELECT id FROM users WHERE active = 0').pluck().all();
  let list = new Set<string>();
  let mend = false;
  try {
    list = readRevoked(dir);
  } catch {
    mend = true;
  }
  const known = new Set([...list, ...inactive]);
  if (mend || known.size !== list.size) {
    try {
      write(dir, known);
    } catch {
      // Read-only or full: the store still says who is deactivated, and the next session writes it.
    }
  }
  return known;
}
