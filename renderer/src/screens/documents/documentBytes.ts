// renderer/: moving a document's bytes through the one typed door, a piece at a time. Bytes stay in
// this page's memory (never a file, never the browser cache); callers wipe what they are given.
import type { Result } from '../../../../shared/errors';
import type { CheckOutput } from '../../../../shared/schemas/documents';
import type { z } from 'zod';
import { call } from '../../api/client';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

export interface Sent {
  uploadId: string;
  checked: z.infer<typeof CheckOutput>;
}

/** Begin, send each piece (reporting the share sent), then have main check the content. */
export async function sendFile(clientId: string, file: File, onProgress: (share: number) => void): Promise<Result<Sent>> {
  const begun = await call('documents.beginUpload', { clientId, fileName: file.name, size: file.size });
  if (!begun.ok) return begun;
  const { uploadId, chunkBytes } = begun.value;
  for (let index = 0; index * chunkBytes < file.size; index += 1) {
    const piece = new Uint8Array(await file.slice(index * chunkBytes, (index + 1) * chunkBytes).arrayBuffer());
    const sent = await call('documents.uploadChunk', { uploadId, index, data: toBase64(piece) });
    piece.fill(0);
    if (!sent.ok) return sent;
    onProgress(sent.value.received / file.size);
  }
  const checked = await call('documents.check', { uploadId });
  return checked.ok ? { ok: true, value: { uploadId, checked: checked.value } } : checked;
}

/** Every piece of a document, joined in memory. */
export async function readDocument(documentId: string, onProgress?: (share: number) => void): Promise<Result<Uint8Array>> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  for (let index = 0, count = 1; index < count; index += 1) {
    const piece = await call('documents.read', { documentId, index });
    if (!piece.ok) {
      for (const p of pieces) p.fill(0);
      return piece;
    }
    count = piece.value.chunks;
    const bytes = fromBase64(piece.value.data);
    pieces.push(bytes);
    total += bytes.length;
    onProgress?.((index + 1) / count);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
    p.fill(0);
  }
  return { ok: true, value: all };
}
