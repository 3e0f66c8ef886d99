// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold rotate-key`: a new data key now (after a lost laptop or a suspected leak), sealed to
// every slot; the store is re-encrypted on a copy and swapped in only when verified.
import { readKeyring } from '../../keys/keyring';
import { closeSession } from '../../core/installation';
import { rotate } from '../../core/accounts';
import { SignInThrottle } from '../../keys/throttle';
import type { CliValues } from '../common';
import type { CliIo } from '../prompt';
import { signIn } from './unlock';

export async function rotateKey(values: CliValues, io: CliIo): Promise<number> {
  const { paths, session } = await signIn(values, io, ['admin']);
  const ctx = { paths, session, now: new Date(), throttle: new SignInThrottle(paths.dir) };
  const reopened = rotate(ctx, readKeyring(paths.keyring), (step) => io.stderr.write(`rotate-key: ${step}\n`));
  try {
    io.stdout.write(`${JSON.stringify({ ok: true, keyEpoch: readKeyring(paths.keyring).keyEpoch })}\n`);
    return 0;
  } finally {
    closeSession(reopened);
  }
}
