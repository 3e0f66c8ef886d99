// Documents (issue 15): a caseworker attaches a passport scan and a photo to a case, views them,
// saves a copy with a reason; the content is encrypted in the store, photos lose their location and
// camera, the case's rules and the restricted seal hold, and expiry dates reach "What's due".
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { documentsKeyOf, readChunk } from '../../main/documents/content';
import { ADMIN, PASSPHRASE, addStaff, setUpCore } from '../helpers/core';
import { attachFile, readAll, sampleJpeg, samplePdf, samplePng } from '../helpers/documents';

describe('attaching and viewing documents', () => {
  it('keeps a PDF encrypted in the store and gives it back byte for byte, logging each opening', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const pdf = samplePdf('Passport of a synthetic person', { padBytes: 2_500_000 });
    const attached = await attachFile(t, client.id, pdf, 'C:\\Users\\worker\\Downloads\\passport scan.pdf', { expiryDate: '2026-03-20' });
    expect(attached).toMatchObject({ ok: true, value: { mime: 'application/pdf', size: pdf.length, fileName: 'passport scan.pdf', stripped: [], activeContent: false } });
    const id = attached.ok ? attached.value.id : '';

    const { documents } = await t.ok('documents.list', { clientId: client.id, type: null });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id, type: 'identity', title: 'Passport scan', custody: 'survivor', restricted: false, locked: false });
    expect((await t.ok('documents.list', { clientId: client.id, type: 'medical' })).documents).toEqual([]);
    expect((await readAll(t, id)).equals(pdf)).toBe(true);

    // The chunks are ciphertext even inside the page-encrypted store.
    const db = t.control.current!.db;
    const sealed = db.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM document_chunks WHERE document_id = ? ORDER BY seq').all(id);
    expect(sealed).toHaveLength(3);
    expect(sealed.some((c) => c.sealed.includes('Passport of a synthetic'))).toBe(false);
    const actions = (await t.ok('audit.list', {})).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['documents.attach', 'documents.view', 'documents.open']));

    // The expiry date is in "What's due" (label: the type, never the title).
    const due = (await t.ok('due.list', {})).items.filter((i) => i.kind === 'document_expiry');
    expect(due).toEqual([expect.objectContaining({ itemId: id, date: '2026-03-20', label: 'identity', overdue: false })]);
  });

  it('refuses a chunk that was altered or moved in the store', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const attached = await attachFile(t, client.id, samplePdf('two chunks', { padBytes: 1_200_000 }));
    const id = attached.ok ? attached.value.id : '';
    const db = t.control.current!.db;
    const first = db.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM document_chunks WHERE document_id = ? AND seq = 0').get(id)!.sealed;
    first[40] = first[40]! ^ 1;
    db.prepare('UPDATE document_chunks SET sealed = ? WHERE document_id = ? AND seq = 0').run(first, id);
    expect(await t.call('documents.read', { documentId: id, index: 0 })).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
    db.prepare('UPDATE document_chunks SET seq = 5 WHERE document_id = ? AND seq = 1').run(id);
    db.prepare('UPDATE document_chunks SET seq = 1 WHERE document_id = ? AND seq = 0').run(id);
    expect(await t.call('documents.read', { documentId: id, index: 1 })).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
  });

  it('removes location, camera and comments from photos, tells the worker, and the picture still decodes', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const photo = sampleJpeg(64, 48, 'taken at the safe house');
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.any(Number) });
    const attached = await attachFile(t, client.id, photo, 'IMG_0001.JPG', { type: 'photo', title: 'Injury photo' });
    expect(attached).toMatchObject({ ok: true, value: { mime: 'image/jpeg', fileName: 'IMG_0001.jpg', stripped: ['location', 'device', 'other'] } });
    const stored = await readAll(t, attached.ok ? attached.value.id : '');
    expect(await exifr.parse(stored, { tiff: true, gps: true, xmp: true, iptc: true, icc: true })).toBeUndefined();
    expect(stored.includes('SynthCam')).toBe(false);
    expect(stored.includes('safe house')).toBe(false);
    expect(jpeg.decode(stored)).toMatchObject({ width: 64, height: 48 });

    const png = samplePng(32, 16, 'taken at the safe house');
    const pngAttached = await attachFile(t, client.id, png, 'scan.png', { type: 'photo' });
    expect(pngAttached).toMatchObject({ ok: true, value: { mime: 'image/png', stripped: ['location', 'device', 'other'] } });
    const pngStored = await readAll(t, pngAttached.ok ? pngAttached.value.id : '');
    expect(pngStored.includes('safe house')).toBe(false);
    expect(pngStored.includes('SynthCam')).toBe(false);
  });

  it('asks for a reason before a copy is saved or printed, and logs it', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const attached = await attachFile(t, client.id, samplePdf('letter'));
    const documentId = attached.ok ? attached.value.id : '';
    expect(await t.call('documents.export', { documentId, purpose: 'save', reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.ok('documents.export', { documentId, purpose: 'print', reason: 'Immigration attorney needs the letter.' })).toEqual({ fileName: 'scan.pdf', mime: 'application/pdf' });
    const db = t.control.current!.db;
    expect(db.prepare('SELECT purpose, reason FROM document_exports').all()).toEqual([{ purpose: 'print', reason: 'Immigration attorney needs the letter.' }]);
    expect((await t.ok('audit.list', { action: 'documents.print' })).entries).toHaveLength(1);
  });

  it('edits details, removes with confirmation, and removing a case removes its documents', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const milestone = await t.ok('milestones.add', { clientId: client.id, kind: 't_visa', status: 'requested' });
    const other = await t.ok('clients.create', { chosenName: 'Other' });
    const foreign = await t.ok('milestones.add', { clientId: other.id, kind: 'u_visa', status: 'requested' });
    const a = await attachFile(t, client.id, samplePdf('first'));
    const b = await attachFile(t, client.id, samplePdf('second'));
    const [first, second] = [a, b].map((r) => (r.ok ? r.value.id : ''));
    const details = { type: 'immigration' as const, title: 'T visa packet', custody: 'agency' as const, documentDate: '2026-02-01' };
    await t.ok('documents.update', { documentId: first!, ...details, milestoneId: milestone.id });
    expect((await t.call('documents.update', { documentId: first!, ...details, milestoneId: foreign.id })).ok).toBe(false);
    expect((await t.ok('documents.list', { clientId: client.id, type: 'immigration' })).documents).toEqual([expect.objectContaining({ id: first, milestoneId: milestone.id, documentDate: '2026-02-01' })]);
    expect((await t.call('documents.remove', { documentId: first!, confirm: false as true })).ok).toBe(false);
    await t.ok('documents.remove', { documentId: first!, confirm: true });
    const db = t.control.current!.db;
    expect(db.prepare('SELECT count(*) FROM document_chunks WHERE document_id = ?').pluck().get(first)).toBe(0);
    // No purge screen exists yet; whatever removes a case takes its documents with it.
    db.prepare('DELETE FROM clients WHERE id = ?').run(client.id);
    expect(db.prepare('SELECT count(*) FROM documents WHERE id = ?').pluck().get(second)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM document_chunks').pluck().get()).toBe(0);
  });

  it('wipes a half-sent file when Safehold locks', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const pdf = samplePdf('half sent');
    const { uploadId } = await t.ok('documents.beginUpload', { clientId: client.id, fileName: 'a.pdf', size: pdf.length });
    await t.ok('documents.uploadChunk', { uploadId, index: 0, data: pdf.toString('base64') });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect(await t.call('documents.check', { uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('holds to the size limit an administrator sets', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    expect((await t.ok('documents.list', { clientId: client.id, type: null })).maxBytes).toBe(50 * 1024 * 1024);
    expect(await t.ok('settings.documentLimit', {})).toEqual({ megabytes: 50 });
    await t.ok('settings.setDocumentLimit', { megabytes: 1 });
    expect(await t.ok('settings.documentLimit', {})).toEqual({ megabytes: 1 });
    const result = await attachFile(t, client.id, samplePdf('big', { padBytes: 1_100_000 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('limit of 1 MB') } });
  });
});

describe('who sees documents', () => {
  it("a caseworker sees only their cases' documents; a restricted one is sealed to its author, supervisors and admins", async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    const colleague = await addStaff(t, 'caseworker', 'Colleague Worker');
    const supervisor = await addStaff(t, 'supervisor', 'Sam Supervisor');
    const adminsCase = await t.ok('clients.create', { chosenName: 'Admin Case' });
    await attachFile(t, adminsCase.id, samplePdf('admin file'));
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const mine = await t.ok('clients.create', { chosenName: 'Mine' });
    expect(await t.call('documents.list', { clientId: adminsCase.id, type: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const restricted = await attachFile(t, mine.id, samplePdf('restricted statement'), 'statement.pdf', { type: 'law_enforcement', restricted: true });
    const open = await attachFile(t, mine.id, samplePdf('ordinary letter'), 'letter.pdf');
    const restrictedId = restricted.ok ? restricted.value.id : '';
    expect((await readAll(t, restrictedId)).includes('restricted statement')).toBe(true);
    // The store's documents key (which every staff passphrase reaches) does not open it.
    const db = t.control.current!.db;
    const count = db.prepare<[string], { chunks: number }>('SELECT chunks FROM documents WHERE id = ?').get(restrictedId)!.chunks;
    expect(readChunk(db, restrictedId, documentsKeyOf(db), 0, count)).toBeNull();

    await t.ok('session.lock', {});
    await t.ok('session.unlock', supervisor);
    expect((await readAll(t, restrictedId)).includes('restricted statement')).toBe(true);
    await t.ok('session.lock', {});

    // A colleague who breaks the glass sees the case and its ordinary documents, not the restricted one.
    await t.ok('session.unlock', colleague);
    await t.ok('clients.get', { id: mine.id, breakGlassReason: 'Covering while Casey is away today.' });
    const seen = (await t.ok('documents.list', { clientId: mine.id, type: null })).documents.map((d) => d.id);
    expect(seen).toEqual([open.ok ? open.value.id : '']);
    expect(await t.call('documents.read', { documentId: restrictedId, index: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await readAll(t, restrictedId)).includes('restricted statement')).toBe(true);
  });

  it('a supervisor added later gets a copy of a restricted document key at the next administrator sign-in', async () => {
    const t = await setUpCore();
    const worker = await addStaff(t, 'caseworker', 'Casey Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', worker);
    const mine = await t.ok('clients.create', { chosenName: 'Mine' });
    const sealed = await attachFile(t, mine.id, samplePdf('sealed statement'), 'statement.pdf', { restricted: true });
    const id = sealed.ok ? sealed.value.id : '';
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const later = await addStaff(t, 'supervisor', 'Later Supervisor');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', later);
    expect((await t.ok('documents.list', { clientId: mine.id, type: null })).documents[0]).toMatchObject({ id, locked: true });
    await t.ok('session.lock', {});
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('audit.list', { action: 'documents.sealed' })).entries).toHaveLength(1);
    await t.ok('session.lock', {});
    await t.ok('session.unlock', later);
    expect((await readAll(t, id)).includes('sealed statement')).toBe(true);
  });

  it('auditors never reach documents, and reports carry nothing of them', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    await attachFile(t, client.id, samplePdf('CANARY-REPORT-7731'), 'CANARY-REPORT-7731.pdf', { title: 'CANARY-REPORT-7731 letter' });
    const report = await t.ok('reports.outcomes', { from: '2026-01-01', to: '2026-12-31' });
    expect(JSON.stringify(report)).not.toContain('CANARY');
    const auditor = await addStaff(t, 'auditor', 'Audrey Auditor');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', auditor);
    expect(await t.call('documents.list', { clientId: client.id, type: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
