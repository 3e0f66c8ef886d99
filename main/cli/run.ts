// Plain Node (the safehold command-line tool). Never imports electron.
// For agency IT and scripts. Exit codes: 0 done, 1 a check found a problem, 2 refused (bad usage,
// wrong passphrase, nothing to open). Output never contains case data or staff names.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { PersonName, Passphrase } from '../../shared/schemas/common';
import { verifyChain, auditLog } from '../audit/chain';
import { createInstallation, isInstalled, unlockWithPassphrase, closeSession } from '../core/installation';
import { dataPaths } from '../core/paths';
import { calibrateKdf } from '../keys/kdf';
import { formatRecoveryKey, newRecoveryKey } from '../keys/recovery';
import { STORE_CIPHER } from '../store/cipher';
import { StoreError } from '../store/errors';
import { checkPragmas } from '../store/open';
import { KeyringError } from '../keys/keyring';
import { readHidden, readVisible, stdinLines, type CliIo } from './prompt';

const USAGE = `Usage:
  safehold init  --data-dir DIR --agency NAME --admin NAME [--passphrase-stdin]
  safehold check --data-dir DIR [--name NAME] [--passphrase-stdin]

The passphrase is asked for on the terminal, or read from the first line of standard input
with --passphrase-stdin. It is never accepted as an argument.`;

class Refused extends Error {}

const options = {
  'data-dir': { type: 'string' },
  agency: { type: 'string' },
  admin: { type: 'string' },
  name: { type: 'string' },
  'passphrase-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function required(value: string | undefined, flag: string): string {
  if (!value) throw new Refused(`Missing ${flag}.\n\n${USAGE}`);
  return value;
}

async function init(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const paths = dataPaths(resolve(required(values['data-dir'] as string | undefined, '--data-dir')));
  const agency = PersonName.safeParse(required(values.agency as string | undefined, '--agency'));
  const admin = PersonName.safeParse(required(values.admin as string | undefined, '--admin'));
  if (!agency.success) throw new Refused(`--agency: ${agency.error.issues[0]?.message}`);
  if (!admin.success) throw new Refused(`--admin: ${admin.error.issues[0]?.message}`);
  if (isInstalled(paths)) throw new Refused(`Safehold is already set up in ${paths.dir}. Nothing was changed.`);

  let passphrase: string;
  if (values['passphrase-stdin']) {
    passphrase = (await stdinLines(io)()) ?? '';
  } else {
    passphrase = await readHidden(io, 'Choose a passphrase for the administrator: ');
    if ((await readHidden(io, 'Type it again: ')) !== passphrase) throw new Refused('The two passphrases differ. Nothing was saved.');
  }
  const checked = Passphrase.safeParse(passphrase);
  if (!checked.success) throw new Refused(`Passphrase: ${checked.error.issues[0]?.message} Nothing was saved.`);

  const recoveryKey = newRecoveryKey();
  io.stderr.write('Measuring this computer to set the passphrase protection (about a second)...\n');
  await createInstallation({
    paths,
    agencyName: agency.data,
    adminName: admin.data,
    passphrase: checked.data,
    recoveryKey,
    cost: await calibrateKdf(),
    now: new Date(),
  });
  io.stdout.write(
    `Safehold is set up in ${paths.dir}\n\n` +
      'Recovery key (shown only this once). Print it or write it down, and keep it in the agency safe.\n' +
      'It is the only way back in if every passphrase is lost:\n\n' +
      `    ${formatRecoveryKey(recoveryKey)}\n\n`,
  );
  return 0;
}

async function check(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const paths = dataPaths(resolve(required(values['data-dir'] as string | undefined, '--data-dir')));
  if (!isInstalled(paths)) throw new Refused(`Safehold is not set up in ${paths.dir}.`);
  const stdin = values['passphrase-stdin'] ? stdinLines(io) : null;
  let name = values.name as string | undefined;
  if (!name) {
    if (stdin) throw new Refused('Give --name with --passphrase-stdin.');
    name = await readVisible(io, 'Your name: ');
  }
  const passphrase = stdin ? ((await stdin()) ?? '') : await readHidden(io, 'Passphrase: ');
  const session = await unlockWithPassphrase(paths, name, passphrase);
  if (!session) throw new Refused('That name and passphrase do not match. Nothing was changed.');
  try {
    const { db } = session;
    const wrongPragmas = checkPragmas(db);
    const integrity = db.pragma('integrity_check', { simple: true });
    const chain = verifyChain(db, session.auditKey);
    db.transaction(() => {
      const log = auditLog(db, session.auditKey, () => new Date());
      log.append({ actorId: session.user.id, action: 'session.unlock.cli' });
      log.append({ actorId: session.user.id, action: 'store.check' });
    })();
    const status = {
      ok: wrongPragmas.length === 0 && integrity === 'ok' && chain.intact,
      cipher: STORE_CIPHER,
      sqlite3mc: String(db.prepare('SELECT sqlite3mc_version()').pluck().get()),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      pragmas: wrongPragmas.length === 0 ? 'ok' : { wrong: wrongPragmas },
      integrity,
      auditLog: { intact: chain.intact, entries: chain.entries, firstBadSeq: chain.firstBadSeq },
    };
    io.stdout.write(`${JSON.stringify(status)}\n`);
    return status.ok ? 0 : 1;
  } finally {
    closeSession(session);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
    if (values.help || !command || command === 'help' || command === '--help') {
      io.stdout.write(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (command === 'init') return await init(values, io);
    if (command === 'check') return await check(values, io);
    throw new Refused(`Unknown command "${command}".\n\n${USAGE}`);
  } catch (error) {
    let message = 'Something went wrong. Nothing was changed.';
    if (error instanceof Refused || error instanceof KeyringError) message = error.message;
    else if (error instanceof StoreError) message = `The store could not be opened: ${error.message}`;
    else if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) message = `${error.message}\n\n${USAGE}`;
    else if (error instanceof Error && /terminal|Cancelled/u.test(error.message)) message = error.message;
    io.stderr.write(`safehold: ${message}\n`);
    return 2;
  }
}
