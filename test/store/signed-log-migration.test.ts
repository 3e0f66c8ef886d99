// 0080-signed-log: a store at version 70 keeps its access log (which still verifies, its entries
// now vouched for by the first signed entry after them) and its restricted notes as they are (sealed
// later, at the first administrator's sign-in); the log gains signature columns and notes their
// sealed body and key copies.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../main/audit/chain';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0080-signed-log', () => {
  it('keeps the log verifiable and restricted notes unchanged, and adds the columns sealing needs', () => {
    const db = bareStore();
    migrate(db, 70);
    const key = Buffer.from(db.prepare("SELECT value FROM settings WHERE key = 'audit_key'").pluck().get() as string, 'hex');
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2026-0001', 'Synthetic', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO case_notes (id, client_id, date, kind, body, restricted, author_id, created_at) VALUES ('n1', 'c1', '2026-01-02', 'session', 'Plain restricted words', 1, 'u1', '2026-01-02T00:00:00Z')").run();
    // Entries written by the version-70 code: the MAC over [seq, at, actor, action, target, outcome].
    let previous = Buffer.alloc(32);
    for (let seq = 1; seq <= 3; seq += 1) {
      const row = [seq, `2026-01-0${seq}T00:00:00.000Z`, 'u1', 'client.view', 'c1', 'ok'] as const;
      const mac = createHmac('sha256', key).update(previous).update(JSON.stringify(row), 'utf8').digest();
      db.prepare('INSERT INTO audit_log (seq, at, actor_id, action, target_id, outcome, mac) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...row, mac);
      previous = mac;
    }

    migrate(db, 80);
    expect(storeVersion(db)).toBe(80);
    expect(verifyChain(db, key)).toMatchObject({ intact: true, entries: 3, vouchedThrough: 0 });
    expect(db.prepare("SELECT body, sealed_body FROM case_notes WHERE id = 'n1'").get()).toEqual({ body: 'Plain restricted words', sealed_body: null });
    expect(db.prepare("SELECT name FROM pragma_table_info('audit_log') WHERE name IN ('detail', 'signer', 'sig') ORDER BY name").pluck().all()).toEqual(['detail', 'sig', 'signer']);
    expect(db.prepare('SELECT count(*) FROM note_keys').pluck().get()).toBe(0);
  });
});
