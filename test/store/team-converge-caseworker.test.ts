// Property (seeded, replayable): an administrator's, a supervisor's and a caseworker's laptop share a
// folder. In one run: cases made on every laptop and assigned to and away from the caseworker; the
// same field changed on two laptops before they sync; a service deleted on one laptop and edited on
// another; the folder's files delivered late (held back and put back in random order), duplicated
// (an already applied file put back after it was pruned), half copied; stores locked and opened
// again. When everything has arrived: the two full laptops hold identical rows in every synced table
// (and the derived ones); the caseworker's laptop holds exactly the rows of the cases its person may
// hold, identical to theirs, and no other case; every laptop lists the same review items for what it
// holds; and every field Automerge holds several values for is listed for review with all of them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as A from '@automerge/automerge';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../main/demo/generator';
import { flushLocalWrites, listConflicts, listDocs, saveDoc } from '../../main/sync/engine';
import { splitKey } from '../../main/sync/engine/docs';
import { syncedTables } from '../../main/sync/engine/tables';
import { syncRound } from '../../main/sync/team/round';
import { casesForUser } from '../../main/sync/team/scope';
import { readSelf } from '../../main/sync/team/state';
import { ADMIN, PASSPHRASE, addStaff, type TestCore } from '../helpers/core';
import { dump } from '../helpers/sync-laptops';
import { dbOf, firstLaptop, joinFor, userIdOf } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

const SEEDS = Number(process.env.SAFEHOLD_CONVERGE_SEEDS ?? 2);
const STEPS = Number(process.env.SAFEHOLD_CONVERGE_STEPS ?? 60);

interface Laptop {
  t: TestCore;
  name: string;
  passphrase: string;
  laptopId: string;
}

/** A plain SQL write as a handler makes it, with the dispatcher's flush, in one transaction. */
function write(l: Laptop, fn: () => void): void {
  const db = dbOf(l.t);
  db.transaction(() => {
    fn();
    flushLocalWrites(db, l.t.control.current!.user.id);
  }).immediate();
}

const SUBSELECT = /^\(SELECT \w+\.client_id FROM (\w+) \w+ WHERE \w+\.id = R\.(\w+)\)$/u;

/** dump() of a full laptop, less every row of a case outside `cases` (what a caseworker's laptop should hold). */
function restricted(full: Record<string, unknown[]>, db: ReturnType<typeof dbOf>, cases: Set<string>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(full)) {
    const t = syncedTables.find((x) => x.name === name);
    let caseOf: (r: Record<string, unknown>) => unknown;
    if (!t) caseOf = (r) => r.client_id ?? r.id; // derived: client_names, client_facts, search
    else if (t.doc.kind === 'agency') caseOf = () => null;
    else {
      const expr = t.doc.expr;
      const parent = SUBSELECT.exec(expr);
      if (parent) {
        const map = new Map((db.prepare(`SELECT id, client_id FROM ${parent[1]}`).all() as { id: string; client_id: string }[]).map((p) => [p.id, p.client_id]));
        caseOf = (r) => map.get(r[parent[2]!] as string);
      } else caseOf = (r) => r[expr.replace(/^R\./u, '')];
    }
    out[name] = (rows as Record<string, unknown>[]).filter((r) => {
      const c = caseOf(r);
      return c === null || cases.has(c as string);
    });
  }
  return out;
}

