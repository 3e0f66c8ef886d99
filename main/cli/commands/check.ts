// Plain Node (the safehold command-line tool). Never imports electron.
import { checkAnchor } from '../../audit/anchor';
import { auditLog, verifyChain } from '../../audit/chain';
import { closeSession } from '../../core/installation';
import { isDemo } from '../../demo/mark';
import { STORE_CIPHER } from '../../store/cipher';
import { checkPragmas } from '../../store/open';
import type { CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

export async function check(values: CliValues, io: CliIo): Promise<number> {
  const { paths, session } = await signIn(values, io);
  try {
    const { db } = session;
    const wrongPragmas = checkPragmas(db);
    const integrity = db.pragma('integrity_check', { simple: true });
    const chain = verifyChain(db, session.auditKey);
    // As found at sign-in (signIn brings the anchors up to date afterwards).
    const anchor = session.anchorsAtStart?.folder ?? checkAnchor(paths.dir, db, session.auditKey);
    db.transaction(() => {
      const log = auditLog(db, session.auditKey, () => new Date());
      log.append({ actorId: session.user.id, action: 'session.unlock.cli' });
      log.append({ actorId: session.user.id, action: 'store.check' });
    })();
    const auditOk = chain.intact && anchor !== 'truncated' && anchor !== 'forged' && anchor !== 'older';
    const status = {
      ok: wrongPragmas.length === 0 && integrity === 'ok' && auditOk,
      cipher: STORE_CIPHER,
      sqlite3mc: String(db.prepare('SELECT sqlite3mc_version()').pluck().get()),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      pragmas: wrongPragmas.length === 0 ? 'ok' : { wrong: wrongPragmas },
      integrity,
      demo: isDemo(db),
      clients: db.prepare('SELECT count(*) FROM clients').pluck().get() as number,
      auditLog: { intact: auditOk, entries: chain.entries, firstBadSeq: chain.firstBadSeq, anchor },
    };
    io.stdout.write(`${JSON.stringify(status)}\n`);
    return status.ok ? 0 : 1;
  } finally {
    closeSession(session);
  }
}
