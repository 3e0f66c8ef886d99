// Documents travel with the store: a backup holds them (the backup copies every table; no list to
// forget), a restore on a new computer gives them back byte for byte, and no file written along the
// way (store folder, backup, restored folder) holds a canary from a PDF, a photo or a title.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, PASSPHRASE, setUpCore, testCore } from '../helpers/core';
import { attachFile, readAll, sampleJpeg, samplePdf } from '../helpers/documents';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

const CANARIES = ['CANARYPDFTEXT4417', 'CANARYPHOTOTEXT8820', 'CANARYTITLE3391'];

describe('documents in backups', () => {
  it('are carried by a backup and restored on a new computer, with no canary in any file written', async () => {
    const t = await setUpCore();
    const client = await t.ok('clients.create', { chosenName: 'Amara' });
    const pdf = samplePdf(`Letter ${CANARIES[0]}`, { padBytes: 1_500_000 });
    const photo = sampleJpeg(40, 30, `Photo ${CANARIES[1]}`);
    const a = await attachFile(t, client.id, pdf, `${CANARIES[2]}.pdf`, { title: `Visa ${CANARIES[2]}` });
    const b = await attachFile(t, client.id, photo, 'photo.jpg', { type: 'photo', restricted: true });
    const [pdfId, photoId] = [a, b].map((r) => (r.ok ? r.value.id : ''));
    // Viewed and a copy asked for, as the screens do.
    expect((await readAll(t, pdfId!)).equals(pdf)).toBe(true);
    const storedPhoto = await readAll(t, photoId!);
    await t.ok('documents.export', { documentId: pdfId!, purpose: 'save', reason: 'Attorney asked for a copy today.' });
    const folder = tempDir('safehold-usb-');
    const made = await t.ok('backup.create', { folder });
    t.core.close();
    expect(scanForCanaries([t.dataDir, folder], CANARIES)).toEqual([]);
    rmSync(t.dataDir, { recursive: true, force: true });

    const fresh = testCore(join(tempDir(), 'new-laptop'));
    await fresh.ok('backup.restore', { file: made.file, recoveryKey: t.recoveryKey });
    await fresh.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const { documents } = await fresh.ok('documents.list', { clientId: client.id, type: null });
    expect(documents.map((d) => d.title).sort()).toEqual(['Passport scan', `Visa ${CANARIES[2]}`]);
    expect((await readAll(fresh, pdfId!)).equals(pdf)).toBe(true);
    // The restricted photo still opens for the administrator it was sealed to.
    expect((await readAll(fresh, photoId!)).equals(storedPhoto)).toBe(true);
    fresh.core.close();
    expect(scanForCanaries([fresh.dataDir, folder], CANARIES)).toEqual([]);
  });
});
