// Main process (plain Node). Never imports electron.
// The accounts deactivated on this installation, kept beside the store (not inside it), so restoring
// an older backup cannot bring one back: the restore refuses such an account's passphrase, removes its
// key slots, marks it deactivated again and rotates the data key (backup/restore.ts), and no session
// opens for it (core/installation.ts). Holds only random account ids, never names.
// Entries are added when an account is deactivated (and whenever a session finds one deactivated in
// the store) and removed only when an administrator reactivates it.
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

/** Adds accounts to the list (written only when it changes). */
export function recordRevoked(dir: string, ids: Iterable<string>): void {
  const list = readRevoked(dir);
  const before = list.size;
  for (const id of ids) list.add(id);
  if (list.size !== before) write(dir, list);
}

/** Takes an account off the list: an administrator reactivated it. */
export function forgetRevoked(dir: string, id: string): void {
  const list = readRevoked(dir);
  if (list.delete(id)) write(dir, list);
}

/**
 * Called with every open session: adds the store's deactivated accounts to the list (so an
 * installation deactivated before the list existed gains one), and mends a damaged list from the
 * store. Says whether `userId` is on the list.
 */
export function reconcileRevoked(dir: string, db: Db, userId: string): boolean {
  const inactive = db.prepare<[], string>('SELECT id FROM users WHERE active = 0').pluck().all();
  try {
    recordRevoked(dir, inactive);
  } catch (error) {
    if (!(error instanceof RevokedListError)) throw error;
    write(dir, new Set(inactive));
  }
  return readRevoked(dir).has(userId);
}
