import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyOf, auditLog, verifyChain } from '../../main/audit/chain';
import { closeStore, openStore, type Db } from '../../main/store/open';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

// One store for the property runs; each run works inside a transaction that is rolled back.
let db: Db;
let dir: string;
const dataKey = randomBytes(32);
let key: Buffer;
const ENTRIES = 30;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'safehold-audit-'));
  db = openStore({ path: join(dir, 'safehold.db'), key: Buffer.from(dataKey), create: true });
  key = auditKeyOf(db);
  let t = Date.parse('2026-01-01T00:00:00Z');
  const log = auditLog(db, key, () => new Date((t += 1000)));
  db.transaction(() => {
    for (let i = 0; i < ENTRIES; i += 1) log.append({ actorId: 'u'.repeat(32), action: i % 2 ? 'record.view' : 'record.change', targetId: String(i) });
  })();
});

afterAll(() => {
  closeStore(db);
  rmSync(dir, { recursive: true, force: true });
});

class Rollback extends Error {}

function inRolledBackTransaction(fn: () => void): void {
  try {
    db.transaction(() => {
      fn();
      throw new Rollback();
    })();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

const tamper = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), seq: fc.integer({ min: 1, max: ENTRIES }), field: fc.constantFrom('action', 'actor_id', 'target_id', 'outcome', 'at') }),
  fc.record({ kind: fc.constant('delete' as const), seq: fc.integer({ min: 1, max: ENTRIES - 1 }) }),
  fc.record({ kind: fc.constant('insert' as const), seq: fc.integer({ min: 1, max: ENTRIES }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.integer({ min: 1, max: ENTRIES }), b: fc.integer({ min: 1, max: ENTRIES }) }).filter((s) => s.a !== s.b),
);

describe('the access log chain', () => {
  it('verifies a clean chain with no false alarm', () => {
    expect(verifyChain(db, key)).toMatchObject({ intact: true, entries: ENTRIES, firstBadSeq: null });
  });

  it('detects every edit, deletion, insertion and reordering, naming the first bad entry', () => {
    fc.assert(
      fc.property(tamper, (t) => {
        let expected = 0;
        inRolledBackTransaction(() => {
          switch (t.kind) {
            case 'edit': {
              const value = t.field === 'outcome' ? "CASE outcome WHEN 'ok' THEN 'denied' ELSE 'ok' END" : `coalesce(${t.field}, '') || 'x'`;
              db.prepare(`UPDATE audit_log SET ${t.field} = ${value} WHERE seq = ?`).run(t.seq);
              expected = t.seq;
              break;
            }
            case 'delete':
              db.prepare('DELETE FROM audit_log WHERE seq = ?').run(t.seq);
              expected = t.seq;
              break;
            case 'insert': {
              // A forged row copied from a neighbour, slotted in by renumbering everything after it.
              db.prepare('UPDATE audit_log SET seq = -seq WHERE seq >= ?').run(t.seq);
              db.prepare('UPDATE audit_log SET seq = -seq + 1 WHERE seq < 0').run();
              db.prepare("INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac) SELECT ?, at, actor_id, 'record.export', target_id, outcome, mac FROM audit_log WHERE seq = ?").run(
                t.seq,
                t.seq + 1,
              );
              expected = t.seq;
              break;
            }
            case 'swap': {
              const [a, b] = [Math.min(t.a, t.b), Math.max(t.a, t.b)];
              db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(a);
              db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(a, b);
              db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(b);
              expected = a;
              break;
            }
          }
          const report = verifyChain(db, key);
          expect(report.intact).toBe(false);
          expect(report.firstBadSeq).toBe(expected);
        });
      }),
      { numRuns: 400, seed: 20261129 },
    );
    expect(verifyChain(db, key).intact).toBe(true);
  });

  it('fails under a different key', () => {
    expect(verifyChain(db, randomBytes(32)).firstBadSeq).toBe(1);
  });
});
