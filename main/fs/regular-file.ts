// Main process (plain Node). Never imports electron.
// Opening a file someone picked (an import, a backup to inspect or restore) only when it is an
// ordinary file. A FIFO, a device such as /dev/zero, a socket or a folder is refused; so is a link to
// one. The check is made on the opened descriptor (fstat), so what is checked is what is read, and
// the open itself never waits: O_NONBLOCK makes opening a FIFO with no writer return at once.
// A link to an ordinary file is followed (file pickers and synced folders hand those out); the
// descriptor's own type is what counts.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type RegularFileProblem = 'missing' | 'not-regular' | 'too-large' | 'changed';

export class RegularFileError extends Error {
  constructor(readonly problem: RegularFileProblem) {
    super(`file refused: ${problem}`);
    this.name = 'RegularFileError';
  }
}

// O_NONBLOCK and O_NOCTTY do not exist on Windows (no FIFOs or terminals to open by path there).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export interface OpenedRegularFile {
  fd: number;
  size: number;
}

/** Opens path read-only if (after following links) it is an ordinary file. The caller closes fd. */
export function openRegularFile(path: string): OpenedRegularFile {
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch {
    throw new RegularFileError('missing');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new RegularFileError('not-regular');
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * The whole of an ordinary file of at most maxBytes. The limit is kept while reading too: a file
 * that grows or shrinks while it is read is refused rather than read past what was checked.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  const { fd, size } = openRegularFile(path);
  try {
    if (size > maxBytes) throw new RegularFileError('too-large');
    // One byte more than the file should hold, to notice a file that grew.
    const buffer = Buffer.alloc(size + 1);
    let done = 0;
    for (;;) {
      const n = readSync(fd, buffer, done, buffer.length - done, done);
      if (n === 0) break;
      done += n;
      if (done > size) throw new RegularFileError('changed');
    }
    if (done !== size) throw new RegularFileError('changed');
    return buffer.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}
