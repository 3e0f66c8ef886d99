// Main process (plain Node). Never imports electron.
// The store image out of a backup's chunks, in one sequential pass: spans of whole sealed chunks read
// at once, each chunk's tag checked before its bytes are written, the image hashed as it goes, one
// fsync at the end. About one pass over the store's bytes (tools/bench/store-ops.ts measures it).
import { createDecipheriv, createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { damaged } from './errors';
import { chunkAad, NONCE_BYTES, SEAL_OVERHEAD, sealedChunkBytes, TAG_BYTES, type BackupHeader } from './format';

/** Sealed chunks read per system call. */
const SPAN_BYTES = 16 << 20;

export interface ImageSource {
  header: BackupHeader;
  chunksAt: number;
}

function readInto(fd: number, buffer: Buffer, position: number): void {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) throw damaged();
    done += n;
  }
}

/**
 * Decrypts every chunk from the open backup file `input` (the caller opens, checks and closes it) into
 * imagePath (created, 0600) and checks the image's SHA-256 against the manifest's. Throws `damaged` on
 * any failure; the caller removes the work folder, partial image included.
 */
export function writeImage(input: number, file: ImageSource, payloadKey: Buffer, imagePath: string, imageSha256: string): void {
  const { header } = file;
  const backupId = Buffer.from(header.backupId, 'hex');
  const output = openSync(imagePath, 'wx', 0o600);
  const imageHash = createHash('sha256');
  try {
    const perSpan = Math.max(1, Math.floor(SPAN_BYTES / (header.chunkBytes + SEAL_OVERHEAD)));
    const span = Buffer.allocUnsafe(Math.min(perSpan, header.chunks) * (header.chunkBytes + SEAL_OVERHEAD));
    let position = file.chunksAt;
    for (let first = 0; first < header.chunks; first += perSpan) {
      const end = Math.min(header.chunks, first + perSpan);
      let spanBytes = 0;
      for (let index = first; index < end; index += 1) spanBytes += sealedChunkBytes(header, index);
      const sealed = span.subarray(0, spanBytes);
      readInto(input, sealed, position);
      let at = 0;
      for (let index = first; index < end; index += 1) {
        const length = sealedChunkBytes(header, index);
        const chunk = sealed.subarray(at, at + length);
        const decipher = createDecipheriv('aes-256-gcm', payloadKey, chunk.subarray(0, NONCE_BYTES));
        decipher.setAAD(chunkAad(backupId, index, index === header.chunks - 1));
        decipher.setAuthTag(chunk.subarray(length - TAG_BYTES));
        const plain = decipher.update(chunk.subarray(NONCE_BYTES, length - TAG_BYTES));
        try {
          decipher.final();
        } catch {
          throw damaged();
        }
        imageHash.update(plain);
        for (let done = 0; done < plain.length; ) done += writeSync(output, plain, done);
        at += length;
      }
      position += spanBytes;
    }
    fsyncSync(output);
  } finally {
    closeSync(output);
  }
  if (imageHash.digest('hex') !== imageSha256) throw damaged();
}
