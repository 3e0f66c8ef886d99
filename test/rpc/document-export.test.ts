// "Save a copy" and "Print" (issue 15 §3), main side: the dispatcher's documents.export is where the
// reason is asked for and the copy logged, before the screen gets the bytes for its save dialog or
// print. No reason (or a token one), someone who may not read the document, and a document whose
// content has not arrived on this laptop yet: refused, and nothing is logged as copied.
import { describe, expect, it } from 'vitest';
import { addStaff, setUpCore, type TestCore } from '../helpers/core';
import { attachFile, samplePdf } from '../helpers/documents';

const copies = (t: TestCore) => t.control.current!.db.prepare('SELECT purpose, reason, user_id FROM document_exports ORDER BY id').all();
const logged = async (t: TestCore, action: 'documents.save' | 'documents.print') => (await t.ok('audit.list', { action })).entries.length;

async function withDocument(restricted = false) {
  const t = await setUpCore();
  const client = await t.ok('clients.create', { chosenName: 'Synthetic Export Person' });
  const attached = await attachFile(t, client.id, samplePdf('synthetic letter'), 'letter.pdf', { restricted });
  if (!attached.ok) throw new Error(attached.error.message);
  return { t, clientId: client.id, documentId: attached.value.id };
}

describe('saving a copy or printing a document', () => {
  it('needs a real reason for either, and logs each copy (who and which case in the access log; why inside the store)', async () => {
    const { t, clientId, documentId } = await withDocument();
    for (const purpose of ['save', 'print'] as const) {
      for (const reason of ['', '   ', 'because', 'Line one\nline two of the reason']) {
        expect(await t.call('documents.export', { documentId, purpose, reason })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    }
    expect(copies(t)).toEqual([]);
    expect(await logged(t, 'documents.save')).toBe(0);
    expect(await logged(t, 'documents.print')).toBe(0);

    expect(await t.ok('documents.export', { documentId, purpose: 'save', reason: 'The immigration attorney needs a copy.' })).toEqual({ fileName: 'letter.pdf', mime: 'application/pdf' });
    expect(await t.ok('documents.export', { documentId, purpose: 'print', reason: 'Court hearing tomorrow morning.' })).toEqual({ fileName: 'letter.pdf', mime: 'application/pdf' });
    const me = t.control.current!.user.id;
    expect(copies(t)).toEqual([
      { purpose: 'save', reason: 'The immigration attorney needs a copy.', user_id: me },
      { purpose: 'print', reason: 'Court hearing tomorrow morning.', user_id: me },
    ]);
    const [saved] = (await t.ok('audit.list', { action: 'documents.save' })).entries;
    expect(saved).toBeDefined();
    expect(saved).toMatchObject({ action: 'documents.save', targetId: clientId, actorId: me });
    // The reason stays inside the store, never in the access log.
    expect(JSON.stringify(saved)).not.toContain('immigration attorney');
    expect(await logged(t, 'documents.print')).toBe(1);
  });

  it('refuses a copy to someone who may not read the document, and logs none', async () => {
    const { t, documentId } = await withDocument(true);
    const colleague = await addStaff(t, 'caseworker', 'Colleague Export-Worker');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', colleague);
    expect(await t.call('documents.export', { documentId, purpose: 'save', reason: 'I would like to keep a copy.' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(copies(t)).toEqual([]);
  });

  it('refuses a copy of a document whose content has not arrived on this laptop yet, and logs none', async () => {
    const { t, documentId } = await withDocument();
    // As on a team laptop that has the record from the case's document but not yet the content.
    t.control.current!.db.prepare('DELETE FROM document_chunks WHERE document_id = ?').run(documentId);
    expect(await t.call('documents.export', { documentId, purpose: 'print', reason: 'Court hearing tomorrow morning.' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(copies(t)).toEqual([]);
    expect(await logged(t, 'documents.print')).toBe(0);
  });
});
