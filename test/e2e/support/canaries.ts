// Test tooling: many synthetic canary strings from a seeded generator, in several scripts, and a scan
// for all of them at once. The scan looks for the same forms as test/helpers/scan.ts (UTF-8, UTF-16,
// base64 and hex of the string, its lower and upper case and its decomposed form) but reads each file
// once, looking each 4-byte window up in a table, so a thousand canaries over a browser profile stay fast.
import { readFileSync } from 'node:fs';
import { filesUnder } from '../../helpers/scan';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';
const SCRIPTS = [
  'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ', // accented Latin
  'абвгдежзийклмнопрстуфхцчшщыэюя', // Cyrillic
  'กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮ', // Thai
];

/** `count` distinct canaries of 12 characters: ASCII and one other script, in four groups of three. */
export function makeCanaries(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)]!;
  const group = (chars: string) => pick(chars) + pick(chars) + pick(chars);
  const made = new Set<string>();
  while (made.size < count) {
    const script = SCRIPTS[Math.floor(random() * SCRIPTS.length)]!;
    made.add(group(ASCII) + group(script) + group(ASCII) + group(script));
  }
  return [...made];
}

/** Takes canaries off the front of a list, remembering where each was typed, for the report of any hit. */
export class CanaryPool {
  readonly typedIn = new Map<string, string>();
  private next = 0;
  constructor(private readonly all: string[]) {}

  take(n: number, where: string): string[] {
    if (this.next + n > this.all.length) throw new Error(`only ${this.all.length} canaries were made`);
    const taken = this.all.slice(this.next, this.next + n);
    this.next += n;
    for (const c of taken) this.typedIn.set(c, where);
    return taken;
  }

  one(where: string): string {
    return this.take(1, where)[0]!;
  }

  /** Canaries taken so far. */
  get used(): string[] {
    return this.all.slice(0, this.next);
  }
}

function forms(canary: string): Buffer[] {
  const variants = new Set([canary, canary.toLowerCase(), canary.toUpperCase(), canary.normalize('NFD')]);
  const out: Buffer[] = [];
  for (const v of variants) {
    const utf8 = Buffer.from(v, 'utf8');
    out.push(utf8, Buffer.from(v, 'utf16le'), Buffer.from(utf8.toString('base64').replace(/=+$/u, '')), Buffer.from(utf8.toString('hex')));
  }
  return out;
}

/** Returns "file: canary" for every file under the folders that holds any canary in any of its forms. */
export function scanForManyCanaries(dirs: string[], canaries: string[]): string[] {
  const table = new Map<number, { canary: string; bytes: Buffer }[]>();
  for (const canary of canaries) {
    for (const bytes of forms(canary)) {
      const key = bytes.readUInt32LE(0);
      const list = table.get(key) ?? [];
      list.push({ canary, bytes });
      table.set(key, list);
    }
  }
  const hits: string[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    const found = new Set<string>();
    for (let i = 0; i + 4 <= data.length; i++) {
      const candidates = table.get(data.readUInt32LE(i));
      if (!candidates) continue;
      for (const { canary, bytes } of candidates) {
        if (!found.has(canary) && i + bytes.length <= data.length && data.compare(bytes, 0, bytes.length, i, i + bytes.length) === 0) found.add(canary);
      }
    }
    for (const canary of found) hits.push(`${file}: ${canary}`);
  }
  return hits;
}
