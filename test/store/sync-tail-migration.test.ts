// 0200-sync-tail: a store at the previous version keeps its documents byte for byte, each counted
// as a whole save (no appended changes yet).
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0200-sync-tail', () => {
  it('keeps every stored document and starts each with an empty tail', () => {
    const previous = migrations.filter((m) => m.version < 200).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO sync_docs (doc_id, bytes, heads) VALUES ('case:c1', x'0102', 'h1'), ('agency:staff', x'03', 'h2')").run();

    migrate(db, 200);
    expect(storeVersion(db)).toBe(200);
    expect(db.prepare('SELECT doc_id, hex(bytes) AS bytes, heads, tail FROM sync_docs ORDER BY doc_id').all()).toEqual([
      { doc_id: 'agency:staff', bytes: '03', heads: 'h2', tail: 0 },
      { doc_id: 'case:c1', bytes: '0102', heads: 'h1', tail: 0 },
    ]);
    db.close();
  });
});