/** Every field Automerge holds several distinct values for (bookkeeping aside), from the documents. */
function enginesOwnConflicts(t: TestCore): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { docId } of listDocs(dbOf(t))) {
    const doc = A.load<Record<string, unknown>>(saveDoc(dbOf(t), docId));
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

function listedValues(t: TestCore): Map<string, string[]> {
  return new Map(
    listConflicts(dbOf(t))
      .filter((c) => c.kind === 'values')
      .map((c) => [`${c.docId}|${c.table}|${c.recordKey}|${c.field}`, [...new Set(c.candidates.map((x) => JSON.stringify(x.value)))].sort()]),
  );
}

const reviewRows = (t: TestCore) => dbOf(t).prepare('SELECT doc_id, client_id, tbl, rk, col, kind, shown, candidates FROM sync_conflicts ORDER BY id').all() as { client_id: string | null }[];

describe('an administrator, a supervisor and a caseworker laptop converge', () => {
  for (let seed = 1; seed <= SEEDS; seed += 1) {
    it(`seed ${seed}: concurrent and deleted-record edits, late, duplicated and half-copied files, reopened stores`, async () => {
      const folder = tempDir('safehold-shared-');
      const held = tempDir('safehold-held-');
      const a = await firstLaptop(folder);
      const sup = await addStaff(a, 'supervisor', 'Sloane Supervisor');
      const cw = await addStaff(a, 'caseworker', 'Casey Worker');
      const cwId = userIdOf(a, cw.name);
      const first = await a.ok('clients.create', { chosenName: 'First Case' });
      await a.ok('clients.assign', { clientId: first.id, workerId: cwId });
      const laptops: Laptop[] = [{ t: a, name: ADMIN, passphrase: PASSPHRASE, laptopId: readSelf(dbOf(a))!.laptopId }];
      for (const who of [sup, cw]) {
        const t = await joinFor(a, folder, who);
        laptops.push({ t, name: who.name, passphrase: who.passphrase, laptopId: readSelf(dbOf(t))!.laptopId });
      }
      const [admin, supervisor, worker] = laptops as [Laptop, Laptop, Laptop];
      const rng = seededRng(seed * 104729);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
      const roundOf = (l: Laptop) => syncRound(dbOf(l.t));
      const casesOn = (l: Laptop) => dbOf(l.t).prepare('SELECT id FROM clients ORDER BY id').pluck().all() as string[];
      const servicesOn = (l: Laptop) => dbOf(l.t).prepare('SELECT id FROM services ORDER BY id').pluck().all() as string[];
      const bundles = (l: Laptop) => (existsSync(join(folder, l.laptopId)) ? readdirSync(join(folder, l.laptopId)).filter((f) => f.endsWith('.shb')) : []);
      const seen = new Map<string, Buffer>(); // every bundle once seen, for putting back after pruning
      // Rounds on every laptop until a whole pass changes nothing anywhere (a removed case coming back takes a few).
      const settle = () => {
        let before = '';
        for (let pass = 0; pass < 12; pass += 1) {
          for (const l of laptops) roundOf(l);
          // Settled when nothing moves: the records, the review lists, who holds which case key, and the
          // files in the folder (a pass that only seals a key or writes a bundle is not the end).
          const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
          const grants = (l: (typeof laptops)[number]) => dbOf(l.t).prepare('SELECT case_id, laptop_id, key_id FROM team_case_grants ORDER BY 1, 2, 3').all();
          const now = JSON.stringify([files, laptops.map((l) => [dump(dbOf(l.t)), reviewRows(l.t), grants(l)])]);
          if (now === before) return;
          before = now;
        }
        throw new Error('the laptops did not settle in 12 passes');
      };
      const made = { concurrent: 0, deletedEdits: 0, late: 0, duplicated: 0, halfCopied: 0, reopened: 0 };

      for (let step = 0; step < STEPS; step += 1) {
        for (const l of laptops) for (const f of bundles(l)) seen.set(`${l.laptopId}/${f}`, readFileSync(join(folder, l.laptopId, f)));
        const l = pick(laptops);
        const roll = rng();
        if (roll < 0.12) {
          await l.t.ok('clients.create', { chosenName: `Person ${seed}-${step}` });
        } else if (roll < 0.2) {
          // Assigned to the caseworker, or away from them (their laptop then drops its copy).
          const by = pick([admin, supervisor]);
          const id = pick(casesOn(by));
          const to = rng() < 0.6 ? cwId : null;
          await by.t.ok('clients.assign', { clientId: id, workerId: to });
        } else if (roll < 0.32) {
          // The same field on two laptops before either hears of the other.
          const other = pick(laptops.filter((x) => x !== l));
          const shared = casesOn(l).filter((id) => casesOn(other).includes(id));
          if (shared.length > 0) {
            const id = pick(shared);
            for (const [i, x] of [l, other].entries()) write(x, () => dbOf(x.t).prepare('UPDATE clients SET pronouns = ? WHERE id = ?').run(`p${step}-${i}`, id));
            made.concurrent += 1;
          }
        } else if (roll < 0.4) {
          const mine = casesOn(l);
          const id = mine.length > 0 ? pick(mine) : null;
          if (id) write(l, () =>
            dbOf(l.t)
              .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, '2026-04-01', 'legal', 'in_house', 15, 'new', ?, ?)")
              .run(randomBytes(16).toString('hex'), id, new Date().toISOString(), l.t.control.current!.user.id),
          );
        } else if (roll < 0.48) {
          // Deleted on one laptop, edited on another before they sync.
          const other = pick(laptops.filter((x) => x !== l));
          const shared = servicesOn(l).filter((id) => servicesOn(other).includes(id));
          if (shared.length > 0) {
            const id = pick(shared);
            write(l, () => dbOf(l.t).prepare('DELETE FROM services WHERE id = ?').run(id));
            write(other, () => dbOf(other.t).prepare('UPDATE services SET note = ?, minutes = ? WHERE id = ?').run(`edited ${step}`, step, id));
            made.deletedEdits += 1;
          }
        } else if (roll < 0.7) {
          roundOf(l);
        } else if (roll < 0.78) {
          // Late: another laptop's newest file taken out of the folder for a while.
          const other = pick(laptops.filter((x) => x !== l));
          const newest = bundles(other).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0];
          if (newest) {
            mkdirSync(join(held, other.laptopId), { recursive: true });
            renameSync(join(folder, other.laptopId, newest), join(held, other.laptopId, newest));
            made.late += 1;
          }
        } else if (roll < 0.84) {
          // Late files come back, in random order.
          const waiting = readdirSync(held).flatMap((d) => readdirSync(join(held, d)).map((f) => [d, f] as const));
          for (const [d, f] of waiting.sort(() => rng() - 0.5)) {
            renameSync(join(held, d, f), join(folder, d, f));
            roundOf(pick(laptops));
          }
        } else if (roll < 0.88) {
          // Duplicated: a file already applied and pruned appears again.
          const gone = [...seen.keys()].filter((k) => !bundles(laptops.find((x) => x.laptopId === k.split('/')[0])!).includes(k.split('/')[1]!));
          const heldNames = new Set(readdirSync(held).flatMap((d) => readdirSync(join(held, d)).map((f) => `${d}/${f}`)));
          const again = gone.filter((k) => !heldNames.has(k));
          if (again.length > 0) {
            const k = pick(again);
            writeFileSync(join(folder, k), seen.get(k)!);
            made.duplicated += 1;
            roundOf(l);
          }
        } else if (roll < 0.94) {
          // Half copied while this laptop syncs, whole again afterwards.
          const other = pick(laptops.filter((x) => x !== l));
          const newest = bundles(other).sort((x, y) => Number.parseInt(y) - Number.parseInt(x))[0];
          if (newest) {
            const path = join(folder, other.laptopId, newest);
            const whole = readFileSync(path);
            writeFileSync(path, whole.subarray(0, Math.floor(whole.length * rng())));
            roundOf(l);
            writeFileSync(path, whole);
            made.halfCopied += 1;
          }
        } else {
          await l.t.ok('session.lock', {});
          await l.t.ok('session.unlock', { name: l.name, passphrase: l.passphrase });
          made.reopened += 1;
        }
      }
      // One certain concurrent edit and one certain edit of a deleted record, on a case all three hold.
      const putBack = () => {
        for (const d of readdirSync(held)) for (const f of readdirSync(join(held, d))) renameSync(join(held, d, f), join(folder, d, f));
      };
      putBack();
      await admin.t.ok('clients.assign', { clientId: first.id, workerId: cwId });
      settle();
      const everywhere = casesOn(worker).filter((id) => casesOn(admin).includes(id) && casesOn(supervisor).includes(id));
      expect(everywhere.length).toBeGreaterThan(0);
      const target = everywhere[0]!;
      write(admin, () => dbOf(admin.t).prepare("UPDATE clients SET pronouns = 'xe/xem' WHERE id = ?").run(target));
      write(worker, () => dbOf(worker.t).prepare("UPDATE clients SET pronouns = 'ze/zir' WHERE id = ?").run(target));
      const svc = randomBytes(16).toString('hex');
      write(supervisor, () =>
        dbOf(supervisor.t)
          .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, '2026-04-02', 'legal', 'in_house', 20, 'to delete', ?, ?)")
          .run(svc, target, new Date().toISOString(), supervisor.t.control.current!.user.id),
      );
      for (let pass = 0; pass < 2; pass += 1) for (const l of laptops) roundOf(l);
      write(worker, () => dbOf(worker.t).prepare('DELETE FROM services WHERE id = ?').run(svc));
      write(admin, () => dbOf(admin.t).prepare("UPDATE services SET note = 'edited after delete' WHERE id = ?").run(svc));

      // Quiet: every laptop syncs until nothing moves.
      settle();

      // The two full laptops: every synced and derived row alike, and the same review list.
      const full = dump(dbOf(admin.t));
      expect(dump(dbOf(supervisor.t))).toEqual(full);
      expect(reviewRows(supervisor.t)).toEqual(reviewRows(admin.t));
      // The caseworker's laptop: exactly the cases its person may hold, identical, and no other.
      const mayHold = new Set(casesForUser(dbOf(admin.t), cwId));
      expect(new Set(casesOn(worker))).toEqual(mayHold);
      expect(dump(dbOf(worker.t))).toEqual(restricted(full, dbOf(admin.t), mayHold));
      expect(dbOf(worker.t).prepare("SELECT doc_id FROM sync_docs WHERE doc_id LIKE 'case:%' ORDER BY doc_id").pluck().all()).toEqual(
        [...mayHold].sort().map((id) => `case:${id}`),
      );
      expect(reviewRows(worker.t)).toEqual(reviewRows(admin.t).filter((r) => r.client_id === null || mayHold.has(r.client_id)));
      // No concurrent value lost without appearing in review, on any laptop.
      for (const l of laptops) expect(listedValues(l.t)).toEqual(enginesOwnConflicts(l.t));
      const kinds = listConflicts(dbOf(admin.t)).map((c) => c.kind);
      expect(kinds).toContain('values');
      expect(kinds).toContain('edit-on-deleted');
      expect(listConflicts(dbOf(worker.t)).some((c) => c.caseId === target && c.field === 'pronouns')).toBe(true);
      // The run did make what it claims to test.
      expect(made.concurrent + made.deletedEdits).toBeGreaterThan(0);
    }, 600_000);
  }
});
