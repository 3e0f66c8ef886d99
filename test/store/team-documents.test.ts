// Team sync carries documents (issue 15 §5): the record in the case's document, the content as one
// encrypted blob file per document in the shared folder, fetched, verified and stored again under
// the receiving laptop's own documents key by the laptops that hold the case, and by no other.
// Laptops in temporary data folders sharing one folder, through the real modules.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsKeyOf, readChunk } from '../../main/documents/content';
import type { Db } from '../../main/store/open';
import { blobFileName, readBlobFile } from '../../main/sync/team/blob-file';
import { filesOf, laptopDirs } from '../../main/sync/team/folder';
import { syncRound } from '../../main/sync/team/round';
import { readCaseKeys, readEpochs } from '../../main/sync/team/state';
import { addStaff, type TestCore } from '../helpers/core';
import { attachFile, samplePdf } from '../helpers/documents';
import { scanForCanaries } from '../helpers/scan';
import { dbOf as db, firstLaptop, joinFor, userIdOf } from '../helpers/team-laptops';
import { tempDir } from '../helpers/tmp';

async function readAll(t: TestCore, documentId: string): Promise<Buffer> {
  const first = await t.ok('documents.read', { documentId, index: 0 });
  const parts = [Buffer.from(first.data, 'base64')];
  for (let i = 1; i < first.chunks; i += 1) parts.push(Buffer.from((await t.ok('documents.read', { documentId, index: i })).data, 'base64'));
  return Buffer.concat(parts);
}

async function attach(t: TestCore, clientId: string, bytes: Buffer, details: Parameters<typeof attachFile>[4] = {}): Promise<string> {
  const made = await attachFile(t, clientId, bytes, 'letter.pdf', { title: 'Certification letter', ...details });
  if (!made.ok) throw new Error(made.error.message);
  return made.value.id;
}

const blobName = (d: Db, id: string) => d.prepare('SELECT blob_name FROM documents WHERE id = ?').pluck().get(id) as string | null;
const stored = (d: Db, id: string) => d.prepare('SELECT count(*) FROM document_chunks WHERE document_id = ?').pluck().get(id) as number;
const docRows = (d: Db, id: string) => d.prepare('SELECT count(*) FROM documents WHERE id = ?').pluck().get(id) as number;

/** Every copy of a blob in the shared folder. */
function copies(folder: string, name: string): string[] {
  return laptopDirs(folder).flatMap((l) => filesOf(folder, l).filter((f) => f === blobFileName(name)).map((f) => join(folder, l, f)));
}

/** A PDF of about 2.5 MB (three chunks) showing the canary. */
const bigPdf = (canary: string) => samplePdf(canary, { padBytes: 2_500_000 });

