// A local change is appended to its stored document byte for byte (the whole save plus the change's
// own chunk); after MAX_TAIL pieces the next write saves the whole document again; a reopened store
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
    const row = () => a.db.prepare('SELECT bytes, tail FROM sync_docs WHERE doc_id = ?').get(docId) as { bytes: Buffer; tail: number };
    const before = row();
    expect(before.tail).toBe(0);
    write(a, (db) => db.prepare("UPDATE clients SET pronouns = 'they' WHERE id = ?").run(id));
    const [change] = takeOutbox(a.db).filter((o) => o.docId === docId);
    const after = row();
    expect(after.tail).toBe(1);
    expect(after.bytes.equals(Buffer.concat([before.bytes, Buffer.from(change!.change)]))).toBe(true);

    for (let i = 0; i < MAX_TAIL; i += 1) write(a, (db) => db.prepare('UPDATE clients SET pronouns = ? WHERE id = ?').run(`p${i}`, id));
    // The write after MAX_TAIL appended pieces saved the whole document.
    expect(row().tail).toBe(0);
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
});
