// Main process or the sync worker (plain Node). Never imports electron.
// The shared folder's layout. Each laptop writes only inside its own directory, named by its random
// id: numbered bundles (immutable once renamed into place), one join file, team-key files after a
// revocation, and its replaceable "seen" file. A file is written under a temporary name, flushed to
// disk and renamed, so a reader never sees a half-written file under a real name; a file half-copied
// by a cloud or USB tool simply fails verification and is tried again next round.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../fs/atomic';
import { readRegularFile } from '../../fs/regular-file';
import { pauseAt } from './test-pause';

const LAPTOP = /^[0-9a-f]{16}$/u;
const BUNDLE = /^([1-9][0-9]{0,14})\.shb$/u;
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const isLaptopId = (s: string): boolean => LAPTOP.test(s);

export function laptopDirs(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => LAPTOP.test(n)).sort();
}

export function filesOf(folder: string, laptop: string): string[] {
  try {
    return readdirSync(join(folder, laptop));
  } catch {
    return [];
  }
}

export function bundleSeqs(folder: string, laptop: string): number[] {
  return filesOf(folder, laptop)
    .map((n) => BUNDLE.exec(n)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export const bundleName = (seq: number): string => `${seq}.shb`;
export const joinName = (invite: string): string => `join-${invite}.shj`;
export const keyFileName = (epoch: string): string => `k-${epoch}.shk`;
export const SEEN_FILE = 'seen.shs';

/**
 * The file's bytes, or null when it is missing, unreadable, too large to be ours or not an ordinary
 * file (anyone with the folder can put a FIFO, which would block this thread, or a link to /dev/zero there).
 */
export function readIfPresent(path: string): Buffer | null {
  try {
    return readRegularFile(path, MAX_FILE_BYTES);
  } catch {
    return null;
  }
}

/** Temporary name, write, fsync, rename, fsync the directory. */
export function writeDurably(folder: string, laptop: string, name: string, bytes: Buffer): void {
  const dir = join(folder, laptop);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, name), bytes, BUNDLE.test(name) ? () => pauseAt('bundle-write') : undefined);
}

/** Removes this laptop's own bundles up to seq, and temporary files a crash left behind. */
export function pruneOwn(folder: string, laptop: string, upto: number): number {
  let removed = 0;
  for (const name of filesOf(folder, laptop)) {
    const seq = BUNDLE.exec(name)?.[1];
    const stale = name.startsWith('.') && name.endsWith('.tmp');
    if ((seq !== undefined && Number(seq) <= upto) || stale) {
      rmSync(join(folder, laptop, name), { force: true });
      if (!stale) removed += 1;
    }
  }
  return removed;
}
