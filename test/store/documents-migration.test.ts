// 0140-documents: a store at version 130 with cases gains the documents tables and a documents key;
// its cases are untouched, and a document removed with its case takes its chunks along.
import { describe, expect, it } from 'vitest';
import { migrate, storeVersion } from '../../main/store/migrations';
import { bareStore } from '../helpers/store';

describe('0140-documents', () => {
  it('adds documents, chunks, keys and exports, and a 32-byte documents key, to a version-130 store', () => {
    const db = bareStore();
    migrate(db, 130);
    db.prepare("INSERT INTO users (id, display_name, name_key, role, created_at) VALUES ('u1', 'Staff One', 'staff one', 'caseworker', '2026-01-01T00:00:00Z')").run();
    db.prepare("INSERT INTO clients (id, case_number, chosen_name, created_by, created_at, updated_at) VALUES ('c1', 'SH-2026-0001', 'Amara', 'u1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'document%'").pluck().get()).toBe(0);
    migrate(db, 140);
    expect(storeVersion(db)).toBe(140);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'documents_key'").pluck().get()).toMatch(/^[0-9a-f]{64}$/u);
    expect(db.prepare("SELECT chosen_name FROM clients WHERE id = 'c1'").pluck().get()).toBe('Amara');
    db.prepare(
      "INSERT INTO documents (id, client_id, type, title, custody, file_name, size, mime, content_hash, chunk_bytes, chunks, added_by, added_at) VALUES ('d1', 'c1', 'identity', 'Passport', 'survivor', 'p.pdf', 10, 'application/pdf', 'h', 1048576, 1, 'u1', '2026-01-02T00:00:00Z')",
    ).run();
    db.prepare("INSERT INTO document_chunks (document_id, seq, sealed) VALUES ('d1', 0, x'00')").run();
    db.prepare("DELETE FROM clients WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM document_chunks').pluck().get()).toBe(0);
    db.close();
  });
});
