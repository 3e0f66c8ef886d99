// Main process (plain Node). Never imports electron.
// "Possible duplicate": an existing case whose name or alias resembles a new one (accents and case
// ignored, small typos forgiven), noting when the birth date is the same too.
import { fold } from '../../shared/fold';
import { searchExpression } from '../store/repos/caseload';
import { stmt } from '../store/repos/statements';
import type { Db } from '../store/open';

export interface DuplicateCandidate {
  clientId: string;
  matchedOn: ('name' | 'birth_date')[];
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Two folded names resemble each other: equal, one contains the other as whole words, or a typo apart. */
export function namesResemble(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && ` ${long} `.includes(` ${short} `)) return true;
  return short.length >= 5 && editDistance(a, b, 2) <= 2;
}

export function findDuplicates(db: Db, names: string[], birthDate: string | null, limit = 10): DuplicateCandidate[] {
  const wanted = names.map(fold).filter((n) => n !== '');
  const candidates = new Map<string, Set<'name' | 'birth_date'>>();
  const namesOf = stmt<[string], { folded: string }>(db, 'SELECT folded FROM client_names WHERE client_id = ?');
  const note = (id: string, why: 'name' | 'birth_date') => {
    if (!candidates.has(id)) candidates.set(id, new Set());
    candidates.get(id)!.add(why);
  };

  for (const name of wanted) {
    const { match } = searchExpression(name.split(' ').slice(0, 3).join(' '));
    const ids = match
      ? stmt<[string], { id: string }>(db, 'SELECT c.id FROM client_search s JOIN clients c ON c.rowid = s.rowid WHERE client_search MATCH ? LIMIT 200').all(match)
      : stmt<[string], { id: string }>(db, 'SELECT client_id AS id FROM client_names WHERE folded = ? LIMIT 200').all(name);
    for (const { id } of ids) {
      if (namesOf.all(id).some((n) => namesResemble(n.folded, name))) note(id, 'name');
    }
  }
  if (birthDate !== null) {
    const sameDate = stmt<[string], { id: string }>(db, 'SELECT id FROM clients WHERE birth_date = ? LIMIT 200').all(birthDate);
    for (const { id } of sameDate) {
      // Same birth date alone is common; with a first name a typo apart it is worth a look.
      const theirs = namesOf.all(id).map((n) => n.folded.split(' ')[0] ?? '');
      const ours = wanted.map((n) => n.split(' ')[0] ?? '');
      if (candidates.has(id) || theirs.some((t) => ours.some((o) => o.length >= 3 && editDistance(t, o, 2) <= 2))) {
        note(id, 'birth_date');
        note(id, 'name');
      }
    }
  }
  return [...candidates]
    .map(([clientId, why]) => ({ clientId, matchedOn: [...why].sort() }))
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length)
    .slice(0, limit);
}
