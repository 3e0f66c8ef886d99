// Main process (plain Node). Never imports electron.
// What a case's intake says that the week's records lean on: whether each way of reaching the person
// is marked safe (contact section) and whether an interpreter is needed (language section).
import type { ContactSafety } from '../../shared/schemas/week';
import type { Db } from '../store/open';
import { getSection } from '../store/repos/clients';

type Flag = 'yes' | 'no' | 'unknown';
interface Method {
  kind?: string;
  safeToCall?: Flag;
  safeToText?: Flag;
  safeVoicemail?: Flag;
  safeMail?: Flag;
}

function verdict(flags: (Flag | undefined)[]): ContactSafety['call'] {
  if (flags.includes('yes')) return 'safe';
  if (flags.includes('no')) return 'not_safe';
  return 'not_asked';
}

/** Safe when any recorded method of that kind is marked safe for it; email counts as a written message (the text flag). */
export function contactSafety(db: Db, clientId: string): ContactSafety {
  const row = getSection(db, clientId, 'contact');
  const methods: Method[] = row ? ((JSON.parse(row.data) as { methods?: Method[] }).methods ?? []) : [];
  const of = (kinds: string[], flag: keyof Method) => verdict(methods.filter((m) => kinds.includes(m.kind ?? '')).map((m) => m[flag] as Flag | undefined));
  return {
    call: of(['phone'], 'safeToCall'),
    text: of(['phone', 'messaging_app'], 'safeToText'),
    email: of(['email'], 'safeToText'),
    mail: of(['address'], 'safeMail'),
    voicemail: of(['phone'], 'safeVoicemail'),
  };
}

export function interpreterNeeded(db: Db, clientId: string): boolean {
  const row = getSection(db, clientId, 'language');
  return row ? (JSON.parse(row.data) as { interpreterNeeded?: unknown }).interpreterNeeded === 'yes' : false;
}
