// Plain Node (the safehold command-line tool). Never imports electron.
import { Passphrase } from '../../shared/schemas/common';
import { readHidden, stdinLines, type CliIo } from './prompt';

/** A refusal with a message for the person at the terminal; exit code 2. */
export class Refused extends Error {}

export type CliValues = Record<string, string | boolean | undefined>;

export function required(values: CliValues, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new Refused(`Missing --${flag}.`);
  return value;
}

/** A new passphrase: asked twice on the terminal, or the first line of standard input. */
export async function newPassphrase(values: CliValues, io: CliIo, who: string): Promise<string> {
  let passphrase: string;
  if (values['passphrase-stdin']) {
    passphrase = (await stdinLines(io)()) ?? '';
  } else {
    passphrase = await readHidden(io, `Choose a passphrase for ${who}: `);
    if ((await readHidden(io, 'Type it again: ')) !== passphrase) throw new Refused('The two passphrases differ. Nothing was saved.');
  }
  const checked = Passphrase.safeParse(passphrase);
  if (!checked.success) throw new Refused(`Passphrase: ${checked.error.issues[0]?.message} Nothing was saved.`);
  return checked.data;
}
