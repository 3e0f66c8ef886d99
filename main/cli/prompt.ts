// Plain Node (the safehold command-line tool). Never imports electron.
// Secrets come from the terminal (not echoed) or from standard input; never from an argument,
// which other users of the machine could read in the process list and shell history.
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
}

/** Reads lines from standard input once; each call takes the next line. */
export function stdinLines(io: CliIo): () => Promise<string | null> {
  let lines: Promise<string[]> | null = null;
  let index = 0;
  return async () => {
    lines ??= (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks).toString('utf8').split(/\r?\n/u);
    })();
    const all = await lines;
    return index < all.length && !(index === all.length - 1 && all[index] === '') ? all[index++]! : null;
  };
}

export function readHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode) {
    return Promise.reject(new Error('No terminal to ask for the passphrase. Use --passphrase-stdin.'));
  }
  io.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readVisible(io: CliIo, prompt: string): Promise<string> {
  if (!io.stdin.isTTY) throw new Error('No terminal to ask for the name. Use --name.');
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}
