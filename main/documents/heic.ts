// Main process (plain Node). Never imports electron.
// HEIC/HEIF photos (what phones save) become JPEG here, in memory, before anything is stored: libheif
// (libheif-js, libheif built to WebAssembly, loaded on the first HEIC only) decodes the main picture
// with its rotation and mirroring applied, and jpeg-js writes a plain JPEG of the pixels. Nothing of
// the original container (location, device, dates, thumbnails, depth maps, other pictures in it) is
// kept. The size is read from the container before anything is decoded, and held to a smaller
// budget than other pictures: decoding needs about 10 bytes per pixel at once.
import jpeg from 'jpeg-js';
import type libheifModule from 'libheif-js/wasm-bundle.js';

/** Phones save 12 and 24 megapixels by default; decoding 25 MP takes about 250 MB for a moment. */
export const HEIC_MAX_PIXELS = 25_000_000;
const JPEG_QUALITY = 90;

export class HeicFailed extends Error {
  constructor(readonly kind: 'damaged' | 'too-large' | 'undecodable') {
    super(`HEIC ${kind}`);
  }
}

type Libheif = typeof libheifModule;
let loading: Promise<Libheif> | null = null;

function libheif(): Promise<Libheif> {
  loading ??= import('libheif-js/wasm-bundle.js').then((m) => m.default);
  return loading;
}

/** The main picture of a HEIC/HEIF file as JPEG bytes. Throws HeicFailed. */
export async function heicToJpeg(bytes: Buffer): Promise<{ content: Buffer; width: number; height: number }> {
  const lib = await libheif();
  let images: ReturnType<InstanceType<Libheif['HeifDecoder']>['decode']>;
  try {
    images = new lib.HeifDecoder().decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new HeicFailed('damaged');
  }
  try {
    const primary = images.find((i) => i.is_primary()) ?? images[0];
    if (!primary) throw new HeicFailed('damaged');
    const width = primary.get_width();
    const height = primary.get_height();
    if (!(width > 0 && height > 0)) throw new HeicFailed('damaged');
    if (width > 30_000 || height > 30_000 || width * height > HEIC_MAX_PIXELS) throw new HeicFailed('too-large');
    const pixels = new Uint8ClampedArray(width * height * 4);
    const ok = await new Promise<boolean>((resolve) => primary.display({ data: pixels, width, height }, (result) => resolve(Boolean(result))));
    if (!ok) throw new HeicFailed('undecodable');
    const data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    try {
      return { content: Buffer.from(jpeg.encode({ data, width, height }, JPEG_QUALITY).data), width, height };
    } finally {
      data.fill(0);
    }
  } finally {
    for (const image of images) image.free();
  }
}
