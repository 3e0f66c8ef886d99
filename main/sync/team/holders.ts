// Main process (plain Node). Never imports electron.
// Which laptops hold a case's current key, as this laptop knows them (the grants it has seen and the
// ones it seals in the bundle being made): cases with the same holders travel in one group frame
// (bundle format 4, group-frame.ts). Only grouping depends on it: a laptop that holds fewer keys than
// we think opens nothing of the group and asks for its cases whole; none can open more than it holds.
import type { Db } from '../../store/open';

export function holdersOf(db: Db, me: string, sealedNow: readonly { caseId: string; laptopId: string; keyId: string }[]): (caseId: string) => string {
  const extra = new Map<string, { laptopId: string; keyId: string }[]>();
  for (const g of sealedNow) extra.set(g.caseId, [...(extra.get(g.caseId) ?? []), g]);
  const newest = db.prepare('SELECT key_id FROM team_case_keys WHERE case_id = ? ORDER BY made_at DESC, key_id DESC LIMIT 1').pluck();
  const holders = db
    .prepare(
      `SELECT g.laptop_id FROM team_case_grants g JOIN team_laptops l ON l.laptop_id = g.laptop_id
     WHERE g.case_id = ? AND g.key_id = ? AND l.status = 'active'`,
    )
    .pluck();
  return (caseId) => {
    const keyId = newest.get(caseId) as string | undefined;
    const set = new Set<string>([me]);
    if (keyId !== undefined) {
      for (const laptop of holders.all(caseId, keyId) as string[]) set.add(laptop);
      for (const g of extra.get(caseId) ?? []) if (g.keyId === keyId) set.add(g.laptopId);
    }
    return [...set].sort().join(',');
  };
}
