// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold audit verify`: is the access log intact? Names the first bad entry when it is not.
import { checkAnchor, writeAnchor } from '../../audit/anchor';
import { auditLog, verifyChain } from '../../audit/chain';
import { closeSession } from '../../core/installation';
import { Refused, type CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

export async function audit(values: CliValues, io: CliIo, subcommand: string | undefined): Promise<number> {
  if (subcommand !== 'verify') throw new Refused('Usage: safehold audit verify --data-dir DIR [--name NAME] [--passphrase-stdin]');
  const { paths, session } = await signIn(values, io, ['admin', 'auditor']);
  try {
    const chain = verifyChain(session.db, session.auditKey);
    const anchor = checkAnchor(paths.dir, session.db, session.auditKey);
    const intact = chain.intact && anchor !== 'truncated' && anchor !== 'forged';
    session.db.transaction(() => auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action: 'audit.verify.cli' }))();
    if (intact) writeAnchor(paths.dir, session.db, session.auditKey);
    io.stdout.write(`${JSON.stringify({ intact, entries: chain.entries, firstBadSeq: chain.firstBadSeq, anchor, head: chain.head })}\n`);
    return intact ? 0 : 1;
  } finally {
    closeSession(session);
  }
}
