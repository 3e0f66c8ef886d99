// Plain Node (the safehold command-line tool). Never imports electron.
import { resolve } from 'node:path';
import type { Role } from '../../../shared/roles';
import { closeSession, isInstalled, unlockWithPassphrase, type OpenSession } from '../../core/installation';
import { dataPaths, type DataPaths } from '../../core/paths';
import { Refused, required, type CliValues } from '../common';
import { readHidden, readVisible, stdinLines, type CliIo } from '../prompt';

/** Signs in for one command: --name (or asked), passphrase from the terminal or standard input. */
export async function signIn(values: CliValues, io: CliIo, roles?: readonly Role[]): Promise<{ paths: DataPaths; session: OpenSession }> {
  const paths = dataPaths(resolve(required(values, 'data-dir')));
  if (!isInstalled(paths)) throw new Refused(`Safehold is not set up in ${paths.dir}.`);
  const stdin = values['passphrase-stdin'] ? stdinLines(io) : null;
  let name = typeof values.name === 'string' ? values.name : undefined;
  if (!name) {
    if (stdin) throw new Refused('Give --name with --passphrase-stdin.');
    name = await readVisible(io, 'Your name: ');
  }
  const passphrase = stdin ? ((await stdin()) ?? '') : await readHidden(io, 'Passphrase: ');
  const session = await unlockWithPassphrase(paths, name, passphrase);
  if (!session) throw new Refused('That name and passphrase do not match. Nothing was changed.');
  if (roles && !roles.includes(session.user.role)) {
    closeSession(session);
    throw new Refused(`This needs one of these roles: ${roles.join(', ')}. Nothing was changed.`);
  }
  return { paths, session };
}
