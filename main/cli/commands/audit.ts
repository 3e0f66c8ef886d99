// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold audit verify`: is the access log intact? Names the first bad entry when it is not.
import { checkAnchors, configFolderKeeper, storeIdOf, writeAnchor } from '../../audit/anchor';
import { auditLog } from '../../audit/chain';
import { verifyAccessLog } from '../../audit/verify-log';
import { closeSession } from '../../core/installation';
import { Refused, type CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

export async function audit(values: CliValues, io: CliIo, subcommand: string | undefined): Promise<number> {
  if (subcommand !== 'verify') throw new Refused('Usage: safehold audit verify --data-dir DIR [--name NAME] [--passphrase-stdin]');
  const { paths, session } = await signIn(values, io, ['admin', 'auditor']);
  try {
    const now = checkAnchors(paths.dir, session.db, session.auditKey, { keeper: configFolderKeeper(), storeId: storeIdOf(paths.keyring) });
    const verdict = verifyAccessLog(session.db, session.auditKey, session.identity, { atStart: session.anchorsAtStart, now });
    session.db.transaction(() =>
      auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action: 'audit.verify.cli', outcome: verdict.intact ? 'ok' : 'failed' }),
    )();
    if (verdict.intact) writeAnchor(paths.dir, session.db, session.auditKey);
    const { intact, entries, firstBadSeq, anchor, outsideAnchor, head, vouchedThrough, problem } = verdict;
    io.stdout.write(`${JSON.stringify({ intact, entries, firstBadSeq, anchor, outsideAnchor, head, vouchedThrough, problem })}\n`);
    return intact ? 0 : 1;
  } finally {
    closeSession(session);
  }
}
