// Main process (plain Node). Never imports electron.
// Everything this laptop derives from a case's synced rows, rebuilt in one place: the names and
// search terms (client_names, client_search), the report facts (client_facts) and each assessment's
// score line. Team sync calls it after writing a case's rows from another laptop; these tables are
// never synced, so every laptop rebuilds its own (client_rowid is a local rowid).
import type { SectionName } from '../../../shared/schemas/intake';
import { localIsoDate } from '../../cases/dates';
import type { Db } from '../open';
import { getClient, setClientNames, updateFacts } from './clients';
import { stmt } from './statements';

const REASON_CODES = ['doesnt_know', 'prefers_not', 'not_collected'];

function identityNames(chosenName: string, identity: Record<string, unknown> | null): { kind: 'chosen' | 'legal' | 'alias'; name: string }[] {
  const legal = typeof identity?.legalName === 'string' && !REASON_CODES.includes(identity.legalName) ? [identity.legalName] : [];
  const aliases = Array.isArray(identity?.aliases) ? identity.aliases.filter((a): a is string => typeof a === 'string') : [];
  return [
    { kind: 'chosen', name: chosenName },
    ...legal.map((name) => ({ kind: 'legal' as const, name })),
    ...aliases.map((name) => ({ kind: 'alias' as const, name })),
  ];
}

export function rebuildDerived(db: Db, clientId: string): void {
  const client = getClient(db, clientId);
  if (!client) {
    // The case is gone from this laptop: nothing derived may outlive it.
    stmt(db, 'DELETE FROM client_names WHERE client_id = ?').run(clientId);
    stmt(db, 'DELETE FROM client_name_words WHERE client_id = ?').run(clientId);
    stmt(db, 'DELETE FROM client_facts WHERE client_id = ?').run(clientId);
    return;
  }
  const sections = stmt<[string], { section: SectionName; data: string }>(db, 'SELECT section, data FROM intake_sections WHERE client_id = ?').all(clientId);
  const parsed = new Map(sections.map((s) => [s.section, JSON.parse(s.data) as Record<string, unknown>]));
  setClientNames(db, client, identityNames(client.chosen_name, parsed.get('identity') ?? null));

  stmt(db, 'DELETE FROM client_facts WHERE client_id = ?').run(clientId);
  stmt(db, 'INSERT INTO client_facts (client_id, opened_on) VALUES (?, ?)').run(clientId, localIsoDate(new Date(client.created_at)));
  for (const [section, data] of parsed) updateFacts(db, clientId, section, data);

  stmt(
    db,
    `UPDATE assessments SET score_line = coalesce((
       SELECT group_concat(coalesce(s.score, '.'), '' ORDER BY d.position)
       FROM instrument_domains d
       LEFT JOIN assessment_scores s ON s.assessment_id = assessments.id AND s.domain_id = d.id
       WHERE d.instrument_id = assessments.instrument_id), '')
     WHERE client_id = ?`,
  ).run(clientId);
}
