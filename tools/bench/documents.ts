// Development tooling (plain Node): documents (issue 15). A 25 MB PDF (one text page and an
// incompressible stream) is attached through the dispatcher as the screen does it (base64 pieces,
// the content check, the encrypted write), then opened: every piece read back and decrypted, and
// pdf.js (legacy build, in this process) parses it and builds page 1's drawing operations.
// document_store_growth_ratio: bytes the store file grew by (after a checkpoint) / file bytes.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSafeholdCoreWithControl } from '../../main/core/app';
import { memoryPreferences } from '../../main/core/prefs';
import { FLOOR_COST } from '../../main/keys/kdf';
import { DOCUMENT_CHUNK_BYTES } from '../../shared/schemas/documents';
import { samplePdf } from '../../test/helpers/documents';
import type { Emit } from './caseload';

type Dispatch = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

async function must<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code}`);
  return result.value as T;
}

export async function benchDocuments(megabytes: number, emit: Emit): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safehold-bench-documents-'));
  const { core, control } = createSafeholdCoreWithControl({ dataDir: dir, prefs: memoryPreferences(), kdfCost: FLOOR_COST });
  const dispatch: Dispatch = (method, input) => core.dispatch(method, input);
  try {
    const { recoveryKey } = await must<{ recoveryKey: string }>(dispatch, 'setup.begin', {});
    await must(dispatch, 'setup.complete', { agencyName: 'Bench Agency', adminName: 'Bench Admin', passphrase: 'bench passphrase words', recoveryKeyConfirmation: recoveryKey });
    const client = await must<{ id: string }>(dispatch, 'clients.create', { chosenName: 'Bench Person' });
    const pdf = samplePdf('Bench document page one', { padBytes: megabytes * 1024 * 1024 - 1200 });
    const db = control.current!.db;
    const storeFile = join(dir, 'safehold.db');
    const storeBytes = () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(storeFile).size;
    };
    const before = storeBytes();

    let start = performance.now();
    const { uploadId } = await must<{ uploadId: string }>(dispatch, 'documents.beginUpload', { clientId: client.id, fileName: 'bench.pdf', size: pdf.length });
    for (let i = 0; i * DOCUMENT_CHUNK_BYTES < pdf.length; i += 1) {
      await must(dispatch, 'documents.uploadChunk', { uploadId, index: i, data: pdf.subarray(i * DOCUMENT_CHUNK_BYTES, (i + 1) * DOCUMENT_CHUNK_BYTES).toString('base64') });
    }
    await must(dispatch, 'documents.check', { uploadId });
    const { id } = await must<{ id: string }>(dispatch, 'documents.attach', { uploadId, clientId: client.id, type: 'identity', title: 'Bench passport', custody: 'agency' });
    emit('document_attach_25mb_ms', performance.now() - start, 'ms');
    emit('document_store_growth_ratio', (storeBytes() - before) / pdf.length, 'ratio');

    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const opens: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      start = performance.now();
      const parts: Buffer[] = [];
      for (let i = 0, n = 1; i < n; i += 1) {
        const piece = await must<{ chunks: number; data: string }>(dispatch, 'documents.read', { documentId: id, index: i });
        n = piece.chunks;
        parts.push(Buffer.from(piece.data, 'base64'));
      }
      const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(parts)), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
      const page = await doc.getPage(1);
      await page.getOperatorList();
      await doc.destroy();
      opens.push(performance.now() - start);
    }
    emit('document_open_first_page_ms', opens.sort((a, b) => a - b)[1]!, 'ms');
    emit('document_bench_mib', pdf.length / 2 ** 20, 'MiB');
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
