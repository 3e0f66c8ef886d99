// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold backup`: an encrypted backup file of the store into a folder (admins).
// `safehold restore`: checks a backup completely, then replaces the store with it, keeping the
// previous one in a previous-<time> folder. Works in an empty data folder too (a new computer).
import { resolve } from 'node:path';
import { RecoveryKeyText } from '../../../shared/schemas/session';
import { BackupError } from '../../backup/errors';
import { restoreBackup } from '../../backup/restore';
import { adoptFolderAnchor, configFolderKeeper, storeIdOf } from '../../audit/anchor';
import { backUpSession } from '../../backup/session';
import type { BackupSecret } from '../../backup/verify';
import { closeSession } from '../../core/installation';
import { dataPaths } from '../../core/paths';
import { Refused, required, type CliValues } from '../common';
import { readHidden, readVisible, stdinLines, type CliIo } from '../prompt';
import { signIn } from './unlock';

function refusedIfBackupError(error: unknown): unknown {
  return error instanceof BackupError ? new Refused(error.message) : error;
}

export async function backup(values: CliValues, io: CliIo): Promise<number> {
  const folder = resolve(required(values, 'to'));
  const { paths, session } = await signIn(values, io, ['admin']);
  try {
    const made = backUpSession(session, paths, folder, new Date());
    io.stdout.write(`${JSON.stringify({ ok: true, file: made.file, bytes: made.bytes, createdAt: made.createdAt })}\n`);
    return 0;
  } catch (error) {
    throw refusedIfBackupError(error);
  } finally {
    closeSession(session);
  }
}

async function backupSecret(values: CliValues, io: CliIo): Promise<BackupSecret> {
  const stdin = values['recovery-key-stdin'] || values['passphrase-stdin'] ? stdinLines(io) : null;
  if (values['recovery-key-stdin']) {
    if (values.name !== undefined || values['passphrase-stdin']) throw new Refused('Use either --recovery-key-stdin, or --name with a passphrase; not both.');
    const key = RecoveryKeyText.safeParse((await stdin!()) ?? '');
    if (!key.success) throw new Refused('That is not a recovery key: it has 32 letters and digits. Nothing was changed.');
    return { recoveryKey: key.data };
  }
  let name = typeof values.name === 'string' ? values.name : undefined;
  if (!name) {
    if (stdin) throw new Refused('Give --name with --passphrase-stdin.');
    name = await readVisible(io, 'Your name (as when the backup was made): ');
  }
  const passphrase = stdin ? ((await stdin()) ?? '') : await readHidden(io, 'Passphrase (as when the backup was made): ');
  return { name, passphrase };
}

export async function restore(values: CliValues, io: CliIo): Promise<number> {
  const paths = dataPaths(resolve(required(values, 'data-dir')));
  const file = resolve(required(values, 'from'));
  const secret = await backupSecret(values, io);
  try {
    const { summary, previous, deactivatedAgain, keyRotated } = await restoreBackup({ paths, file, secret, now: new Date(), onStep: (step) => io.stderr.write(`restore: ${step}\n`) });
    // A restore is not a rollback: the anchor kept in the config folder follows the restored store.
    adoptFolderAnchor(paths.dir, configFolderKeeper(), storeIdOf(paths.keyring));
    io.stdout.write(`${JSON.stringify({ ok: true, ...summary, previous, deactivatedAgain, keyRotated })}\n`);
    return 0;
  } catch (error) {
    throw refusedIfBackupError(error);
  }
}
