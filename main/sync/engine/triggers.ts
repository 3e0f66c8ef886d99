// Main process (plain Node). Never imports electron.
// Triggers on the synced tables that note which rows this laptop wrote (sync_dirty), so every
// handler keeps writing plain SQL and the dispatcher turns the noted rows into document changes
// before the transaction commits. Created only when sync is turned on; quiet while remote changes
// are being projected (sync_state.applying = 1).
import type { Db } from '../../store/open';
import { syncedTables, tableExists, type SyncedTable } from './tables';

/** Bumped when the trigger text or the table list changes, so enabled stores get the new ones. */
export const TRIGGERS_VERSION = '7';

function docExpr(t: SyncedTable, row: 'NEW' | 'OLD'): string {
  if (t.doc.kind === 'agency') return `'${t.doc.doc}'`;
  return `'case:' || ${t.doc.expr.replaceAll('R.', `${row}.`)}`;
}

function pkExpr(t: SyncedTable, row: 'NEW' | 'OLD'): string {
  return `json_array(${t.pk.map((c) => `${row}.${c}`).join(', ')})`;
}

export function dropTriggers(db: Db): void {
  const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'syncdirty\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER "${name}"`);
}

export function createTriggers(db: Db): void {
  dropTriggers(db);
  const quiet = 'WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0';
  for (const t of syncedTables) {
    if (!tableExists(db, t.name)) continue;
    // Not INSERT OR IGNORE: an outer statement's own conflict clause (an upsert) would override it.
    const note = (row: 'NEW' | 'OLD') =>
      `INSERT INTO sync_dirty (tbl, pk, doc_id) SELECT '${t.name}', ${pkExpr(t, row)}, ${docExpr(t, row)}
       WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE tbl = '${t.name}' AND pk = ${pkExpr(t, row)});`;
    db.exec(`
      CREATE TRIGGER syncdirty_${t.name}_ins AFTER INSERT ON ${t.name} ${quiet} BEGIN ${note('NEW')} END;
      CREATE TRIGGER syncdirty_${t.name}_upd AFTER UPDATE ON ${t.name} ${quiet} BEGIN ${note('NEW')} ${note('OLD')} END;
      CREATE TRIGGER syncdirty_${t.name}_del AFTER DELETE ON ${t.name} ${quiet} BEGIN ${note('OLD')} END;
    `);
  }
}
