// Main process (plain Node). Never imports electron.
// Slows down guessing at the sign-in screen. Per sign-in name (by its keyring lookup, so unknown
// names are throttled exactly like known ones): after 5 failures in a row a wait of 30 s, doubling
// up to 15 minutes; after 100 the name is locked out until an admin sets up a new code or the
// recovery key is used. Kept in signin-throttle.json beside the keyring: counters only, no names.
// Offline attacks on a copied keyring skip this; the Argon2id cost is the barrier there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';

export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const LOCKOUT_AFTER = 100;

const Entry = z.object({ failures: z.number().int().min(0), notBefore: z.number() }).strict();
const File = z.object({ entries: z.record(z.string().max(100), Entry) }).strict();
type Entries = z.infer<typeof File>['entries'];

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number | null };

export class SignInThrottle {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'signin-throttle.json');
  }

  private read(): Entries {
    if (!existsSync(this.path)) return {};
    try {
      const parsed = File.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data.entries : {};
    } catch {
      return {};
    }
  }

  private write(entries: Entries): void {
    writeFileAtomic(this.path, `${JSON.stringify({ entries })}\n`);
  }

  check(key: string, now: number): ThrottleVerdict {
    const entry = this.read()[key];
    if (!entry) return { allowed: true };
    if (entry.failures >= LOCKOUT_AFTER) return { allowed: false, retryAfterMs: null };
    if (entry.notBefore > now) return { allowed: false, retryAfterMs: entry.notBefore - now };
    return { allowed: true };
  }

  fail(key: string, now: number): void {
    const entries = this.read();
    const failures = (entries[key]?.failures ?? 0) + 1;
    const over = failures - FREE_ATTEMPTS;
    const wait = over >= 0 ? Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** over) : 0;
    entries[key] = { failures, notBefore: now + wait };
    this.write(entries);
  }

  succeed(key: string): void {
    const entries = this.read();
    if (!(key in entries)) return;
    delete entries[key];
    this.write(entries);
  }

  /** An admin's new setup code or the recovery key lifts a lockout. */
  clear(key: string): void {
    this.succeed(key);
  }
}
