// Plain Node (the safehold command-line tool). Never imports electron.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PersonName } from '../../../shared/schemas/common';
import { configFolderKeeper } from '../../audit/anchor';
import { createInstallation, isInstalled } from '../../core/installation';
import { dataPaths, type DataPaths } from '../../core/paths';
import { calibrateKdf } from '../../keys/kdf';
import { formatRecoveryKey, newRecoveryKey } from '../../keys/recovery';
import { newPassphrase, Refused, required, type CliValues } from '../common';
import type { CliIo } from '../prompt';

export interface Installed {
  paths: DataPaths;
  adminName: string;
  passphrase: string;
}

/** Shared by init and demo: validates, asks for the passphrase, creates, prints the recovery key once. */
export async function install(values: CliValues, io: CliIo, defaults: { agency?: string; admin?: string } = {}): Promise<Installed> {
  const paths = dataPaths(resolve(required(values, 'data-dir')));
  const agency = PersonName.safeParse(values.agency ?? defaults.agency ?? required(values, 'agency'));
  const admin = PersonName.safeParse(values.admin ?? defaults.admin ?? required(values, 'admin'));
  if (!agency.success) throw new Refused(`--agency: ${agency.error.issues[0]?.message}`);
  if (!admin.success) throw new Refused(`--admin: ${admin.error.issues[0]?.message}`);
  if (isInstalled(paths)) throw new Refused(`Safehold is already set up in ${paths.dir}. Nothing was changed.`);
  const passphrase = await newPassphrase(values, io, 'the administrator');

  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  const recoveryKey = newRecoveryKey();
  io.stderr.write('Measuring this computer to set the passphrase protection (about a second)...\n');
  await createInstallation({
    paths,
    agencyName: agency.data,
    adminName: admin.data,
    passphrase,
    recoveryKey,
    cost: await calibrateKdf(),
    now: new Date(),
    // The access log's anchor outside the data folder: $XDG_CONFIG_HOME/safehold/anchors/<store-id>.json.
    anchors: configFolderKeeper(),
  });
  io.stdout.write(
    `Safehold is set up in ${paths.dir}\n\n` +
      'Recovery key (shown only this once). Print it or write it down, and keep it in the agency safe.\n' +
      'It is the only way back in if every passphrase is lost:\n\n' +
      `    ${formatRecoveryKey(recoveryKey)}\n\n`,
  );
  return { paths, adminName: admin.data, passphrase };
}

export async function init(values: CliValues, io: CliIo): Promise<number> {
  await install(values, io);
  return 0;
}
