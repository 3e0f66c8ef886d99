// 0270-sync-key-ranges: a store at the previous version keeps every name it gave (sync_keys) as it
// was; the table of ranges starts empty, so every existing document's records find the same rows.
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { keyOfRow, rowOfKey } from '../../main/sync/engine/keys';
import { bareStore } from '../helpers/store';

describe('0270-sync-key-ranges', () => {
  it('keeps every row name and adds an empty table of ranges', () => {
    const previous = migrations.filter((m) => m.version < 270).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO sync_keys (tbl, rid, key) VALUES ('client_changes', 7, 'aa.7'), ('case_closures', 2, 'bb.2')").run();

    migrate(db, 270);
    expect(storeVersion(db)).toBe(270);
    expect(db.prepare('SELECT tbl, rid, key FROM sync_keys ORDER BY tbl').all()).toEqual([
      { tbl: 'case_closures', rid: 2, key: 'bb.2' },
      { tbl: 'client_changes', rid: 7, key: 'aa.7' },
    ]);
    expect(db.prepare('SELECT count(*) FROM sync_key_ranges').pluck().get()).toBe(0);
    expect(keyOfRow(db, 'client_changes', 7)).toBe('aa.7');
    expect(rowOfKey(db, 'case_closures', 'bb.2')).toBe(2);
    expect(keyOfRow(db, 'client_changes', 8)).toBeUndefined();
    db.close();
  });
});
