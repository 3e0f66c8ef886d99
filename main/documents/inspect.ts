// Main process (plain Node). Never imports electron.
// What a file really is, decided from its content (file-type), never its name; and what of it is kept.
// HEIC photos become JPEG (heic.ts). PDFs must start with their header, end with one (no second file appended). Photos lose every
// metadata segment or chunk (location, device, dates, comments, colour profiles with device names)
// and whatever follows their end marker, and are refused above a pixel budget before anything
// decodes them. The result is checked again with exifr. All work is on one in-memory buffer.
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import type { DocumentMime } from '../../shared/schemas/documents';
import { HeicFailed, heicToJpeg } from './heic';

export type Stripped = 'location' | 'device' | 'other';

export interface Inspected {
  mime: DocumentMime;
  content: Buffer;
  stripped: Stripped[];
  /** A PDF naming scripts, actions, links or embedded files: shown as pages only, which Safehold always does. */
  activeContent: boolean;
  rotation: 0 | 90 | 180 | 270;
}

export type RefusalKind = 'type' | 'heic' | 'damaged' | 'mixed' | 'image-too-large' | 'metadata';

export class DocumentRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
  }
}

const NOTHING_SAVED = 'Nothing was saved.';
const refusals: Record<RefusalKind, string> = {
  type: 'Safehold keeps PDFs, JPEG, PNG and HEIC pictures, and Word (.docx) and Excel (.xlsx) files. This file is none of these.',
  heic: 'This HEIC photo could not be turned into a JPEG picture here. Save the photo as JPEG on the phone or computer and attach that.',
  damaged: 'This file looks incomplete or damaged (it ends too early or its parts do not fit together).',
  mixed: 'This file holds a second file hidden inside or after it, a known way to slip content past checks.',
  'image-too-large': 'This picture is too large to show safely (more than 60 megapixels, or 25 for a HEIC photo). Scan or save it at a lower resolution.',
  metadata: 'Location or device details could not be removed from this picture.',
};

function refuse(kind: RefusalKind): never {
  throw new DocumentRefused(kind, `${refusals[kind]} ${NOTHING_SAVED}`);
}

export const MAX_PIXELS = 60_000_000;
const MAX_SIDE = 30_000;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function checkPixels(width: number, height: number): void {
  if (width === 0 || height === 0) refuse('damaged');
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) refuse('image-too-large');
}

/** PDF readers look for the header in the first 1,024 bytes: any other file carrying one there is two files at once. */
function hasPdfHeaderNearStart(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes('%PDF-', 0, 'latin1');
}

const ACTIVE_PDF_NAMES = ['/JavaScript', '/JS', '/Launch', '/URI', '/OpenAction', '/AA', '/EmbeddedFile', '/SubmitForm', '/GoToR', '/RichMedia'];

function checkPdf(bytes: Buffer): boolean {
  if (!bytes.subarray(0, 8).toString('latin1').match(/^%PDF-[12]\.\d/u)) refuse('mixed');
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0 || !tail.includes('startxref')) refuse('damaged');
  if (!/^[\r\n\t \0]{0,32}$/u.test(tail.slice(eof + 5))) refuse('mixed');
  // Only the object syntax outside streams is read (stream bytes would match by chance). Names inside
  // compressed object streams are not seen here; the viewer never runs or follows any of them anyway.
  const active = new RegExp(`(?:${ACTIVE_PDF_NAMES.map((n) => n.replace('/', '\\/')).join('|')})[\\s/<(\\[>]`, 'u');
  let at = 0;
  while (at < bytes.length) {
    const start = bytes.indexOf('stream', at, 'latin1');
    const outside = bytes.subarray(at, start < 0 ? bytes.length : start).toString('latin1');
    if (active.test(outside)) return true;
    if (start < 0) break;
    const end = bytes.indexOf('endstream', start + 6, 'latin1');
    if (end < 0) break;
    at = end + 9;
  }
  return false;
}

/** JPEG: keeps the image segments (JFIF, Adobe colour transform, tables, frames, scans) up to the end marker; drops every other APPn and comments. */
function cleanJpeg(bytes: Buffer): { content: Buffer; dropped: number } {
  // `dropped` counts what EXIF does not explain (comments, XMP, maker segments, colour profiles).
  const keep: Buffer[] = [bytes.subarray(0, 2)];
  let dropped = 0;
  let i = 2;
  for (;;) {
    if (i + 2 > bytes.length || bytes[i] !== 0xff) refuse('damaged');
    let marker = bytes[i + 1]!;
    while (marker === 0xff && i + 2 < bytes.length) marker = bytes[++i + 1]!;
    if (marker !== 0xd9 && i + 4 > bytes.length) refuse('damaged');
    if (marker === 0xd9) {
      keep.push(Buffer.from([0xff, 0xd9]));
      return { content: Buffer.concat(keep), dropped };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      keep.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) refuse('damaged');
    const segment = bytes.subarray(i, end);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (length < 8) refuse('damaged');
      checkPixels(bytes.readUInt16BE(i + 7), bytes.readUInt16BE(i + 5));
    }
    const app = marker >= 0xe0 && marker <= 0xef;
    const jfif = marker === 0xe0 && segment.subarray(4, 9).toString('latin1') === 'JFIF\0';
    const adobe = marker === 0xee && segment.subarray(4, 9).toString('latin1') === 'Adobe';
    const exif = marker === 0xe1 && segment.subarray(4, 10).toString('latin1') === 'Exif\0\0';
    if ((app && !jfif && !adobe) || marker === 0xfe) dropped += exif ? 0 : 1;
    else keep.push(segment);
    i = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart.
      let j = i;
      while (j + 1 < bytes.length && !(bytes[j] === 0xff && bytes[j + 1] !== 0x00 && !(bytes[j + 1]! >= 0xd0 && bytes[j + 1]! <= 0xd7))) j += 1;
      if (j + 1 >= bytes.length) refuse('damaged');
      keep.push(bytes.subarray(i, j));
      i = j;
    }
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks a picture needs to look right; everything else (text, eXIf, time, colour profiles, unknown chunks) goes. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs']);

