// Simulated laptops of one team for the sync engine tests: real encrypted stores on disk, writes in
// plain SQL as the handlers make them, the engine's outbox and applyRemote as the only way between
// them (the transport's job, done here by hand: in any order, duplicated, late).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { applyRemote, clearOutbox, enableSync, flushLocalWrites, listDocs, loadSnapshot, saveDoc, takeOutbox } from '../../main/sync/engine';
import { keySql } from '../../main/sync/engine/keys';
import { isLocalSetting, syncedTables } from '../../main/sync/engine/tables';
import { closeStore, openStore, type Db } from '../../main/store/open';
import { getClient, insertClient, nextCaseNumber, setClientNames } from '../../main/store/repos/clients';
import { tempDir } from './tmp';

export const ADMIN = 'a0000000000000000000000000000001';

export interface Laptop {
  name: string;
  db: Db;
  path: string;
  key: Buffer;
  actor: string;
}

export interface Sent {
  from: string;
  docId: string;
  change: Uint8Array;
}

export function openLaptop(name: string): Laptop {
  const path = join(tempDir(), 'safehold.db');
  const key = randomBytes(32);
  const db = openStore({ path, key, create: true });
  return { name, db, path, key, actor: randomBytes(16).toString('hex') };
}

export function reopen(l: Laptop): void {
  closeStore(l.db);
  l.db = openStore({ path: l.path, key: l.key });
}

/** The first laptop: an agency, an admin, a few cases with services. */
export function seedFirst(l: Laptop, cases = 2): string[] {
  const db = l.db;
  const at = '2026-03-01T10:00:00.000Z';
  db.prepare("INSERT INTO agency (id, name, created_at) VALUES (1, 'Synthetic Agency', ?)").run(at);
  db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, 'Admin Synthetic', 'admin synthetic', 'admin', ?)").run(ADMIN, at);
  db.prepare("INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', '5')").run();
  const ids: string[] = [];
  for (let i = 0; i < cases; i += 1) ids.push(createCase(l, `Person ${i}`));
  return ids;
}

export function createCase(l: Laptop, name: string, caseNumber?: string): string {
  const id = randomBytes(16).toString('hex');
  const at = new Date().toISOString();
  insertClient(l.db, {
    id,
    caseNumber: caseNumber ?? nextCaseNumber(l.db, 2026),
    chosenName: name,
    pronouns: null,
    riskLevel: null,
    urgentSafety: false,
    birthDate: null,
    assignedWorkerId: ADMIN,
    createdBy: ADMIN,
    at,
  });
  setClientNames(l.db, getClient(l.db, id)!, [{ kind: 'chosen', name }]);
  l.db
    .prepare("INSERT INTO services (id, client_id, date, category, provider, minutes, note, created_at, created_by) VALUES (?, ?, '2026-03-02', 'shelter', 'in_house', 30, 'first', ?, ?)")
    .run(randomBytes(16).toString('hex'), id, at, ADMIN);
  return id;
}

/** One local write as a handler makes it: SQL, then the dispatcher's flush, in one transaction. */
export function write(l: Laptop, fn: (db: Db) => void): void {
  l.db.transaction(() => {
    fn(l.db);
    flushLocalWrites(l.db, ADMIN);
  }).immediate();
}

export function startTeam(first: Laptop, others: Laptop[]): void {
  enableSync(first.db, { actorId: first.actor });
  others.forEach((o, i) => {
    enableSync(o.db, { actorId: o.actor, joining: true, caseBlock: String.fromCharCode(66 + i) });
    for (const { docId } of listDocs(first.db)) loadSnapshot(o.db, docId, saveDoc(first.db, docId));
  });
}

export function send(l: Laptop, log: Sent[]): void {
  const out = takeOutbox(l.db);
  for (const item of out) log.push({ from: l.name, docId: item.docId, change: item.change });
  if (out.length > 0) clearOutbox(l.db, out.at(-1)!.seq);
}

export function receive(l: Laptop, items: readonly Sent[]): ReturnType<typeof applyRemote> {
  return l.db.transaction(() => applyRemote(l.db, items.filter((i) => i.from !== l.name).map(({ docId, change }) => ({ docId, change })))).immediate();
}

/** Every synced row, with local integer ids replaced by their global names; plus the derived rows. */
export function dump(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of syncedTables) {
    if (t.localIntegerKey) {
      out[t.name] = db
        .prepare(`SELECT ${keySql(t)} AS __key, r.* FROM ${t.name} r ORDER BY __key`)
        .all()
        .map((r) => {
          const { id: _id, ...rest } = r as Record<string, unknown>;
          return rest;
        });
    } else if (t.name === 'settings') {
      // Settings local to one laptop (keys, counters; never synced) differ between laptops by design.
      out[t.name] = (db.prepare('SELECT * FROM settings ORDER BY key').all() as { key: string }[]).filter((r) => !isLocalSetting(r.key));
    } else {
      out[t.name] = db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.pk.join(', ')}`).all();
    }
  }
  out.client_names = db.prepare('SELECT client_id, kind, folded FROM client_names ORDER BY client_id, kind, folded').all();
  out.client_facts = db.prepare('SELECT * FROM client_facts ORDER BY client_id').all();
  out.search = db.prepare('SELECT c.id, s.terms FROM clients c JOIN client_search s ON s.rowid = c.rowid ORDER BY c.id').all();
  return out;
}
