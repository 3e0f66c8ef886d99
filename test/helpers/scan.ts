import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every form a typed string could take on disk. */
function encodings(canary: string): Buffer[] {
  const forms = new Set([canary, canary.toLowerCase(), canary.toUpperCase(), canary.normalize('NFD')]);
  const out: Buffer[] = [];
  for (const form of forms) {
    out.push(Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le'));
    out.push(Buffer.from(Buffer.from(form, 'utf8').toString('base64').replace(/=+$/u, '')));
    out.push(Buffer.from(Buffer.from(form, 'utf8').toString('hex')));
  }
  return out;
}

export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(d, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) files.push(path);
    }
  };
  walk(dir);
  return files;
}

/** Returns "file: canary" for every hit of any canary, in any encoding, in any file under the folders. */
export function scanForCanaries(dirs: string[], canaries: string[]): string[] {
  const needles = canaries.map((c) => ({ canary: c, forms: encodings(c) }));
  const hits: string[] = [];
  for (const file of dirs.flatMap(filesUnder)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const { canary, forms } of needles) {
      if (forms.some((f) => bytes.includes(f))) hits.push(`${file}: ${canary}`);
    }
  }
  return hits;
}
