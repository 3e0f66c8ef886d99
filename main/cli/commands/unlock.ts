// Plain Node (the safehold command-line tool). Never imports electron.
import { resolve } from 'node:path';
import type { Role } from '../../../shared/roles';
import { anchorNotice, checkAnchors, configFolderKeeper, storeIdOf, writeAnchors } from '../../audit/anchor';
import { auditLog } from '../../audit/chain';
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
  noteAnchors(paths, session, io);
  return { paths, session };
}

const NOTICES = {
  'first-use': 'Note: this computer had no record of this store\'s access log yet; it keeps one from now on.',
  'anchor-missing': 'Warning: the access-log anchor beside the store was deleted. An administrator should run `safehold audit verify`.',
  'rolled-back': 'Warning: this data folder is older than this computer remembers (it may have been copied back). An administrator should run `safehold audit verify`.',
} as const;

/**
 * The anchors as found at sign-in (kept for `audit verify` and `check`), said on standard error,
 * recorded when something is wrong, and then brought up to date (the copy outside the data folder
 * lives in the user's config folder: $XDG_CONFIG_HOME/safehold/anchors/<store-id>.json).
 */
function noteAnchors(paths: DataPaths, session: OpenSession, io: CliIo): void {
  const outside = { keeper: configFolderKeeper(), storeId: storeIdOf(paths.keyring) };
  session.anchorsAtStart = checkAnchors(paths.dir, session.db, session.auditKey, outside);
  const notice = anchorNotice(session.anchorsAtStart);
  if (notice) io.stderr.write(`${NOTICES[notice]}\n`);
  if (notice === 'rolled-back' || notice === 'anchor-missing') {
    session.db.transaction(() => auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action: `audit.anchor.${notice}`, outcome: 'failed' }))();
  }
  writeAnchors(paths.dir, session.db, session.auditKey, outside, new Date());
}
