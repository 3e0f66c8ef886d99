// Plain Node (the safehold command-line tool). Never imports electron.
import { resolve } from 'node:path';
import { auditLog, verifyChain } from '../../audit/chain';
import { closeSession, isInstalled, unlockWithPassphrase } from '../../core/installation';
import { dataPaths } from '../../core/paths';
import { STORE_CIPHER } from '../../store/cipher';
import { checkPragmas } from '../../store/open';
import { isDemo } from '../../demo/mark';
import { Refused, required, type CliValues } from '../common';
import { readHidden, readVisible, stdinLines, type CliIo } from '../prompt';

export async function check(values: CliValues, io: CliIo): Promise<number> {
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
      demo: isDemo(db),
      auditLog: { intact: chain.intact, entries: chain.entries, firstBadSeq: chain.firstBadSeq },
    };
    io.stdout.write(`${JSON.stringify(status)}\n`);
    return status.ok ? 0 : 1;
  } finally {
    closeSession(session);
  }
}
