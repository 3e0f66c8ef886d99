// Hostile and malformed files offered as documents: each is refused in plain words or kept in a
// safe form, within a fixed budget (the image-size check reads headers only, before any decoding).
import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { UploadChunkInput } from '../../shared/schemas/documents';
import { cleanFileName, DocumentRefused, inspectDocument, type RefusalKind } from '../../main/documents/inspect';
import { sampleJpeg, samplePdf, samplePng } from '../helpers/documents';

async function refusal(bytes: Buffer): Promise<RefusalKind | 'accepted'> {
  try {
    await inspectDocument(bytes);
    return 'accepted';
  } catch (error) {
    if (error instanceof DocumentRefused) return error.kind;
    throw error;
  }
}

const ZIP_END = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');

describe('hostile documents', () => {
  it('refuses a truncated PDF', async () => {
    const pdf = samplePdf('cut short', { padBytes: 50_000 });
    expect(await refusal(pdf.subarray(0, pdf.length - 200))).toBe('damaged');
    expect(await refusal(pdf.subarray(0, 4000))).toBe('damaged');
  });

  it('keeps a PDF with JavaScript and links, marked as holding active content (the viewer shows pages only)', async () => {
    const inspected = await inspectDocument(samplePdf('script', { javascript: true, link: 'http://example.invalid/track' }));
    expect(inspected).toMatchObject({ mime: 'application/pdf', activeContent: true });
    expect((await inspectDocument(samplePdf('plain'))).activeContent).toBe(false);
  });

  it('refuses polyglots: a ZIP after a PDF, and a picture carrying a PDF header', async () => {
    expect(await refusal(Buffer.concat([samplePdf('two files'), ZIP_END]))).toBe('mixed');
    expect(await refusal(sampleJpeg(16, 16, '%PDF-1.7 hidden'))).toBe('mixed');
    // Bytes after a picture's end marker are dropped, not kept.
    const jpegPlusZip = Buffer.concat([sampleJpeg(16, 16), ZIP_END]);
    const kept = await inspectDocument(jpegPlusZip);
    expect(kept.content.includes(ZIP_END)).toBe(false);
    expect(kept.content.subarray(-2).toString('hex')).toBe('ffd9');
    const pngPlusZip = Buffer.concat([samplePng(8, 8), ZIP_END]);
    expect((await inspectDocument(pngPlusZip)).content.includes(ZIP_END)).toBe(false);
  });

  it('refuses decompression bombs by their declared size, before decoding', async () => {
    expect(await refusal(samplePng(8, 8, 'x', { width: 100_000, height: 100_000 }))).toBe('image-too-large');
    const jpeg = sampleJpeg(16, 16);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(65_000, sof + 5);
    jpeg.writeUInt16BE(65_000, sof + 7);
    expect(await refusal(jpeg)).toBe('image-too-large');
  });

  it('refuses truncated pictures, other file kinds, and a HEIC file that holds no picture', async () => {
    const png = samplePng(8, 8);
    expect(await refusal(png.subarray(0, png.length - 12))).toBe('damaged');
    const jpeg = sampleJpeg(16, 16);
    expect(await refusal(jpeg.subarray(0, jpeg.length - 40))).toBe('damaged');
    expect(await refusal(Buffer.from('<html><script>alert(1)</script></html>'))).toBe('type');
    expect(await refusal(Buffer.from('MZ\x90\x00 a program', 'latin1'))).toBe('type');
    const heic = Buffer.concat([Buffer.from('0000001c6674797068656963000000006d69663168656963', 'hex'), Buffer.alloc(64)]);
    expect(await refusal(heic)).toBe('damaged');
  });

  it('leaves no location, device or text in a stripped picture (checked again with exifr)', async () => {
    for (const bytes of [sampleJpeg(24, 24, 'CANARY-EXIF-1'), samplePng(24, 24, 'CANARY-EXIF-1')]) {
      const { content } = await inspectDocument(bytes);
      expect(await exifr.parse(content, { tiff: true, gps: true, xmp: true, iptc: true, icc: true, ihdr: false, jfif: false })).toBeUndefined();
      expect(content.includes('CANARY-EXIF-1')).toBe(false);
    }
  });

  it('cleans names: no path, no control or direction characters, the extension of what the file is', () => {
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\x\\Desktop\\visa.PDF', 'application/pdf')).toBe('visa.pdf');
    expect(cleanFileName('report\u0000\u0007\n.pdf', 'application/pdf')).toBe('report.pdf');
    expect(cleanFileName('photo\u202Egpj.exe', 'image/jpeg')).toBe('photogpj.jpg');
    expect(cleanFileName('..', 'image/png')).toBe('document.png');
    expect(cleanFileName('CON', 'application/pdf')).toBe('_CON.pdf');
    expect(cleanFileName('a'.repeat(500), 'application/pdf')).toHaveLength(104);
  });

  it('takes upload pieces only as padded base64', () => {
    const uploadId = 'a'.repeat(32);
    for (const [data, ok] of [['', true], ['QQ==', true], ['QUI=', true], ['QUJD', true], ['QQ=', false], ['Q===', false], ['=QQQ', false], ['QQ=Q', false], ['QU-D', false], ['QUJD\n', false]] as const) {
      expect(UploadChunkInput.safeParse({ uploadId, index: 0, data }).success, data).toBe(ok);
    }
  });
});
