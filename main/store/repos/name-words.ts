// Main process (plain Node). Never imports electron.
// The words of every name a person is known by (derived, never synced): a short search word matches
// the start of any of them, so "pe" finds "Ana Pérez" and "ma" finds "Ana María".
import type { Db } from '../open';
import { stmt } from './statements';

/** The words of a folded name, each once; hyphens, apostrophes and dots split words too ("Ana María-Pérez"). */
export function nameWords(folded: string): string[] {
  return [...new Set(folded.split(/[\s\-'’.]+/u).filter((w) => w !== ''))];
}

export function setNameWords(db: Db, client: { id: string; rowid: number }, folded: readonly string[]): void {
  stmt(db, 'DELETE FROM client_name_words WHERE client_id = ?').run(client.id);
  const insert = stmt(db, 'INSERT INTO client_name_words (client_id, client_rowid, word) VALUES (?, ?, ?)');
  for (const word of new Set(folded.flatMap(nameWords))) insert.run(client.id, client.rowid, word);
}