function cleanPng(bytes: Buffer): { content: Buffer; dropped: number } {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) refuse('damaged');
  const keep: Buffer[] = [PNG_SIGNATURE];
  let dropped = 0;
  let i = 8;
  let first = true;
  for (;;) {
    if (i + 12 > bytes.length) refuse('damaged');
    const length = bytes.readUInt32BE(i);
    const type = bytes.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) refuse('damaged');
    if (first) {
      if (type !== 'IHDR' || length !== 13) refuse('damaged');
      checkPixels(bytes.readUInt32BE(i + 8), bytes.readUInt32BE(i + 12));
      first = false;
    }
    if (PNG_KEEP.has(type)) keep.push(bytes.subarray(i, end));
    else if (type !== 'eXIf') dropped += 1;
    i = end;
    if (type === 'IEND') return { content: Buffer.concat(keep), dropped };
  }
}

const DEVICE_TAGS = ['Make', 'Model', 'LensMake', 'LensModel', 'BodySerialNumber', 'SerialNumber', 'CameraOwnerName', 'Software', 'HostComputer'];

async function metadataOf(bytes: Buffer): Promise<Record<string, unknown>> {
  try {
    const found = (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true, jfif: false, ihdr: false, mergeOutput: true })) as Record<string, unknown> | undefined;
    return found ?? {};
  } catch {
    return {};
  }
}

async function orientationOf(bytes: Buffer): Promise<Inspected['rotation']> {
  try {
    const value = await exifr.orientation(bytes);
    return value === 6 || value === 5 ? 90 : value === 3 || value === 4 ? 180 : value === 8 || value === 7 ? 270 : 0;
  } catch {
    return 0;
  }
}

/** What the worker is told was removed: `dropped` counts parts EXIF does not explain. */
function describe(found: Record<string, unknown>, dropped: number): Stripped[] {
  const location = (k: string) => k.startsWith('GPS') || k === 'latitude' || k === 'longitude';
  const keys = Object.keys(found);
  const out: Stripped[] = [];
  if (keys.some(location)) out.push('location');
  if (keys.some((k) => DEVICE_TAGS.includes(k))) out.push('device');
  if (dropped > 0 || keys.some((k) => !location(k) && !DEVICE_TAGS.includes(k))) out.push('other');
  return out;
}

/** A phone's HEIC photo is kept as a JPEG of its main picture (heic.ts): nothing else of the file survives. */
async function fromHeic(bytes: Buffer): Promise<Inspected> {
  if (hasPdfHeaderNearStart(bytes)) refuse('mixed');
  // exifr is not run on the HEIC itself: a box of length 0 makes it loop forever (a hostile file
  // would hang the app). The worker is told everything but the picture was removed.
  let content: Buffer;
  try {
    content = (await heicToJpeg(bytes)).content;
  } catch (error) {
    if (!(error instanceof HeicFailed)) throw error;
    return refuse(error.kind === 'too-large' ? 'image-too-large' : error.kind === 'damaged' ? 'damaged' : 'heic');
  }
  if (Object.keys(await metadataOf(content)).length > 0) refuse('metadata');
  return { mime: 'image/jpeg', content, stripped: ['other'], activeContent: false, rotation: 0 };
}

export async function inspectDocument(bytes: Buffer): Promise<Inspected> {
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime;
  if (mime === 'image/heic' || mime === 'image/heif' || mime === 'image/heic-sequence' || mime === 'image/heif-sequence') return fromHeic(bytes);
  if (mime === 'application/pdf') {
    return { mime, content: bytes, stripped: [], activeContent: checkPdf(bytes), rotation: 0 };
  }
  if (hasPdfHeaderNearStart(bytes)) refuse('mixed');
  if (mime === 'image/jpeg' || mime === 'image/png') {
    const before = await metadataOf(bytes);
    const rotation = mime === 'image/jpeg' ? await orientationOf(bytes) : 0;
    const { content, dropped } = mime === 'image/jpeg' ? cleanJpeg(bytes) : cleanPng(bytes);
    const after = await metadataOf(content);
    if (Object.keys(after).length > 0) refuse('metadata');
    return { mime, content, stripped: describe(before, dropped), activeContent: false, rotation };
  }
  if (mime === DOCX || mime === XLSX) return { mime, content: bytes, stripped: [], activeContent: false, rotation: 0 };
  return refuse('type');
}

const EXTENSIONS: Record<DocumentMime, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  [DOCX]: '.docx',
  [XLSX]: '.xlsx',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;

/**
 * A name safe to show and to offer when saving a copy: the last part of any path, without control,
 * format (bidirectional overrides, zero-width) or reserved characters, at most 100 characters, with
 * the extension of the type found in the content.
 */
export function cleanFileName(name: string, mime: DocumentMime): string {
  const last = name.split(/[/\\]/u).at(-1) ?? '';
  let base = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/gu, '_')
    .replace(/\.[A-Za-z0-9]{1,5}$/u, '')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  base = [...base].slice(0, 100).join('');
  return `${base || 'document'}${EXTENSIONS[mime]}`;
}
