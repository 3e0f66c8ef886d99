// A document row can arrive from another laptop (team sync writes it as that laptop's change says),
// so its kind or file type may be outside the lists this laptop knows. documents.list must still
// show the case's other documents: a kind it does not know is shown as "other"; a row it cannot show
// safely at all (a file type outside the accepted ones) is left out, never the whole list.
import { describe, expect, it } from 'vitest';
import { setUpCore } from '../helpers/core';
import { attachFile, samplePdf } from '../helpers/documents';

describe('a document row written by another laptop', () => {
  it('with an unknown kind or file type does not break the case\'s document list', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Synced Row Person' });
    const ids: string[] = [];
    for (const name of ['good.pdf', 'odd-kind.pdf', 'odd-type.pdf']) {
      const attached = await attachFile(t, client.id, samplePdf(name), name);
      if (!attached.ok) throw new Error('attach failed');
      ids.push(attached.value.id);
    }
    const [good, oddKind, oddType] = ids as [string, string, string];
    // As the projection of a crafted change would leave them.
    const db = t.control.current!.db;
    db.prepare('UPDATE documents SET type = ? WHERE id = ?').run('x-unknown-kind', oddKind);
    db.prepare('UPDATE documents SET mime = ? WHERE id = ?').run('application/x-msdownload', oddType);
    const listed = (await t.ok('documents.list', { clientId: client.id })).documents;
    expect(listed.map((d) => d.id).sort()).toEqual([good, oddKind].sort());
    expect(listed.find((d) => d.id === oddKind)!.type).toBe('other');
    expect(listed.find((d) => d.id === good)!.mime).toBe('application/pdf');
  });
});
