// 0250-sync-doc-pieces: a store at the previous version keeps its documents byte for byte; the new
// table of appended pieces starts empty, so each document reads back exactly as before.
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { saveDoc } from '../../main/sync/engine';
import { bareStore } from '../helpers/store';

describe('0250-sync-doc-pieces', () => {
  it('keeps every stored document and adds an empty table of appended pieces', () => {
    const previous = migrations.filter((m) => m.version < 250).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO sync_docs (doc_id, bytes, heads) VALUES ('case:c1', x'0102', 'h1'), ('agency:staff', x'03', 'h2')").run();

    migrate(db, 250);
    expect(storeVersion(db)).toBe(250);
    expect(db.prepare('SELECT doc_id, hex(bytes) AS bytes, heads FROM sync_docs ORDER BY doc_id').all()).toEqual([
      { doc_id: 'agency:staff', bytes: '03', heads: 'h2' },
      { doc_id: 'case:c1', bytes: '0102', heads: 'h1' },
    ]);
    expect(db.prepare('SELECT count(*) FROM sync_doc_pieces').pluck().get()).toBe(0);
    migrate(db);
    expect(Buffer.from(saveDoc(db, 'case:c1')).toString('hex')).toBe('0102');
    db.close();
  });
});
