// Development tooling: figures for the security issue: access-log verification at 1,000,000 entries
// and the sign-in timing for an unknown name against a wrong passphrase, and for a first sign-in
// with a setup code with and without a pending code.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditKeyOf, auditLog, verifyChain } from '../../main/audit/chain';
import { recordKeys } from '../../main/audit/identities';
import { newIdentity, signerOf } from '../../main/keys/identity';
import { newKeyring, openWithPassphrase, withPassphraseSlot } from '../../main/keys/keyring';
import { calibrateKdf, type KdfCost } from '../../main/keys/kdf';
import { systemClock } from '../../main/core/clock';
import { dataPaths } from '../../main/core/paths';
import { SessionControl } from '../../main/core/session-control';
import { newRecoveryKey } from '../../main/keys/recovery';
import { closeStore, openStore } from '../../main/store/open';
import type { Emit } from './caseload';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchAuditVerify(entries: number, emit: Emit, options: { exact?: boolean } = {}): void {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-audit-'));
  try {
    const db = openStore({ path: join(dir, 'safehold.db'), key: randomBytes(32), create: true });
    const key = auditKeyOf(db);
    let t = Date.parse('2026-01-01T00:00:00Z');
    const now = () => new Date((t += 1000));
    // Five people, each entry signed by its author as in the app, in sessions of 200 entries (a
    // sign-in, views and saves, a lock), vouched for by the founding administrator's root key.
    const people = Array.from({ length: 5 }, (_, i) => ({ id: String(i + 1).repeat(32).slice(0, 32), identity: newIdentity(null) }));
    const root = people[0]!;
    for (const p of people.slice(1)) p.identity.root = root.identity.signingKey;
    const logs = people.map((p) => auditLog(db, key, now, signerOf(p.identity)));
    db.transaction(() => {
      people.forEach((p, i) => recordKeys(logs[0]!, root.id, { user: p.id, identity: p.identity, admin: i === 0, active: true, role: i === 0 ? 'admin' : 'caseworker', root: i === 0 }));
    })();
    const SESSION = 200;
    for (let done = people.length; done < entries; done += 10_000) {
      db.transaction(() => {
        for (let i = 0; i < Math.min(10_000, entries - done); i += 1) {
          const n = done + i;
          const who = Math.floor(n / SESSION) % people.length;
          const step = n % SESSION;
          const action = step === 0 ? 'session.unlock' : step === SESSION - 1 ? 'session.lock.manual' : step % 3 ? 'client.view' : 'intake.saveSection';
          logs[who]!.append({ actorId: people[who]!.id, action, targetId: 'b'.repeat(32) });
        }
      })();
    }
    // As `audit verify` runs it: the quick check (worker threads) for a log this long.
    const start = performance.now();
    const report = verifyChain(db, key, { root: root.identity.signingKey });
    emit('audit_verify_ms', performance.now() - start, 'ms');
    emit('audit_verify_entries', report.entries, 'entries');
    if (!report.intact) throw new Error('bench chain not intact');
    if (options.exact) {
      // The exact walk entry by entry (what names a bad entry), on the same log, for comparison.
      const t0 = performance.now();
      const walked = verifyChain(db, key, { root: root.identity.signingKey, quickFrom: Number.POSITIVE_INFINITY });
      emit('audit_verify_exact_ms', performance.now() - t0, 'ms');
      if (JSON.stringify(walked) !== JSON.stringify(report)) throw new Error('the quick and exact verifications differ');
    }
    closeStore(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The two refusals must cost the same, or timing would reveal which names have accounts. */
export async function benchSignInTiming(emit: Emit): Promise<void> {
  const cost = await calibrateKdf();
  const dataKey = randomBytes(32);
  const keyring = await withPassphraseSlot(newKeyring(dataKey, newRecoveryKey()), {
    userId: 'c'.repeat(32),
    name: 'Bench Person',
    passphrase: 'bench passphrase words',
    dataKey,
    cost,
  });
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    let start = performance.now();
    await openWithPassphrase(keyring, 'Bench Person', 'not the passphrase');
    wrong.push(performance.now() - start);
    start = performance.now();
    await openWithPassphrase(keyring, 'Nobody Here', 'not the passphrase');
    unknown.push(performance.now() - start);
  }
  emit('signin_wrong_passphrase_ms', median(wrong), 'ms');
  emit('signin_unknown_name_ms', median(unknown), 'ms');
  emit('signin_unknown_vs_wrong_ratio', median(unknown) / median(wrong), 'ratio');
  await benchFirstSignInTiming(cost, emit);
}

/**
 * The first sign-in with a setup code, through SessionControl at this machine's calibrated cost: a
 * name with a pending code and a wrong code, a name without any code, and a right code must answer
 * in the same time (issue 11 finding 4; 82 ms against 968 ms before).
 */
async function benchFirstSignInTiming(cost: KdfCost, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-signin-'));
  try {
    const control = new SessionControl({ paths: dataPaths(dir), clock: systemClock, kdfCost: cost, emit: () => undefined });
    const { recoveryKey } = control.beginSetup();
    await control.completeSetup({ agencyName: 'Bench Agency', adminName: 'Bench Admin', passphrase: 'bench admin passphrase', recoveryKeyConfirmation: recoveryKey });
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await control.addStaff({ displayName: `Bench New ${i}`, role: 'caseworker' })).setupCode);
    control.lock('manual');
    const time = async (name: string, setupCode: string): Promise<number> => {
      const start = performance.now();
      await control.firstSignIn({ name, setupCode, newPassphrase: 'bench own passphrase' }).catch(() => undefined);
      const elapsed = performance.now() - start;
      control.lock('manual');
      return elapsed;
    };
    const pending: number[] = [];
    const none: number[] = [];
    const right: number[] = [];
    // Fewer than the free attempts per name, so the throttle never answers instead.
    for (let i = 0; i < 3; i += 1) {
      pending.push(await time('Bench New 0', 'AAAA-BBBB-CCCC-DDDD'));
      none.push(await time(`Bench Nobody ${i}`, 'AAAA-BBBB-CCCC-DDDD'));
      right.push(await time(`Bench New ${i}`, codes[i]!));
    }
    emit('first_signin_wrong_code_ms', median(pending), 'ms');
    emit('first_signin_no_code_ms', median(none), 'ms');
    emit('first_signin_right_code_ms', median(right), 'ms');
    emit('first_signin_no_code_vs_wrong_code_ratio', median(none) / median(pending), 'ratio');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
