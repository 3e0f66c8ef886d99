// HEIC/HEIF photos (issue 15 §1): a maintained decoder exists (libheif-js: libheif 1.23 built to
// WebAssembly, runs offline under Node), so a HEIC photo is turned into a JPEG of its main picture in
// memory, keeping nothing else of the file; one whose size passes the budget is refused before any
// decoding, and a cut or damaged one is refused in plain words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { cleanFileName, DocumentRefused, inspectDocument, type RefusalKind } from '../../main/documents/inspect';

const heic = readFileSync(join(__dirname, '../fixtures/heif/synthetic-128x72.heic'));

async function refusal(bytes: Buffer): Promise<RefusalKind | 'accepted'> {
  try {
    await inspectDocument(bytes);
    return 'accepted';
  } catch (error) {
    if (error instanceof DocumentRefused) return error.kind;
    throw error;
  }
}

/** The fixture with its picture size ('ispe' property) declared as width × height. */
function declaring(width: number, height: number): Buffer {
  const copy = Buffer.from(heic);
  let at = copy.indexOf('ispe', 0, 'latin1');
  expect(at).toBeGreaterThan(0);
  while (at >= 0) {
    // ispe: size, 'ispe', version/flags (4), width (4), height (4)
    copy.writeUInt32BE(width, at + 8);
    copy.writeUInt32BE(height, at + 12);
    at = copy.indexOf('ispe', at + 4, 'latin1');
  }
  return copy;
}

describe('HEIC photos', () => {
  it('become a JPEG of the main picture, with nothing else of the file kept', async () => {
    const inspected = await inspectDocument(Buffer.from(heic));
    expect(inspected.mime).toBe('image/jpeg');
    expect(inspected.rotation).toBe(0);
    expect(inspected.stripped).toEqual(['other']);
    const picture = jpeg.decode(inspected.content, { useTArray: true });
    expect([picture.width, picture.height]).toEqual([128, 72]);
    // A real picture, not a blank: the pixels vary.
    expect(new Set(Array.from(picture.data.subarray(0, 4000))).size).toBeGreaterThan(10);
    expect(inspected.content.includes('ftyp')).toBe(false);
    expect(cleanFileName('IMG_0042.HEIC', inspected.mime)).toBe('IMG_0042.jpg');
  });

  it('refuses a HEIC declaring a picture over the budget before decoding it, and a cut or emptied one', async () => {
    expect(await refusal(declaring(40_000, 40_000))).toBe('image-too-large');
    expect(await refusal(declaring(6000, 6000))).toBe('image-too-large');
    expect(await refusal(heic.subarray(0, 300))).not.toBe('accepted');
    // Boxes of length 0 (exifr, used on other pictures, loops forever on them): refused at once.
    expect(await refusal(Buffer.concat([Buffer.from('0000001c6674797068656963000000006d69663168656963', 'hex'), Buffer.alloc(64)]))).toBe('damaged');
    // Its picture cut off half way, and its description (the meta box) emptied.
    expect(await refusal(heic.subarray(0, heic.indexOf('mdat', 0, 'latin1') + 200))).not.toBe('accepted');
    const emptied = Buffer.from(heic);
    emptied.fill(0, heic.indexOf('meta', 0, 'latin1') + 4);
    expect(await refusal(emptied)).not.toBe('accepted');
  });
});
