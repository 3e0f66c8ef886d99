// Property: three laptops make random edits (the same field on two laptops, edits to records another
// laptop deleted, clashing case numbers, the same intake section created twice), exchange changes
// in random order, duplicated and late, with stores closed and reopened in between. Once every
// laptop has every change, all hold identical rows (synced and derived), list identical conflicts,
// and every field Automerge holds more than one value for is listed for review with all of them.
import { randomBytes } from 'node:crypto';
import * as A from '@automerge/automerge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildDerived } from '../../main/store/repos/derived';
import { listConflicts, listDocs, saveDoc } from '../../main/sync/engine';
import { splitKey } from '../../main/sync/engine/docs';
import { ADMIN, createCase, dump, openLaptop, receive, reopen, seedFirst, send, startTeam, write, type Laptop, type Sent } from '../helpers/sync-laptops';

type Op =
  | { k: 'edit'; l: number; c: number; field: 'pronouns' | 'risk_level' | 'chosen_name'; v: number }
  | { k: 'addService'; l: number; c: number }
  | { k: 'editService'; l: number; s: number; v: number }
  | { k: 'delService'; l: number; s: number }
  | { k: 'newCase'; l: number; dup: boolean }
  | { k: 'section'; l: number; c: number; v: number }
  | { k: 'setting'; l: number; v: number }
  | { k: 'send'; l: number }
  | { k: 'deliver'; l: number; picks: number[] }
  | { k: 'reopen'; l: number };

const laptop = fc.integer({ min: 0, max: 2 });
const index = fc.nat(50);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant('edit' as const), l: laptop, c: index, field: fc.constantFrom('pronouns' as const, 'risk_level' as const, 'chosen_name' as const), v: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('addService' as const), l: laptop, c: index }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('editService' as const), l: laptop, s: index, v: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delService' as const), l: laptop, s: index }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('newCase' as const), l: laptop, dup: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('section' as const), l: laptop, c: index, v: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('setting' as const), l: laptop, v: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('send' as const), l: laptop }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('deliver' as const), l: laptop, picks: fc.array(fc.nat(500), { maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reopen' as const), l: laptop }) },
);

const RISK = ['low', 'medium', 'high', null] as const;
const pick = <T,>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

