// Plain Node (the safehold command-line tool). Never imports electron.
// For agency IT and scripts. Exit codes: 0 done, 1 a check found a problem, 2 refused (bad usage,
// wrong passphrase, nothing to open). Output never contains case data or staff names.
import { parseArgs } from 'node:util';
import { defaultMessages } from '../../shared/errors';
import { KeyringError } from '../keys/keyring';
import { StoreError } from '../store/errors';
import { audit } from './commands/audit';
import { backup, restore } from './commands/backup';
import { check } from './commands/check';
import { report, verifyReport } from './commands/report';
import { rotateKey } from './commands/rotate-key';
import { demo } from './commands/demo';
import { importCommand } from './commands/import';
import { init } from './commands/init';
import { sync, team } from './commands/team';
import { Refused, type CliValues } from './common';
import type { CliIo } from './prompt';

const USAGE = `Usage:
  safehold init  --data-dir DIR --agency NAME --admin NAME [--passphrase-stdin]
  safehold check --data-dir DIR [--name NAME] [--passphrase-stdin]
  safehold demo  --data-dir DIR [--clients N] [--seed S] [--admin NAME] [--passphrase-stdin]
                 (a store of clearly fictional cases, for training; marked as a demo everywhere)
  safehold audit verify --data-dir DIR [--name NAME] [--passphrase-stdin]   (admins and auditors)
  safehold rotate-key   --data-dir DIR [--name NAME] [--passphrase-stdin]   (admins)
  safehold report --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--format csv,pdf,json]
                 [--lang en|es] [--preset standard|otip|ovc] [--name NAME] [--passphrase-stdin]   (admins, supervisors, auditors)
                 (--lang: the language of the files' titles, labels and notes; codes stay the same)
                 [--exact --reason "why"]   (admins, auditors: exact counts for a funder's portal,
                 no small-count protection; marked on every page and in the manifest, logged)
  safehold verify-report DIR [--fingerprint "XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX"]
                 (needs no store: checks a report folder is complete and unaltered, and with
                 --fingerprint that the agency's key signed it; exit 1 on any problem)
  safehold backup  --data-dir DIR --to FOLDER [--name NAME] [--passphrase-stdin]   (admins)
                   (one encrypted .shbk file: the store, its key slots and a sealed manifest)
  safehold restore --data-dir DIR --from FILE (--name NAME [--passphrase-stdin] | --recovery-key-stdin)
                   [--backup-name NAME [--backup-passphrase-stdin] | --backup-recovery-key-stdin]
                   (checks the whole backup first; the replaced store is kept in DIR/previous-<time>/.
                   Over an existing store: an administrator's current passphrase or the current
                   recovery key; --backup-*: a secret valid when the backup was made, if yours is not)
  safehold import --data-dir DIR --kind clients|services|assessments --file FILE.csv
                  [--name NAME] [--passphrase-stdin]   (admins and supervisors)
                  (checks every row first; lists every problem and writes nothing unless all are valid)
  safehold import --template clients|services|assessments   (prints the columns a file needs)
  safehold team create --data-dir DIR --folder F [--name NAME] [--passphrase-stdin]   (admins)
                 (this laptop starts a team sharing its store through the folder F)
  safehold team invite --data-dir DIR --for NAME --out FILE [--name NAME] [--passphrase-stdin]   (admins)
                 (an invitation file for a new laptop; the one-time code is the last line printed)
  safehold team join --data-dir NEWDIR --invite FILE --folder F --name NAME [--passphrase-stdin]
                 (standard input: the one-time code on the first line, your new passphrase on the second)
  safehold team revoke --data-dir DIR --laptop ID [--name NAME] [--passphrase-stdin]   (admins)
  safehold sync --data-dir DIR [--name NAME] [--passphrase-stdin]
                 (one round with the shared folder; prints {"ok":true,"sent":N,"received":N,"conflicts":N})

The passphrase is asked for on the terminal, or read from the first line of standard input
with --passphrase-stdin. The recovery key is read from standard input with --recovery-key-stdin.
Neither is ever accepted as an argument.`;

const options = {
  'data-dir': { type: 'string' },
  agency: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  clients: { type: 'string' },
  seed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  preset: { type: 'string' },
  exact: { type: 'boolean' },
  reason: { type: 'string' },
  fingerprint: { type: 'string' },
  kind: { type: 'string' },
  file: { type: 'string' },
  template: { type: 'string' },
  folder: { type: 'string' },
  for: { type: 'string' },
  invite: { type: 'string' },
  laptop: { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
  'recovery-key-stdin': { type: 'boolean' },
  'backup-name': { type: 'string' },
  'backup-passphrase-stdin': { type: 'boolean' },
  'backup-recovery-key-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const commands: Record<string, (values: CliValues, io: CliIo, subcommand?: string) => Promise<number>> = {
  init,
  check,
  demo,
  audit,
  'rotate-key': rotateKey,
  backup,
  restore,
  report,
  'verify-report': verifyReport,
  import: importCommand,
  team,
  sync,
};
/** Commands with a second word: `audit verify`, `verify-report DIR`. */
const withSubcommand = new Set(['audit', 'verify-report', 'team']);

/** Node's own message repeats the stray word, which may be a passphrase typed in the wrong place. */
const STRAY_WORD = 'A word was given that is not an option of this command (it is not repeated here). Passphrases are never given on the command line: use --passphrase-stdin, or type it when asked.';

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
    // A word that is not a plain command name (a passphrase typed here by mistake) is not printed back.
    if (!run) throw new Refused(`${/^[a-z][a-z-]{0,29}$/u.test(command) ? `Unknown command "${command}".` : 'That is not a Safehold command.'}\n\n${USAGE}`);
    return await run(values, io, subcommand);
  } catch (error) {
    // Unexpected errors show only their code (e.g. ENOSPC): messages can carry paths or data.
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    let message = `Something went wrong${code}. Nothing was changed.`;
    if (error instanceof Refused || error instanceof KeyringError) message = error.message;
    else if (error instanceof Error && 'code' in error && (error.code === 'SQLITE_FULL' || error.code === 'ENOSPC')) message = defaultMessages.DISK_FULL;
    else if (error instanceof StoreError) message = `The store could not be opened: ${error.message}`;
    else if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') message = `${STRAY_WORD}\n\n${USAGE}`;
    else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) message = `${error.message}\n\n${USAGE}`;
    else if (error instanceof Error && /terminal|Cancelled/u.test(error.message)) message = error.message;
    io.stderr.write(`safehold: ${message}\n`);
    return 2;
  }
}
