// Plain Node (the safehold command-line tool). Never imports electron.
// For agency IT and scripts. Exit codes: 0 done, 1 a check found a problem, 2 refused (bad usage,
// wrong passphrase, nothing to open). Output never contains case data or staff names.
import { parseArgs } from 'node:util';
import { KeyringError } from '../keys/keyring';
import { StoreError } from '../store/errors';
import { audit } from './commands/audit';
import { check } from './commands/check';
import { rotateKey } from './commands/rotate-key';
import { demo } from './commands/demo';
import { init } from './commands/init';
import { Refused, type CliValues } from './common';
import type { CliIo } from './prompt';

const USAGE = `Usage:
  safehold init  --data-dir DIR --agency NAME --admin NAME [--passphrase-stdin]
  safehold check --data-dir DIR [--name NAME] [--passphrase-stdin]
  safehold demo  --data-dir DIR [--clients N] [--seed S] [--admin NAME] [--passphrase-stdin]
                 (a store of clearly fictional cases, for training; marked as a demo everywhere)
  safehold audit verify --data-dir DIR [--name NAME] [--passphrase-stdin]   (admins and auditors)
  safehold rotate-key   --data-dir DIR [--name NAME] [--passphrase-stdin]   (admins)

The passphrase is asked for on the terminal, or read from the first line of standard input
with --passphrase-stdin. It is never accepted as an argument.`;

const options = {
  'data-dir': { type: 'string' },
  agency: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  clients: { type: 'string' },
  seed: { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const commands: Record<string, (values: CliValues, io: CliIo, subcommand?: string) => Promise<number>> = {
  init,
  check,
  demo,
  audit,
  'rotate-key': rotateKey,
};
/** Commands with a second word, e.g. `audit verify`. */
const withSubcommand = new Set(['audit']);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...afterCommand] = argv;
  const subcommand = command && withSubcommand.has(command) && afterCommand[0] && !afterCommand[0].startsWith('-') ? afterCommand[0] : undefined;
  const rest = subcommand ? afterCommand.slice(1) : afterCommand;
  try {
    const { values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
    if (values.help || !command || command === 'help' || command === '--help') {
      io.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!run) throw new Refused(`Unknown command "${command}".\n\n${USAGE}`);
    return await run(values, io, subcommand);
  } catch (error) {
    // Unexpected errors show only their code (e.g. ENOSPC): messages can carry paths or data.
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    let message = `Something went wrong${code}. Nothing was changed.`;
    if (error instanceof Refused || error instanceof KeyringError) message = error.message;
    else if (error instanceof StoreError) message = `The store could not be opened: ${error.message}`;
    else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) message = `${error.message}\n\n${USAGE}`;
    else if (error instanceof Error && /terminal|Cancelled/u.test(error.message)) message = error.message;
    io.stderr.write(`safehold: ${message}\n`);
    return 2;
  }
}
