// 0120-team: a store at version 110 keeps its cases and documents, and gains the empty team tables.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { readSelf } from '../../main/sync/team/state';
import { bareStore } from '../helpers/store';

describe('0120-team', () => {
  it('adds the team tables, empty, and keeps what was there', () => {
    const db = bareStore();
    migrate(db, 110);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'admin', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2026-0001', 'Synthetic', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO sync_docs (doc_id, bytes, heads) VALUES ('case:c1', x'00', '')").run();
    expect(readSelf(db)).toBeNull();
    migrate(db, 120);
    expect(storeVersion(db)).toBe(120);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM sync_docs').pluck().get()).toBe(1);
    for (const t of ['team', 'team_laptops', 'team_epochs', 'team_invites', 'team_case_keys', 'team_case_grants', 'team_outbox', 'team_remote_audit']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
    expect(readSelf(db)).toBeNull();
    // One team row at most.
    const row = "INSERT INTO team (id, team_id, laptop_id, folder, sign_private, box_private, created_at) VALUES (?, 't', 'l', '/f', x'00', x'00', 'now')";
    db.prepare(row).run(1);
    expect(() => db.prepare(row).run(2)).toThrow();
    db.close();
  });
});
