// Main process (plain Node). Never imports electron.
// Slows down guessing at the sign-in screen. Per sign-in name (by its keyring lookup, so unknown
// names are throttled exactly like known ones): after 5 failures in a row a wait of 30 s, doubling
// up to 15 minutes; after 100 the name is locked out until an admin sets up a new code or the
// recovery key is used. Kept in signin-throttle.json beside the keyring: counters only, no names.
// Offline attacks on a copied keyring skip this; the Argon2id cost is the barrier there.
// Attempts for one name run one at a time (serialise), and each is counted as a failure before its
// key is derived (attempt); a success then clears the count. So parallel attempts cannot all pass the
// check before any failure is written, and killing the process mid-derivation still counts the try.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { AppError } from '../rpc/errors';

export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const LOCKOUT_AFTER = 100;

const Entry = z.object({ failures: z.number().int().min(0), notBefore: z.number() }).strict();
const File = z.object({ entries: z.record(z.string().max(100), Entry) }).strict();
type Entries = z.infer<typeof File>['entries'];

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number | null };

/** Refuses an attempt the throttle does not allow, saying how long to wait (or that it is locked). */
export function refuseIfThrottled(verdict: ThrottleVerdict): void {
  if (verdict.allowed) return;
  throw new AppError(
    'TOO_MANY_ATTEMPTS',
    verdict.retryAfterMs === null
      ? 'This sign-in is locked after many failed attempts. An administrator can give you a new setup code, or the recovery key can be used.'
      : `Too many attempts with this name. Wait ${Math.ceil(verdict.retryAfterMs / 60_000)} minute(s) and try again.`,
  );
}

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

  /** No entries, no file: a data folder where every attempt succeeded has no throttle file. */
  private write(entries: Entries): void {
    if (Object.keys(entries).length === 0) rmSync(this.path, { force: true });
    else writeFileAtomic(this.path, `${JSON.stringify({ entries })}\n`);
  }

  /** Attempts still running or waiting, per name: each starts when the one before it has finished. */
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs fn after every earlier attempt for this key has finished (succeeded or failed). */
  async serialise<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    }
  }

  check(key: string, now: number): ThrottleVerdict {
    const entry = this.read()[key];
    if (!entry) return { allowed: true };
    if (entry.failures >= LOCKOUT_AFTER) return { allowed: false, retryAfterMs: null };
    if (entry.notBefore > now) return { allowed: false, retryAfterMs: entry.notBefore - now };
    return { allowed: true };
  }

  /**
   * Admits one attempt or refuses it. An admitted attempt is written down as a failure now, before
   * any key work; succeed() clears it once the secret proved right.
   */
  attempt(key: string, now: number): ThrottleVerdict {
    const verdict = this.check(key, now);
    if (verdict.allowed) this.fail(key, now);
    return verdict;
  }

  private fail(key: string, now: number): void {
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
