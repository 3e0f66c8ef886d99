// A local change is appended to its stored document byte for byte (the whole save plus the change's
// own chunk, kept as a row of its own so the whole save is not rewritten); after MAX_TAIL pieces the next write saves the whole document again; a reopened store
// reads the appended document back with every change.
import { describe, expect, it } from 'vitest';
import * as A from '@automerge/automerge';
import { fieldKey, MAX_TAIL } from '../../main/sync/engine/docs';
import { enableSync, saveDoc, takeOutbox } from '../../main/sync/engine';
import { openLaptop, reopen, seedFirst, write } from '../helpers/sync-laptops';

describe('stored documents', () => {
  it('append each local change exactly, save whole again after the tail is full, and reopen with every change', () => {
    const a = openLaptop('a');
    const [id] = seedFirst(a, 1);
    enableSync(a.db, { actorId: a.actor });
    const docId = `case:${id}`;
    // The document: its whole save (sync_docs) followed by the pieces appended since (sync_doc_pieces).
    const whole = () => a.db.prepare('SELECT bytes, heads, tail FROM sync_docs WHERE doc_id = ?').get(docId) as { bytes: Buffer; heads: string; tail: number };
    const pieces = () => a.db.prepare('SELECT piece FROM sync_doc_pieces WHERE doc_id = ? ORDER BY id').pluck().all(docId) as Buffer[];
    const row = () => ({ bytes: saveDoc(a.db, docId), tail: whole().tail + pieces().length });
    const before = row();
    const savedWhole = whole();
    expect(before.tail).toBe(0);
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'they' WHERE id = ?").run(id));
    const [change] = takeOutbox(a.db).filter((o) => o.docId === docId);
    const after = row();
    expect(after.tail).toBe(1);
    expect(Buffer.from(after.bytes).equals(Buffer.concat([before.bytes, Buffer.from(change!.change)]))).toBe(true);
    // The change is a row of its own: the document's row (its whole save, often several pages) is not rewritten.
    expect(whole()).toEqual(savedWhole);
    expect(pieces()).toEqual([Buffer.from(change!.change)]);

    for (let i = 0; i < MAX_TAIL; i += 1) write(a, (db) => db.prepare('UPDATE clients SET pronouns = ? WHERE id = ?').run(`p${i}`, id));
    // The write after MAX_TAIL appended pieces saved the whole document (and dropped the pieces).
    expect(row().tail).toBe(0);
    expect(pieces()).toEqual([]);
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'last' WHERE id = ?").run(id));
    expect(row().tail).toBe(1);

    reopen(a);
    write(a, (db) => db.prepare("UPDATE clients SET risk_level = 'high' WHERE id = ?").run(id));
    expect(a.db.prepare('SELECT pronouns, risk_level FROM clients WHERE id = ?').get(id)).toEqual({ pronouns: 'last', risk_level: 'high' });
    expect(takeOutbox(a.db).filter((o) => o.docId === docId).length).toBe(MAX_TAIL + 3);
    // The stored bytes (whole save plus appended pieces) read back as one document with both fields.
    const h = A.getBackend(A.init());
    h.loadIncremental(saveDoc(a.db, docId));
    expect(h.getWithType('_root', fieldKey('clients', id!, 'pronouns'))?.[1]).toBe('last');
    expect(h.getWithType('_root', fieldKey('clients', id!, 'risk_level'))?.[1]).toBe('high');
  });

  it('a store without the pieces table (a schema before 0250) still appends, onto the document row', () => {
    const a = openLaptop('a');
    const [id] = seedFirst(a, 1);
    enableSync(a.db, { actorId: a.actor });
    a.db.exec('DROP TABLE sync_doc_pieces');
    reopen(a);
    const docId = `case:${id}`;
    const before = a.db.prepare('SELECT bytes, tail FROM sync_docs WHERE doc_id = ?').get(docId) as { bytes: Buffer; tail: number };
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'they' WHERE id = ?").run(id));
    const [change] = takeOutbox(a.db).filter((o) => o.docId === docId);
    const after = a.db.prepare('SELECT bytes, tail FROM sync_docs WHERE doc_id = ?').get(docId) as { bytes: Buffer; tail: number };
    expect(after.tail).toBe(before.tail + 1);
    expect(after.bytes.equals(Buffer.concat([before.bytes, Buffer.from(change!.change)]))).toBe(true);
    expect(Buffer.from(saveDoc(a.db, docId)).equals(after.bytes)).toBe(true);
  });
});
