// Main process (plain Node). Never imports electron.
// HEIC/HEIF photos (what phones save) become JPEG here, in memory, before anything is stored: libheif
// (libheif-js, libheif built to WebAssembly, loaded on the first HEIC only) decodes the main picture
// with its rotation and mirroring applied, and jpeg-js writes a plain JPEG of the pixels. Nothing of
// the original container (location, device, dates, thumbnails, depth maps, other pictures in it) is
// kept. The size is read from the container before anything is decoded, and held to a smaller
// budget than other pictures: decoding needs about 10 bytes per pixel at once.
import jpeg from 'jpeg-js';

/** Phones save 12 and 24 megapixels by default; decoding 25 MP takes about 250 MB for a moment. */
export const HEIC_MAX_PIXELS = 25_000_000;
const JPEG_QUALITY = 90;

export class HeicFailed extends Error {
  constructor(readonly kind: 'damaged' | 'too-large' | 'undecodable') {
    super(`HEIC ${kind}`);
  }
}

/** The part of libheif-js's decoder used here (the package declares only its low-level calls). */
interface HeifImage {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  display(target: { data: Uint8ClampedArray; width: number; height: number }, done: (result: unknown) => void): void;
  free(): void;
}
interface Libheif {
  HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[] };
}

/** Named at run time: the bundler leaves it to Node (libheif-js stays in node_modules, replaceable as its LGPL asks). */
const LIBHEIF = 'libheif-js/wasm-bundle.js';
let loading: Promise<Libheif> | null = null;

function libheif(): Promise<Libheif> {
  loading ??= (import(LIBHEIF) as Promise<{ default: Libheif }>).then((m) => m.default);
  return loading;
}

/** The main picture of a HEIC/HEIF file as JPEG bytes. Throws HeicFailed. */
export async function heicToJpeg(bytes: Buffer): Promise<{ content: Buffer; width: number; height: number }> {
  const lib = await libheif();
  let images: HeifImage[];
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
