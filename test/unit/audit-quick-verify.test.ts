// The quick verification of long access logs (MACs and run-end signatures in worker threads, the
// signature rules at run ends) gives the exact walk's verdict: intact logs intact, and for every
// tampering the same first bad entry (it hands over to the exact walk).
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyOf, auditLog, entryMac, verifyChain, type LogRow } from '../../main/audit/chain';
import { recordKeys } from '../../main/audit/identities';
import { ParallelCheck } from '../../main/audit/parallel-check';
import { newIdentity, signerOf } from '../../main/keys/identity';
import { closeStore, openStore, type Db } from '../../main/store/open';

let db: Db;
let dir: string;
let key: Buffer;
let root: string;
const ENTRIES = 600;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'safehold-quick-audit-'));
  db = openStore({ path: join(dir, 'safehold.db'), key: randomBytes(32), create: true });
  key = auditKeyOf(db);
  let t = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((t += 1000));
  const people = Array.from({ length: 3 }, (_, i) => ({ id: String(i + 1).repeat(32), identity: newIdentity(null) }));
  root = people[0]!.identity.signingKey;
  for (const p of people.slice(1)) p.identity.root = root;
  const logs = people.map((p) => auditLog(db, key, now, signerOf(p.identity)));
  const unsigned = auditLog(db, key, now, null);
  db.transaction(() => {
    people.forEach((p, i) => recordKeys(logs[0]!, people[0]!.id, { user: p.id, identity: p.identity, admin: i === 0, active: true, role: i === 0 ? 'admin' : 'caseworker', root: i === 0 }));
    for (let n = 3; n < ENTRIES; n += 1) {
      const who = Math.floor(n / 40) % 3;
      if (n % 97 === 0) unsigned.append({ actorId: null, action: 'session.unlock', outcome: 'failed' });
      else if (n % 131 === 0) unsigned.append({ actorId: people[1]!.id, action: 'client.view', targetId: 'c'.repeat(32), carried: true });
      else logs[who]!.append({ actorId: people[who]!.id, action: n % 3 ? 'client.view' : 'intake.saveSection', targetId: 'b'.repeat(32), detail: n % 7 ? null : { field: `f${n}` } });
    }
  })();
});

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

const exact = () => verifyChain(db, key, { root, quickFrom: Number.POSITIVE_INFINITY });
const quick = (threads: number) => verifyChain(db, key, { root, quickFrom: 0, threads });

class Rollback extends Error {}

function rolledBack(fn: () => void): void {
  try {
    db.transaction(() => {
      fn();
      throw new Rollback();
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

/** An insider with the store's audit key re-chains every MAC from `from` on (signatures untouched). */
function rechain(from: number): void {
  const rows = db.prepare<[number], LogRow>('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(from);
  let previous = db.prepare<[number], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(from)?.mac ?? Buffer.alloc(32);
  const set = db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?');
  for (const row of rows) {
    previous = entryMac(key, previous, row);
    set.run(previous, row.seq);
  }
}

describe('the quick verification of a long access log', () => {
  it('builds HMAC-SHA256 as createHmac does and accepts an intact log, in worker threads and in this one', () => {
    const row = db.prepare<[], LogRow>('SELECT * FROM audit_log WHERE seq = 2').get()!;
    const previous = db.prepare<[], { mac: Buffer }>('SELECT mac FROM audit_log WHERE seq = 1').get()!.mac;
    const fields = JSON.stringify([row.seq, row.at, row.actor_id, row.action, row.target_id, row.outcome, row.detail]);
    expect(createHmac('sha256', key).update(previous).update(fields).digest()).toEqual(row.mac);
    for (const threads of [0, 2]) {
      const check = ParallelCheck.start(db, key, { threads });
      expect(check).not.toBeNull();
      expect(check!.entries).toBe(ENTRIES);
      expect(check!.finish([])).toBe(true);
      check!.close();
    }
    const intact = exact();
    expect(intact).toMatchObject({ intact: true, entries: ENTRIES, vouchedThrough: ENTRIES });
    expect(quick(0)).toEqual(intact);
    expect(quick(2)).toEqual(intact);
  });

  it('does not accept a log with one MAC or one run-end signature wrong, in worker threads', () => {
    rolledBack(() => {
      db.prepare("UPDATE audit_log SET mac = randomblob(32) WHERE seq = 300").run();
      expect(ParallelCheck.start(db, key, { threads: 2 })?.finish([]) ?? false).toBe(false);
    });
    const check = ParallelCheck.start(db, key, { threads: 2 })!;
    const sig = db.prepare<[], { signer: string; mac: Buffer; sig: Buffer }>('SELECT signer, mac, sig FROM audit_log WHERE seq = 40').get()!;
    const wrong = Buffer.from(sig.sig);
    wrong[5] = wrong[5]! ^ 1;
    expect(check.finish([{ signer: sig.signer, message: Buffer.concat([Buffer.from('safehold audit entry v1\n'), sig.mac]), sig: wrong }])).toBe(false);
    check.close();
  });

  const tamper = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), seq: fc.integer({ min: 1, max: ENTRIES }), field: fc.constantFrom('action', 'actor_id', 'target_id', 'outcome', 'at', 'detail', 'signer') }),
    fc.record({ kind: fc.constant('delete' as const), seq: fc.integer({ min: 1, max: ENTRIES - 1 }) }),
    fc.record({ kind: fc.constant('swap' as const), a: fc.integer({ min: 1, max: ENTRIES }), b: fc.integer({ min: 1, max: ENTRIES }) }).filter((s) => s.a !== s.b),
    fc.record({ kind: fc.constant('insider' as const), seq: fc.integer({ min: 1, max: ENTRIES }), field: fc.constantFrom('action', 'target_id', 'detail', 'actor_id') }),
  );

  it('hands every tampering to the exact walk, which names the same first bad entry', () => {
    fc.assert(
      fc.property(tamper, fc.constantFrom(0, 2), (t, threads) => {
        rolledBack(() => {
          switch (t.kind) {
            case 'edit':
            case 'insider': {
              const value = t.field === 'outcome' ? "CASE outcome WHEN 'ok' THEN 'denied' ELSE 'ok' END" : `coalesce(${t.field}, '') || 'x'`;
              db.prepare(`UPDATE audit_log SET ${t.field} = ${value} WHERE seq = ?`).run(t.seq);
              if (t.kind === 'insider') rechain(t.seq);
              break;
            }
            case 'delete':
              db.prepare('DELETE FROM audit_log WHERE seq = ?').run(t.seq);
              rechain(t.seq + 1);
              break;
            case 'swap': {
              db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(t.a);
              db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(t.a, t.b);
              db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(t.b);
              break;
            }
          }
          const expected = exact();
          expect(expected.intact).toBe(false);
          expect(quick(threads)).toEqual(expected);
        });
      }),
      { numRuns: 60, seed: 20261206 },
    );
    expect(quick(2).intact).toBe(true);
  });
});
