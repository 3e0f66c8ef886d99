// 0280-case-purges: a store at the previous version keeps its cases as they were and gains an empty
// table of purge tombstones (case id and when only), which team sync carries in the agency's
// settings document.
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0280-case-purges', () => {
  it('keeps every case, adds an empty tombstone table and marks the agency settings document to be projected again', () => {
    const previous = migrations.filter((m) => m.version < 280).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, active, created_at) VALUES (?, 'Migration Admin', 'migration admin', 'admin', 1, '2026-01-01T00:00:00Z')").run('a'.repeat(32));
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, status, created_by, created_at, updated_at) VALUES (?, 'SH-2026-0001', 'Migration Person', 'closed', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run('c'.repeat(32), 'a'.repeat(32));

    db.prepare("INSERT INTO sync_docs (doc_id, bytes, heads) VALUES ('agency:settings', x'01', 'h1'), ('case:c1', x'02', 'h2')").run();

    migrate(db, 280);
    // Tombstones an older version received but could not project are projected at the next apply.
    expect(db.prepare('SELECT doc_id FROM sync_reproject').pluck().all()).toEqual(['agency:settings']);
    expect(storeVersion(db)).toBe(280);
    expect(db.prepare('SELECT id, status FROM clients').all()).toEqual([{ id: 'c'.repeat(32), status: 'closed' }]);
    expect(db.prepare('SELECT count(*) FROM case_purges').pluck().get()).toBe(0);
    expect(db.prepare("SELECT name FROM pragma_table_info('case_purges') ORDER BY cid").pluck().all()).toEqual(['case_id', 'purged_at']);
    db.close();
  });
});
