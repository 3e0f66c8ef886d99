// Plain Node (the safehold command-line tool). Never imports electron.
// A store full of clearly fictional cases for training and trying Safehold without real data.
// The store is marked as a demo, and the app says so on every screen.
import { auditLog } from '../../audit/chain';
import { closeSession, newUserId, unlockWithPassphrase } from '../../core/installation';
import { markDemo } from '../../demo/mark';
import { seedClients } from '../../demo/generator';
import { staffNames } from '../../demo/names';
import { nameKey } from '../../keys/names';
import { Refused, type CliValues } from '../common';
import type { CliIo } from '../prompt';
import { install } from './init';

function wholeNumber(value: string | boolean | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Refused(`--${flag} takes a whole number from 0 to ${max}.`);
  return n;
}

export async function demo(values: CliValues, io: CliIo): Promise<number> {
  const count = wholeNumber(values.clients, 'clients', 200, 1_000_000);
  const seed = wholeNumber(values.seed, 'seed', 1, 2 ** 31);
  const { paths, adminName, passphrase } = await install(values, io, { agency: 'Demo Agency (fictional)', admin: 'Demo Admin' });
  const session = await unlockWithPassphrase(paths, adminName, passphrase);
  if (!session) throw new Refused('The new demo store could not be opened.');
  try {
    const { db } = session;
    const now = new Date();
    const workers = db.transaction(() => {
      markDemo(db);
      const insert = db.prepare('INSERT INTO users (id, display_name, name_key, role, created_at) VALUES (?, ?, ?, ?, ?)');
      const ids = staffNames.map((name) => {
        const id = newUserId();
        insert.run(id, name, nameKey(name), name.includes('Auditor') ? 'auditor' : name.includes('Supervisor') ? 'supervisor' : 'caseworker', now.toISOString());
        return { id, works: !name.includes('Auditor') };
      });
      auditLog(db, session.auditKey, () => now).append({ actorId: session.user.id, action: 'demo.seed' });
      return [session.user.id, ...ids.filter((w) => w.works).map((w) => w.id)];
    })();
    seedClients(db, {
      count,
      seed,
      today: now,
      workerIds: workers,
      onProgress: (done) => io.stderr.write(`\rFictional cases written: ${done} of ${count}`),
    });
    io.stderr.write('\n');
    io.stdout.write(`Demo store ready: ${count} fictional cases (seed ${seed}). Sign in as "${adminName}".\n`);
    return 0;
  } finally {
    closeSession(session);
  }
}
