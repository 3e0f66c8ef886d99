import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';

// A passphrase typed on the command line by mistake (as a stray word, an option's value or in place
// of the command) must not be printed back: terminals keep scrollback and scripts keep logs.
const SECRET = 'orchard kettle violet 88';

async function cli(args: string[]) {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  io.stdin.end('');
  const out = { stdout: '', stderr: '' };
  io.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  io.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  return { code: await runCli(args, io), ...out };
}

describe('the CLI never repeats a stray word back', () => {
  it.each([
    ['a stray word after the options', ['check', '--data-dir', '/nonexistent', SECRET]],
    ['an unknown option with a value', ['check', `--passphrase=${SECRET}`]],
    ['an unknown option, then the value', ['check', '--passphrase', SECRET]],
    ['a secret in place of the command', [SECRET]],
  ])('%s: refused (exit 2) with usage, the word not printed', async (_, args) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^safehold: /u);
    expect(result.stdout + result.stderr).not.toContain('kettle');
  });

  it('still names an unknown option or command that is a plain word', async () => {
    expect((await cli(['check', '--colour'])).stderr).toContain('--colour');
    expect((await cli(['chekc'])).stderr).toContain('"chekc"');
  });
});