describe('documents in team sync', () => {
  it('reach the laptops that hold the case, re-encrypted under each laptop’s own key; never a caseworker laptop outside the case', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const cw = await addStaff(a, 'caseworker', 'Casey Docs-Worker');
    const other = await addStaff(a, 'caseworker', 'Olu Other-Worker');
    const theirs = await a.ok('clients.create', { chosenName: 'Docs Person Kp4' });
    await a.ok('clients.assign', { clientId: theirs.id, workerId: userIdOf(a, cw.name) });
    const canary = 'CANARY-DOC-BLOB-5521';
    const content = bigPdf(canary);
    const id = await attach(a, theirs.id, content, { expiryDate: '2027-01-31' });
    syncRound(db(a));
    const c = await joinFor(a, folder, cw);
    const o = await joinFor(a, folder, other);
    for (const t of [c, o, a, c, o]) syncRound(db(t));

    // The caseworker's laptop has the record and the content, stored under its own documents key.
    const listed = (await c.ok('documents.list', { clientId: theirs.id, type: null })).documents;
    expect(listed).toMatchObject([{ id, title: 'Certification letter', expiryDate: '2027-01-31', arrived: true }]);
    expect((await readAll(c, id)).equals(content)).toBe(true);
    expect(stored(db(c), id)).toBe(3);
    expect(readChunk(db(c), id, documentsKeyOf(db(a)), 0, 3)).toBeNull();
    expect(readChunk(db(c), id, documentsKeyOf(db(c)), 0, 3)).not.toBeNull();
    // One blob, written by the laptop that attached it, named by a keyed hash (not the content's hash).
    const name = blobName(db(c), id)!;
    expect(copies(folder, name)).toHaveLength(1);
    expect(copies(folder, name)[0]).toContain(db(a).prepare('SELECT laptop_id FROM team').pluck().get() as string);
    const { createHash } = await import('node:crypto');
    expect(name).not.toBe(createHash('sha256').update(content).digest('hex'));

    // The other caseworker's laptop: no record, no content, and none of its keys opens the blob.
    expect(docRows(db(o), id)).toBe(0);
    expect(stored(db(o), id)).toBe(0);
    const path = copies(folder, name)[0]!;
    const theirKeys = [...readCaseKeys(db(o)).map((k) => k.key), ...readEpochs(db(o)).map((e) => e.key), documentsKeyOf(db(o))];
    expect(theirKeys.length).toBeGreaterThan(1);
    for (const key of theirKeys) expect(() => readBlobFile(path, name, key, 3, () => {})).toThrow();

    // Nothing of the content, its title or the person is readable in the folder.
    expect(scanForCanaries([folder], [canary, 'Certification letter', 'Docs Person Kp4'])).toEqual([]);
  });

  it('shows a document as not yet arrived until its blob is whole; a cut or altered blob is refused and nothing of it kept', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const sup = await addStaff(a, 'supervisor', 'Sam Docs-Supervisor');
    const person = await a.ok('clients.create', { chosenName: 'Waiting Person Zt8' });
    const b = await joinFor(a, folder, sup);
    syncRound(db(b));
    const content = bigPdf('CANARY-DOC-WAIT-3390');
    const id = await attach(a, person.id, content);
    syncRound(db(a));
    const name = blobName(db(a), id)!;
    const path = copies(folder, name)[0]!;
    const whole = readFileSync(path);
    const aside = `${path}.aside`;
    renameSync(path, aside);

    // The record arrives first: listed, not yet arrived, not readable.
    syncRound(db(b));
    expect((await b.ok('documents.list', { clientId: person.id, type: null })).documents).toMatchObject([{ id, arrived: false }]);
    expect(await b.call('documents.read', { documentId: id, index: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Half-copied, then altered: refused, the store unchanged, tried again next round.
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(syncRound(db(b)).blobs).toMatchObject({ fetched: 0, waiting: 1, refused: [{ documentId: id, reason: 'damaged' }] });
    expect(stored(db(b), id)).toBe(0);
    const altered = Buffer.from(whole);
    altered.writeUInt8(altered.readUInt8(whole.length - 100) ^ 0x01, whole.length - 100);
    writeFileSync(path, altered);
    expect(syncRound(db(b)).blobs).toMatchObject({ fetched: 0, refused: [{ documentId: id, reason: 'damaged' }] });
    expect(stored(db(b), id)).toBe(0);
    // Another document's blob under this one's name: authenticates as nothing, refused.
    writeFileSync(path, Buffer.concat([whole.subarray(0, whole.length - 10), Buffer.alloc(10)]));
    expect(syncRound(db(b)).blobs.fetched).toBe(0);
    writeFileSync(path, Buffer.concat([whole, Buffer.from([0])]));
    expect(syncRound(db(b)).blobs.fetched).toBe(0);
    expect(stored(db(b), id)).toBe(0);

    renameSync(aside, path);
    expect(syncRound(db(b)).blobs).toMatchObject({ fetched: 1, waiting: 0 });
    expect((await b.ok('documents.list', { clientId: person.id, type: null })).documents).toMatchObject([{ id, arrived: true }]);
    expect((await readAll(b, id)).equals(content)).toBe(true);
  });

  it('carries a restricted document sealed as it is (the restricted-note rule), and removal syncs and prunes the blob once every laptop has read it', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const cw = await addStaff(a, 'caseworker', 'Casey Sealed-Worker');
    const person = await a.ok('clients.create', { chosenName: 'Sealed Person Hw3' });
    await a.ok('clients.assign', { clientId: person.id, workerId: userIdOf(a, cw.name) });
    const c = await joinFor(a, folder, cw);
    for (const t of [c, a, c]) syncRound(db(t));

    // Written on the caseworker's laptop, restricted: sealed to them, supervisors and administrators.
    const content = samplePdf('CANARY-DOC-SEALED-8812');
    const id = await attach(c, person.id, content, { restricted: true });
    syncRound(db(c));
    syncRound(db(a));
    // As a restricted note: it opens for a reader holding a copy of its key sealed to their keys on that
    // laptop. Each laptop gives its person keys of its own, so here it opens on the author's laptop only.
    expect((await a.ok('documents.list', { clientId: person.id, type: null })).documents).toMatchObject([{ id, restricted: true, arrived: true, locked: true }]);
    expect(await a.call('documents.read', { documentId: id, index: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await readAll(c, id)).equals(content)).toBe(true);
    // The stored chunks are the same sealed bytes on both laptops: no laptop's own key opens them.
    const sealedOn = (d: Db) => d.prepare('SELECT hex(sealed) FROM document_chunks WHERE document_id = ? ORDER BY seq').pluck().all(id);
    expect(sealedOn(db(a))).toEqual(sealedOn(db(c)));
    expect(readChunk(db(a), id, documentsKeyOf(db(a)), 0, 1)).toBeNull();
    expect(scanForCanaries([folder], ['CANARY-DOC-SEALED-8812'])).toEqual([]);

    // Removed on the administrator's laptop: gone everywhere; the blob goes once the caseworker's laptop has read the removal.
    const name = blobName(db(a), id)!;
    expect(copies(folder, name)).toHaveLength(1);
    await a.ok('documents.remove', { documentId: id, confirm: true });
    syncRound(db(a));
    syncRound(db(c));
    expect(docRows(db(c), id)).toBe(0);
    expect(stored(db(c), id)).toBe(0);
    let pruned = 0;
    for (const t of [a, c, a, c]) pruned += syncRound(db(t)).blobs.pruned;
    expect(pruned).toBe(1);
    expect(copies(folder, name)).toEqual([]);
  });

  it('a case reassigned away takes its documents off the caseworker laptop, and a copy of their blobs stays in the folder', async () => {
    const folder = tempDir();
    const a = await firstLaptop(folder);
    const cw = await addStaff(a, 'caseworker', 'Casey Moving-Docs');
    const person = await a.ok('clients.create', { chosenName: 'Moving Docs Person Ty5' });
    await a.ok('clients.assign', { clientId: person.id, workerId: userIdOf(a, cw.name) });
    const c = await joinFor(a, folder, cw);
    for (const t of [c, a, c]) syncRound(db(t));
    const content = samplePdf('CANARY-DOC-MOVING-4471');
    const id = await attach(c, person.id, content);
    syncRound(db(c));
    syncRound(db(a));
    const name = blobName(db(a), id)!;
    expect(stored(db(a), id)).toBe(1);

    await a.ok('clients.assign', { clientId: person.id, workerId: null });
    for (const t of [a, c, a, c, a, c, a]) syncRound(db(t));
    expect(docRows(db(c), id)).toBe(0);
    // The caseworker laptop's own copy went once read; the administrator's laptop wrote one of its own.
    const left = copies(folder, name);
    expect(left).toHaveLength(1);
    expect(left[0]).toContain(db(a).prepare('SELECT laptop_id FROM team').pluck().get() as string);
    expect((await readAll(a, id)).equals(content)).toBe(true);
  });
});
