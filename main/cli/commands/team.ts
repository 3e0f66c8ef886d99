// Plain Node (the safehold command-line tool). Never imports electron.
// `safehold team create|invite|join|revoke` and `safehold sync`: several laptops sharing one
// caseload through a folder (main/sync/team). Output names no person and no case.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Passphrase } from '../../../shared/schemas/common';
import { auditLog } from '../../audit/chain';
import { closeSession, findUserIdByName, isInstalled, openSession, type OpenSession } from '../../core/installation';
import { dataPaths } from '../../core/paths';
import { writeFileAtomic } from '../../fs/atomic';
import { calibrateKdf } from '../../keys/kdf';
import { formatRecoveryKey, newRecoveryKey } from '../../keys/recovery';
import { createInvitation, createTeam, revokeLaptop, TeamError } from '../../sync/team/enrol';
import { FolderUnavailable } from '../../sync/team/exchange';
import { InvitationError } from '../../sync/team/invitation';
import { joinTeam } from '../../sync/team/join';
import { NotInTeam, syncRound } from '../../sync/team/round';
import { Refused, required, type CliValues } from '../common';
import { readHidden, stdinLines, type CliIo } from '../prompt';
import { signIn } from './unlock';

function refusal(error: unknown): unknown {
  if (error instanceof TeamError || error instanceof InvitationError) return new Refused(`${error.message} Nothing was changed.`);
  if (error instanceof NotInTeam) return new Refused('This laptop is not part of a team. Run `safehold team create` or `safehold team join` first.');
  if (error instanceof FolderUnavailable) return new Refused('The shared folder cannot be reached. Check that the drive or USB stick is connected. Nothing was changed.');
  return error;
}

function record(session: OpenSession, action: string, targetId?: string): void {
  session.db.transaction(() => auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action, targetId: targetId ?? null }))();
}

function round(session: OpenSession, io: CliIo) {
  const summary = syncRound(session.db, new Date());
  if (summary.refused.length > 0) io.stderr.write(`sync: ${summary.refused.length} file(s) could not be used yet (incomplete, not for this team, or altered); they are tried again next time.\n`);
  if (summary.newerFormat) io.stderr.write('sync: another laptop runs a newer Safehold. Update Safehold on this laptop to keep receiving changes.\n');
  record(session, 'sync.round');
  return { ok: true as const, sent: summary.sent, received: summary.received, conflicts: summary.conflicts };
}

async function create(values: CliValues, io: CliIo): Promise<number> {
  const folder = resolve(required(values, 'folder'));
  const { session } = await signIn(values, io, ['admin']);
  try {
    const made = session.db.transaction(() => {
      const result = createTeam(session.db, { folder, userId: session.user.id, now: new Date() });
      auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action: 'team.create', targetId: result.laptopId });
      return result;
    })();
    io.stdout.write(`${JSON.stringify({ ok: true, laptop: made.laptopId, docs: made.docs })}\n`);
    return 0;
  } catch (error) {
    throw refusal(error);
  } finally {
    closeSession(session);
  }
}

async function invite(values: CliValues, io: CliIo): Promise<number> {
  const forName = required(values, 'for');
  const out = resolve(required(values, 'out'));
  const { session } = await signIn(values, io, ['admin']);
  try {
    const userId = findUserIdByName(session.db, forName);
    if (!userId) throw new Refused('No active staff member has that name. Add them first (Admin → Staff). Nothing was changed.');
    const made = await createInvitation(session.db, { userId, now: new Date() });
    mkdirSync(dirname(out), { recursive: true });
    writeFileAtomic(out, made.file);
    record(session, 'team.invite', userId);
    try {
      round(session, io);
    } catch {
      io.stderr.write('invite: the shared folder could not be reached now; the invitation is sent at the next sync.\n');
    }
    io.stdout.write(
      `Invitation written to ${out}. It expires on ${made.expiresAt.slice(0, 10)} and works once.\n` +
        'Give the file and the code below to the person separately. The code is shown only this once:\n' +
        `${made.code}\n`,
    );
    return 0;
  } catch (error) {
    throw refusal(error);
  } finally {
    closeSession(session);
  }
}

