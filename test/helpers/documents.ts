// Synthetic files for the document tests: PDFs written by hand (so hostile parts can be put exactly
// where wanted), JPEGs from jpeg-js with a hand-made EXIF block (location, camera), and PNGs with text
// and eXIf chunks. Nothing here is a real person's file.
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import type { Input, Method, Output } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { DOCUMENT_CHUNK_BYTES } from '../../shared/schemas/documents';

export interface PdfOptions {
  javascript?: boolean;
  link?: string;
  /** Bytes of an extra (unused) stream, to make large files. */
  padBytes?: number;
}

/** A one-page PDF showing `text`, with a correct cross-reference table. */
export function samplePdf(text: string, options: PdfOptions = {}): Buffer {
  const content = `BT /F1 18 Tf 50 700 Td (${text.replace(/[()\\]/gu, '')}) Tj ET`;
  const objects: (string | Buffer)[] = [
    `<< /Type /Catalog /Pages 2 0 R${options.javascript ? ' /OpenAction 6 0 R' : ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R${options.link ? ' /Annots [7 0 R]' : ''} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    options.javascript ? "<< /S /JavaScript /JS (app.alert('hello'); this.submitForm('http://example.invalid/');) >>" : '<< >>',
    options.link ? `<< /Type /Annot /Subtype /Link /Rect [50 690 300 720] /A << /S /URI /URI (${options.link}) >> >>` : '<< >>',
  ];
  if (options.padBytes) {
    const pad = randomBytes(options.padBytes);
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${pad.length} >>\nstream\n`), pad, Buffer.from('\nendstream')]));
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** An EXIF (TIFF) block naming a camera and a place: Make, Model, and GPS latitude/longitude. */
export function exifBlock(): Buffer {
  const make = 'SynthCam\0';
  const model = 'Test Model 7\0';
  // Little-endian TIFF: header, IFD0 (Make, Model, GPS pointer), GPS IFD (4 entries), then values.
  const b = Buffer.alloc(200);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  const ifd0 = 8;
  const gpsIfd = ifd0 + 2 + 3 * 12 + 4; // 50
  const values = gpsIfd + 2 + 4 * 12 + 4; // 104
  b.writeUInt16LE(3, ifd0);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  entry(ifd0 + 2, 0x010f, 2, make.length, values);
  entry(ifd0 + 14, 0x0110, 2, model.length, values + 10);
  entry(ifd0 + 26, 0x8825, 4, 1, gpsIfd);
  b.writeUInt32LE(0, ifd0 + 38);
  b.write(make, values, 'latin1');
  b.write(model, values + 10, 'latin1');
  const rationals = values + 24;
  b.writeUInt16LE(4, gpsIfd);
  b.write('N\0', gpsIfd + 2 + 8, 'latin1');
  entry(gpsIfd + 2, 0x0001, 2, 2, 0);
  b.write('N\0', gpsIfd + 2 + 8, 'latin1');
  entry(gpsIfd + 14, 0x0002, 5, 3, rationals);
  entry(gpsIfd + 26, 0x0003, 2, 2, 0);
  b.write('W\0', gpsIfd + 26 + 8, 'latin1');
  entry(gpsIfd + 38, 0x0004, 5, 3, rationals + 24);
  b.writeUInt32LE(0, gpsIfd + 50);
  [41, 1, 52, 1, 0, 1, 87, 1, 37, 1, 0, 1].forEach((n, i) => b.writeUInt32LE(n, rationals + i * 4));
  return b.subarray(0, rationals + 48);
}

/** A JPEG of a flat colour with an EXIF segment (camera and location) and a comment holding `comment`. */
export function sampleJpeg(width: number, height: number, comment = 'synthetic'): Buffer {
  const pixels = Buffer.alloc(width * height * 4, 0x80);
  const plain = Buffer.from(jpeg.encode({ data: pixels, width, height }, 80).data);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock()]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(exif.length + 2), exif]);
  const text = Buffer.from(comment, 'utf8');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(text.length + 2), text]);
  return Buffer.concat([plain.subarray(0, 2), app1, com, plain.subarray(2)]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A grey PNG with a tEXt chunk holding `text` and an eXIf chunk (camera and location). Declared size can lie (`declare`). */
export function samplePng(width: number, height: number, text = 'synthetic', declare?: { width: number; height: number }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(declare?.width ?? width, 0);
  ihdr.writeUInt32BE(declare?.height ?? height, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((width + 1) * height, 0x90);
  for (let y = 0; y < height; y += 1) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    pngChunk('eXIf', exifBlock()),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Caller {
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
}

export interface Details {
  type?: Input<'documents.attach'>['type'];
  title?: string;
  restricted?: boolean;
  expiryDate?: string | null;
}

/** Begin, send every piece, check, attach: the renderer's sequence. Returns the first failure or the attach result. */
export async function attachFile(t: Caller, clientId: string, bytes: Buffer, fileName = 'scan.pdf', details: Details = {}): Promise<Result<Output<'documents.attach'>>> {
  const begun = await t.call('documents.beginUpload', { clientId, fileName, size: bytes.length });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  for (let i = 0; i * DOCUMENT_CHUNK_BYTES < bytes.length; i += 1) {
    const piece = await t.call('documents.uploadChunk', { uploadId, index: i, data: bytes.subarray(i * DOCUMENT_CHUNK_BYTES, (i + 1) * DOCUMENT_CHUNK_BYTES).toString('base64') });
    if (!piece.ok) return piece;
  }
  const checked = await t.call('documents.check', { uploadId });
  if (!checked.ok) return checked;
  return t.call('documents.attach', {
    uploadId,
    clientId,
    type: details.type ?? 'identity',
    title: details.title ?? 'Passport scan',
    custody: 'survivor',
    restricted: details.restricted ?? false,
    expiryDate: details.expiryDate ?? null,
  });
}

/** Every piece of a document, joined, as the viewer does. */
export async function readAll(t: Caller, documentId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0, n = 1; i < n; i += 1) {
    const piece = await t.call('documents.read', { documentId, index: i });
    if (!piece.ok) throw new Error(`documents.read failed: ${piece.error.code}`);
    n = piece.value.chunks;
    parts.push(Buffer.from(piece.value.data, 'base64'));
  }
  return Buffer.concat(parts);
}
