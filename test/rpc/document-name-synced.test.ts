// A document's file name can arrive from another laptop (team sync writes the row as that laptop's
// change says), so it is not only what this laptop's attach cleaned. Whatever the row holds, the name
// shown and used for "Save a copy" is cleaned the same way: no folder parts, no control or
// direction-override characters (which can make "evil.exe" read as "exe.pdf"), the extension of the
// checked type.
import { describe, expect, it } from 'vitest';
import { setUpCore } from '../helpers/core';
import { attachFile, samplePdf } from '../helpers/documents';

describe('a file name written by another laptop', () => {
  it('is shown and saved cleaned', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Synced Name Person' });
    const attached = await attachFile(t, client.id, samplePdf('A page'), 'letter.pdf');
    expect(attached.ok).toBe(true);
    const id = attached.ok ? attached.value.id : '';
    // As the projection of a crafted change would leave it.
    t.control.current!.db.prepare('UPDATE documents SET file_name = ? WHERE id = ?').run('..\\..\\Startup\\invoice\u202Efdp.exe', id);
    const listed = (await t.ok('documents.list', { clientId: client.id })).documents.find((d) => d.id === id)!;
    expect(listed.fileName).toBe('invoicefdp.pdf');
    const saved = await t.ok('documents.export', { documentId: id, purpose: 'save', reason: 'The survivor asked for a copy of their letter.' });
    expect(saved.fileName).toBe('invoicefdp.pdf');
  });
});