async function join(values: CliValues, io: CliIo): Promise<number> {
  const paths = dataPaths(resolve(required(values, 'data-dir')));
  const file = resolve(required(values, 'invite'));
  const folder = resolve(required(values, 'folder'));
  const name = required(values, 'name');
  if (isInstalled(paths)) throw new Refused(`Safehold is already set up in ${paths.dir}. Nothing was changed.`);
  const stdin = values['passphrase-stdin'] ? stdinLines(io) : null;
  const code = stdin ? ((await stdin()) ?? '') : await readHidden(io, 'One-time code: ');
  let passphrase = stdin ? ((await stdin()) ?? '') : await readHidden(io, 'Choose your passphrase: ');
  if (!stdin && (await readHidden(io, 'Type it again: ')) !== passphrase) throw new Refused('The two passphrases differ. Nothing was saved.');
  const checked = Passphrase.safeParse(passphrase);
  if (!checked.success) throw new Refused(`Passphrase: ${checked.error.issues[0]?.message} Nothing was saved.`);
  passphrase = checked.data;
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const recoveryKey = newRecoveryKey();
  io.stderr.write('Measuring this computer to set the passphrase protection (about a second)...\n');
  let joined;
  try {
    joined = await joinTeam({ paths, invitationFile: file, code, folder, name, passphrase, recoveryKey, cost: await calibrateKdf(), now: new Date() });
  } catch (error) {
    throw refusal(error);
  }
  io.stdout.write(
    `This laptop joined the team; its store is in ${paths.dir}\n\n` +
      'Recovery key for this laptop (shown only this once). Keep it in the agency safe:\n\n' +
      `    ${formatRecoveryKey(recoveryKey)}\n\n`,
  );
  const session = openSession(paths, joined.dataKey, joined.userId, joined.identity);
  if (!session) throw new Refused('The new store could not be opened.');
  try {
    let summary = { ok: true as const, sent: 0, received: 0, conflicts: 0 };
    try {
      summary = round(session, io);
    } catch {
      io.stderr.write('join: the shared folder could not be reached now; run `safehold sync` later.\n');
    }
    io.stdout.write(`${JSON.stringify({ ok: true, laptop: joined.laptopId, docs: joined.docs, received: summary.received })}\n`);
    return 0;
  } finally {
    closeSession(session);
  }
}

async function revoke(values: CliValues, io: CliIo): Promise<number> {
  const laptop = required(values, 'laptop');
  const { session } = await signIn(values, io, ['admin']);
  try {
    const done = session.db.transaction(() => {
      const result = revokeLaptop(session.db, { laptopId: laptop, now: new Date() });
      auditLog(session.db, session.auditKey, () => new Date()).append({ actorId: session.user.id, action: 'team.revoke', targetId: laptop });
      return result;
    })();
    round(session, io);
    io.stdout.write(`${JSON.stringify({ ok: true, laptop, epoch: done.epoch })}\n`);
    return 0;
  } catch (error) {
    throw refusal(error);
  } finally {
    closeSession(session);
  }
}

export async function team(values: CliValues, io: CliIo, subcommand?: string): Promise<number> {
  if (subcommand === 'create') return create(values, io);
  if (subcommand === 'invite') return invite(values, io);
  if (subcommand === 'join') return join(values, io);
  if (subcommand === 'revoke') return revoke(values, io);
  throw new Refused('Use `safehold team create`, `team invite`, `team join` or `team revoke`.');
}

export async function sync(values: CliValues, io: CliIo): Promise<number> {
  const { session } = await signIn(values, io);
  try {
    const summary = round(session, io);
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } catch (error) {
    throw refusal(error);
  } finally {
    closeSession(session);
  }
}