function run(l: Laptop, o: Op, log: Sent[], names: string[]): void {
  const db = l.db;
  const cases = () => db.prepare('SELECT id FROM clients ORDER BY id').pluck().all() as string[];
  const services = () => db.prepare('SELECT id FROM services ORDER BY id').pluck().all() as string[];
  switch (o.k) {
    case 'edit': {
      const c = pick(cases(), o.c);
      if (!c) return;
      const value = o.field === 'risk_level' ? RISK[o.v] : o.field === 'pronouns' ? `p${o.v}-${l.name}` : `${names[o.v]} ${l.name}`;
      write(l, () => {
        db.prepare(`UPDATE clients SET ${o.field} = ?, updated_at = ? WHERE id = ?`).run(value, new Date().toISOString(), c);
        // As the handlers do: the names and search terms follow the saved row.
        rebuildDerived(db, c);
      });
      return;
    }
    case 'addService': {
      const c = pick(cases(), o.c);
      if (!c) return;
      write(l, () =>
        db
          .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, '2026-04-01', 'legal', 'in_house', 15, 'new', ?, ?)")
          .run(randomBytes(16).toString('hex'), c, new Date().toISOString(), ADMIN),
      );
      return;
    }
    case 'editService': {
      const s = pick(services(), o.s);
      if (s) write(l, () => db.prepare('UPDATE services SET note = ?, minutes = ? WHERE id = ?').run(`note ${o.v} ${l.name}`, o.v * 10, s));
      return;
    }
    case 'delService': {
      const s = pick(services(), o.s);
      if (s) write(l, () => db.prepare('DELETE FROM services WHERE id = ?').run(s));
      return;
    }
    case 'newCase': {
      // A number another laptop may also give (as from an old store); this laptop itself refuses a duplicate.
      const dup = o.dup && db.prepare("SELECT 1 FROM clients WHERE case_number = 'SH-2026-7777'").get() === undefined;
      write(l, () => createCase(l, `New ${l.name}`, dup ? 'SH-2026-7777' : undefined));
      return;
    }
    case 'section': {
      const c = pick(cases(), o.c);
      if (!c) return;
      const data = JSON.stringify({ preferredName: `${names[o.v]}`, aliases: [`alias ${o.v} ${l.name}`] });
      write(l, () => {
        db.prepare(
          `INSERT INTO intake_sections (client_id, section, data, version, updated_at, updated_by) VALUES (?, 'identity', ?, 1, ?, ?)
           ON CONFLICT (client_id, section) DO UPDATE SET data = excluded.data, version = version + 1, updated_at = excluded.updated_at`,
        ).run(c, data, new Date().toISOString(), ADMIN);
        rebuildDerived(db, c);
      });
      return;
    }
    case 'setting':
      write(l, () => db.prepare("INSERT INTO settings (key, value) VALUES ('suppression_threshold', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(5 + o.v)));
      return;
    case 'send':
      send(l, log);
      return;
    case 'deliver': {
      const items = o.picks.map((p) => log[p % Math.max(1, log.length)]).filter((x): x is Sent => x !== undefined);
      receive(l, items);
      return;
    }
    case 'reopen':
      reopen(l);
      return;
  }
}

/** Every field Automerge holds several distinct values for (except bookkeeping), from the documents themselves. */
function enginesOwnConflicts(l: Laptop): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { docId } of listDocs(l.db)) {
    const doc = A.load<Record<string, unknown>>(saveDoc(l.db, docId));
    for (const key of Object.keys(doc)) {
      const parts = splitKey(key)!;
      if (parts.col.startsWith('$') || ['updated_at', 'updated_by', 'edited_at', 'saved_at', 'saved_by'].includes(parts.col)) continue;
      const plain = (v: unknown) => (A.isImmutableString(v) ? v.val : v);
      const values = [...new Set(Object.values(A.getConflicts(doc, key) ?? {}).map((v) => JSON.stringify(plain(v))))].sort();
      if (values.length > 1) out.set(`${docId}|${parts.table}|${parts.rk}|${parts.col}`, values);
    }
    A.free(doc);
  }
  return out;
}

describe('three laptops converge', () => {
  it('to identical rows and identical review lists, whatever the delivery order', () => {
    const names = ['Ana', 'Bea', 'Chloé', 'Dana'];
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (ops, seeds) => {
        const laptops = [openLaptop('A'), openLaptop('B'), openLaptop('C')];
        try {
          seedFirst(laptops[0]!, 3);
          startTeam(laptops[0]!, [laptops[1]!, laptops[2]!]);
          const log: Sent[] = [];
          for (const o of ops) run(laptops[o.l]!, o, log, names);
          for (const l of laptops) send(l, log);
          // Everything, in a different order for each laptop, twice (duplicates are harmless).
          laptops.forEach((l, i) => {
            const order = [...log.keys()].sort((x, y) => ((x * 7919 + seeds[i]!) % 1009) - ((y * 7919 + seeds[i]!) % 1009));
            receive(l, order.map((k) => log[k]!));
            receive(l, [...log].reverse());
          });
          const first = dump(laptops[0]!.db);
          const conflicts = listConflicts(laptops[0]!.db);
          for (const l of laptops.slice(1)) {
            expect(dump(l.db)).toEqual(first);
            expect(listConflicts(l.db)).toEqual(conflicts);
          }
          const listed = new Map(
            conflicts.filter((c) => c.kind === 'values').map((c) => [`${c.docId}|${c.table}|${c.recordKey}|${c.field}`, [...new Set(c.candidates.map((x) => JSON.stringify(x.value)))].sort()]),
          );
          expect(listed).toEqual(enginesOwnConflicts(laptops[0]!));
          // No unique value shown twice; every clash is listed.
          const numbers = laptops[0]!.db.prepare('SELECT case_number FROM clients').pluck().all() as string[];
          expect(new Set(numbers).size).toBe(numbers.length);
        } finally {
          for (const l of laptops) if (l.db.open) l.db.close();
        }
      }),
      { numRuns: Number(process.env.SAFEHOLD_SYNC_RUNS ?? 12) },
    );
  }, 600_000);
});
