// Main process (plain Node). Never imports electron.
// Files being attached, held in memory only (never a temporary file) from the first piece until they
// are encrypted into the store or given up. Each belongs to the person and case that began it; a
// person has at most two at once, and an upload untouched for 30 minutes is wiped and forgotten.
import { DOCUMENT_CHUNK_BYTES } from '../../shared/schemas/documents';
import { AppError } from '../rpc/errors';
import { newId } from '../store/ids';
import type { Inspected } from './inspect';

interface Upload {
  userId: string;
  clientId: string;
  fileName: string;
  size: number;
  buffer: Buffer;
  received: Set<number>;
  touched: number;
  inspected: Inspected | null;
}

const uploads = new Map<string, Upload>();
const PER_PERSON = 2;
const IDLE_MS = 30 * 60_000;

function wipe(id: string): void {
  const upload = uploads.get(id);
  if (!upload) return;
  upload.buffer.fill(0);
  if (upload.inspected && upload.inspected.content !== upload.buffer) upload.inspected.content.fill(0);
  uploads.delete(id);
}

function sweep(now: number): void {
  for (const [id, upload] of uploads) if (now - upload.touched > IDLE_MS) wipe(id);
}

export function beginUpload(userId: string, clientId: string, fileName: string, size: number, maxBytes: number, now: number): string {
  sweep(now);
  if (size > maxBytes) {
    throw new AppError('INVALID_INPUT', `This file is larger than the limit of ${Math.round(maxBytes / 1048576)} MB an administrator set. Nothing was saved.`, [{ path: 'size', message: 'Too large.' }]);
  }
  const mine = [...uploads.entries()].filter(([, u]) => u.userId === userId).sort((a, b) => a[1].touched - b[1].touched);
  // Starting a third gives up the oldest: a closed dialog or a crashed screen never blocks new ones.
  while (mine.length >= PER_PERSON) wipe(mine.shift()![0]);
  const id = newId();
  uploads.set(id, { userId, clientId, fileName, size, buffer: Buffer.alloc(size), received: new Set(), touched: now, inspected: null });
  return id;
}

function ownUpload(userId: string, id: string, now: number): Upload {
  sweep(now);
  const upload = uploads.get(id);
  if (!upload || upload.userId !== userId) throw new AppError('NOT_FOUND', 'That upload is no longer open. Choose the file again.');
  upload.touched = now;
  return upload;
}

export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / DOCUMENT_CHUNK_BYTES));
}

export function receiveChunk(userId: string, id: string, index: number, data: Buffer, now: number): number {
  const upload = ownUpload(userId, id, now);
  const count = chunkCount(upload.size);
  const expected = index === count - 1 ? upload.size - index * DOCUMENT_CHUNK_BYTES : DOCUMENT_CHUNK_BYTES;
  if (index >= count || data.length !== expected) {
    data.fill(0);
    throw new AppError('INVALID_INPUT', 'A piece of the file did not arrive as expected. Choose the file again.', [{ path: 'data', message: 'Wrong length.' }]);
  }
  data.copy(upload.buffer, index * DOCUMENT_CHUNK_BYTES);
  data.fill(0);
  upload.received.add(index);
  upload.inspected = null;
  return [...upload.received].reduce((sum, i) => sum + (i === count - 1 ? upload.size - i * DOCUMENT_CHUNK_BYTES : DOCUMENT_CHUNK_BYTES), 0);
}

/** The whole file, once every piece has arrived. */
export function completeUpload(userId: string, id: string, now: number): Upload {
  const upload = ownUpload(userId, id, now);
  if (upload.received.size !== chunkCount(upload.size)) throw new AppError('CONFLICT', 'Part of the file has not arrived yet. Choose the file again.');
  return upload;
}

export function setInspected(upload: { inspected: Inspected | null }, inspected: Inspected): void {
  upload.inspected = inspected;
}

export function cancelUpload(userId: string, id: string): void {
  const upload = uploads.get(id);
  if (upload && upload.userId === userId) wipe(id);
}

/** After the content is in the store (or the session ends). */
export function forgetUpload(id: string): void {
  wipe(id);
}

/** Nothing stays behind a lock: the shell and tests call this when the session closes. */
export function forgetAllUploads(): void {
  for (const id of [...uploads.keys()]) wipe(id);
}
