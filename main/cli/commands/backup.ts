// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold backup`: an encrypted backup file of the store into a folder (admins).
// `safehold restore`: checks a backup completely, then replaces the store with it, keeping the
// previous one in a previous-<time> folder. Over an existing store it needs an administrator's current
// passphrase or the current recovery key; current staff, key slots, the access log and case numbers
// carry over (backup/restore-over.ts). Works in an empty data folder too (a new computer), with the
// backup's own secret.
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

type Next = (() => Promise<string | null>) | null;

/** A recovery key from standard input, or a name with a passphrase (from standard input or the terminal). */
async function readSecret(values: CliValues, io: CliIo, stdin: Next, flags: { name: string; passphrase: string; key: string }, prompt: string): Promise<BackupSecret | undefined> {
  if (values[flags.key]) {
    if (values[flags.name] !== undefined || values[flags.passphrase]) throw new Refused(`Use either --${flags.key}, or --${flags.name} with a passphrase; not both.`);
    const key = RecoveryKeyText.safeParse((await stdin!()) ?? '');
    if (!key.success) throw new Refused('That is not a recovery key: it has 32 letters and digits. Nothing was changed.');
    return { recoveryKey: key.data };
  }
  const given = values[flags.name];
  let name = typeof given === 'string' ? given : undefined;
  if (!name) {
    if (values[flags.passphrase]) throw new Refused(`Give --${flags.name} with --${flags.passphrase}.`);
    if (flags.name !== 'name') return undefined;
    name = await readVisible(io, 'Your name: ');
  }
  const passphrase = values[flags.passphrase] ? ((await stdin!()) ?? '') : await readHidden(io, prompt);
  return { name, passphrase };
}

/**
 * Your secret (--name or --recovery-key-stdin): over an existing store it must be an administrator's
 * current passphrase or the current recovery key, and it also opens the backup when it can. A backup
 * made under an earlier key may need its own (--backup-name or --backup-recovery-key-stdin); standard
 * input then holds your secret on the first line and the backup's on the second.
 */
async function restoreSecrets(values: CliValues, io: CliIo): Promise<{ current: BackupSecret; backup: BackupSecret | undefined }> {
  const fromStdin = ['recovery-key-stdin', 'passphrase-stdin', 'backup-recovery-key-stdin', 'backup-passphrase-stdin'].some((flag) => values[flag]);
  const stdin = fromStdin ? stdinLines(io) : null;
  const current = await readSecret(values, io, stdin, { name: 'name', passphrase: 'passphrase-stdin', key: 'recovery-key-stdin' }, 'Passphrase: ');
  const backup = await readSecret(values, io, stdin, { name: 'backup-name', passphrase: 'backup-passphrase-stdin', key: 'backup-recovery-key-stdin' }, 'Passphrase valid when the backup was made: ');
  return { current: current!, backup };
}

export async function restore(values: CliValues, io: CliIo): Promise<number> {
  const paths = dataPaths(resolve(required(values, 'data-dir')));
  const file = resolve(required(values, 'from'));
  const { current, backup } = await restoreSecrets(values, io);
  try {
    const { summary, previous, deactivatedAgain, keyRotated, logCarried } = await restoreBackup({
      paths,
      file,
      secret: backup ?? current,
      authority: { kind: 'secret', secret: current },
      now: new Date(),
      onStep: (step) => io.stderr.write(`restore: ${step}\n`),
    });
    // The restore was vouched for: the anchor kept outside the data folder follows the restored store.
    adoptFolderAnchor(paths.dir, configFolderKeeper(), storeIdOf(paths.keyring));
    io.stdout.write(`${JSON.stringify({ ok: true, ...summary, previous, deactivatedAgain, keyRotated, logCarried })}\n`);
    return 0;
  } catch (error) {
    throw refusedIfBackupError(error);
  }
}
