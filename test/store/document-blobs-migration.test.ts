// 0240-document-blobs: a store at the previous version keeps its documents and their chunks; each
// gains empty blob columns (its blob is made at its laptop's next sync round), and the blob name
// accepts only a 64-digit lowercase hex keyed hash.
import { describe, expect, it } from 'vitest';
import { migrate, migrations, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0240-document-blobs', () => {
  it('keeps every document and chunk, with no blob yet, and adds the list of blobs to remove', () => {
    const previous = migrations.filter((m) => m.version < 240).at(-1)!.version;
    const db = bareStore();
    migrate(db, previous);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2026-0001', 'Amara', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO documents (id, client_id, type, title, custody, file_name, size, mime, content_hash, chunk_bytes, chunks, added_by, added_at) VALUES ('d1', 'c1', 'identity', 'Passport', 'survivor', 'p.pdf', 10, 'application/pdf', 'h', 1048576, 1, 'u1', '2026-01-02T00:00:00Z')",
    ).run();
    db.prepare("INSERT INTO document_chunks (document_id, seq, sealed) VALUES ('d1', 0, x'0a0b')").run();

    migrate(db, 240);
    expect(storeVersion(db)).toBeGreaterThanOrEqual(240);
    expect(db.prepare("SELECT title, blob_name, blob_key, blob_laptop FROM documents WHERE id = 'd1'").get()).toEqual({ title: 'Passport', blob_name: null, blob_key: null, blob_laptop: null });
    expect(db.prepare('SELECT hex(sealed) FROM document_chunks').pluck().all()).toEqual(['0A0B']);
    expect(db.prepare('SELECT count(*) FROM document_blob_gone').pluck().get()).toBe(0);
    const setName = db.prepare("UPDATE documents SET blob_name = ? WHERE id = 'd1'");
    expect(() => setName.run('not a hash')).toThrow(/CHECK/u);
    expect(() => setName.run('A'.repeat(64))).toThrow(/CHECK/u);
    setName.run('ab'.repeat(32));
    db.close();
  });
});
