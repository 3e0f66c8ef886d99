// Deleting a closed case permanently (issue 15): only a closed case, only with its case number typed
// back; afterwards no row anywhere names the case, no value anywhere holds its canary (documents,
// restricted notes, search index included), the other cases are untouched, and the access log holds
// the case id, the reason code and counts, never a name. The last test fails when a table that can
// hold a case's rows is added without the purge being checked for it.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncedTables } from '../../main/sync/engine/tables';
import { dataPaths } from '../../main/core/paths';
import { computeFigures } from '../../main/reports/figures';
import { migrate } from '../../main/store/migrations';
import { withoutPurged } from '../../main/cases/purge';
import { ADMIN, PASSPHRASE, setUpCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';
import { canaryRows, fullCase, traces } from '../helpers/full-case';
import { bareStore } from '../helpers/store';

const CANARY = 'Qzvrkanary';

describe('purging a case', () => {
  it('refuses an open case and a wrong case number, then removes every trace of a closed one and keeps the others', async () => {
    const t = await setUpCore();
    const gone = await fullCase(t, `Purge ${CANARY} Person`, CANARY);
    const kept = await fullCase(t, 'Kept Person Wyx', 'Keptmarker');
    const db = t.control.current!.db;

    const open = await t.call('clients.purge', { clientId: gone.id, reason: 'survivor_asked', confirmation: gone.caseNumber });
    expect(open).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    const wrong = await t.call('clients.purge', { clientId: gone.id, reason: 'survivor_asked', confirmation: kept.caseNumber });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'confirmation' }] } });
    expect(await t.call('clients.purge', { clientId: gone.id, reason: 'forgot', confirmation: gone.caseNumber } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(canaryRows(db, CANARY).length).toBeGreaterThan(0);

    // Lower case and without the dash is the same number.
    await t.ok('clients.purge', { clientId: gone.id, reason: 'survivor_asked', confirmation: gone.caseNumber.toLowerCase().replace(/-/gu, ' ') });
    // The write-ahead log was checkpointed and truncated after the purge's commit.
    expect(statSync(`${dataPaths(t.dataDir).store}-wal`).size).toBe(0);

    expect(traces(db, gone.id)).toEqual({});
    expect(canaryRows(db, CANARY)).toEqual([]);
    // The name's trigrams are gone from the search index's pages too (FTS5 secure-delete).
    const index = (db.prepare('SELECT block FROM client_search_data').pluck().all() as Buffer[]).map((b) => Buffer.from(b).toString('latin1')).join('');
    expect(index.includes('qzv')).toBe(false);
    expect(index.includes('wyx')).toBe(true);
    await expect(t.call('clients.get', { id: gone.id })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.ok('clients.list', {})).rows.map((c) => c.id)).not.toContain(gone.id);
    expect(Object.keys(traces(db, kept.id)).length).toBeGreaterThan(10);
    expect(canaryRows(db, 'Keptmarker').length).toBeGreaterThan(0);

    // Proof of destruction: ids, the reason code and counts; no name, no case number.
    const entry = db.prepare("SELECT target_id, detail FROM audit_log WHERE action = 'clients.purge' AND outcome = 'ok'").get() as { target_id: string; detail: string };
    expect(entry.target_id).toBe(gone.id);
    expect(JSON.parse(entry.detail)).toEqual({ reason: 'survivor_asked', records: expect.any(Number), documents: 1 });
    expect(JSON.parse(entry.detail).records).toBeGreaterThanOrEqual(14);
    expect(entry.detail).not.toContain(gone.caseNumber);
    expect((await t.ok('audit.verify', {})).intact).toBe(true);
  });

  it('leaves no trigram of a name the case had before (a rename) in the search index', async () => {
    // Security review 5: each rename rewrites the case's search row without secure-delete, so the
    // earlier terms stayed in older index segments; the purge's secure-delete removed only the last.
    const t = await setUpCore();
    const { id } = await t.ok('clients.create', { chosenName: 'Qxjvold Person' });
    await t.ok('clients.create', { chosenName: 'Kept Wyx' });
    const version = (await t.ok('clients.get', { id })).sections.identity?.version ?? 0;
    await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: version, data: { preferredName: 'Renamed Person', legalName: 'Qxjvlegal Person', aliases: [] } });
    const version2 = (await t.ok('clients.get', { id })).sections.identity!.version;
    await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: version2, data: { preferredName: 'Renamed Person', legalName: 'doesnt_know', aliases: [] } });
    await t.ok('clients.close', { clientId: id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    const caseNumber = (await t.ok('clients.get', { id })).caseNumber;
    await t.ok('clients.purge', { clientId: id, reason: 'survivor_asked', confirmation: caseNumber });
    const db = t.control.current!.db;
    const index = (db.prepare('SELECT block FROM client_search_data').pluck().all() as Buffer[]).map((b) => Buffer.from(b).toString('latin1')).join('');
    expect(index.includes('qxj')).toBe(false);
    expect(index.includes('wyx')).toBe(true);
  });

  it('is for administrators only', async () => {
    const { addStaff } = await import('../helpers/core');
    const t = await setUpCore();
    const c = await fullCase(t, 'Supervised Person', 'Supmarker');
    await t.ok('clients.close', { clientId: c.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    const sup = await addStaff(t, 'supervisor', 'Sam Test-Supervisor');
    await t.ok('session.lock', {});
    await t.ok('session.unlock', sup);
    expect(await t.call('clients.purge', { clientId: c.id, reason: 'retention_ended', confirmation: c.caseNumber })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.ok('clients.get', { id: c.id })).id).toBe(c.id);
  });
});

describe('reports made before the purge', () => {
  it('keep verifying as signed; the same period computed again counts without the purged case', async () => {
    const t = await setUpCore();
    const gone = await fullCase(t, 'Reported Purge Person', 'Reportmarker');
    await fullCase(t, 'Reported Kept Person', 'Reportkeptmarker');
    const period = { from: '2026-01-01', to: '2026-12-31', workerId: null };
    expect(computeFigures(t.control.current!.db, period).served.total).toBe(2);
    const exported = await t.ok('reports.export', { from: period.from, to: period.to, folder: tempDir(), formats: ['json', 'csv'] });
    await t.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    await t.ok('clients.purge', { clientId: gone.id, reason: 'retention_ended', confirmation: gone.caseNumber });
    expect(await t.ok('reports.verify', { folder: exported.folder })).toMatchObject({ ok: true });
    expect(computeFigures(t.control.current!.db, period).served.total).toBe(1);
  });
});

describe('a backup made before the purge', () => {
  it('restored over this store does not bring the purged case back; the restore says so in the access log', async () => {
    const t = await setUpCore();
    const gone = await fullCase(t, `Restored ${CANARY} Person`, CANARY);
    const kept = await fullCase(t, 'Kept Restore Person', 'Keptrestoremarker');
    const made = await t.ok('backup.create', { folder: tempDir('safehold-usb-') });
    await t.ok('clients.close', { clientId: gone.id, closedOn: '2026-03-03', reason: 'goals_met', destination: 'own_housing' });
    await t.ok('clients.purge', { clientId: gone.id, reason: 'entered_in_error', confirmation: gone.caseNumber });
    await t.ok('session.lock', {});

    expect(await t.ok('backup.restore', { file: made.file, name: ADMIN, passphrase: PASSPHRASE })).toEqual({ state: 'locked' });
    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    const db = t.control.current!.db;
    expect(traces(db, gone.id)).toEqual({});
    expect(canaryRows(db, CANARY)).toEqual([]);
    expect((await t.ok('clients.get', { id: kept.id })).id).toBe(kept.id);
    expect(db.prepare("SELECT target_id FROM audit_log WHERE action = 'backup.restore.purge-kept'").pluck().all()).toEqual([gone.id]);
    expect((await t.ok('audit.verify', {})).intact).toBe(true);
  });
});

describe('what a bundle brings about a purged case', () => {
  it('is set aside before anything of it is applied: its keys, who holds them, its changes and snapshots', () => {
    const db = bareStore();
    migrate(db);
    const purged = 'a'.repeat(32);
    const other = 'b'.repeat(32);
    const file = {
      laptop: 'L1',
      caseKeys: [{ caseId: purged }, { caseId: other }],
      grantsSeen: [{ caseId: purged }, { caseId: other }],
      docs: [{ docId: `case:${purged}` }, { docId: `case:${other}` }, { docId: 'agency:settings' }],
    };
    expect(withoutPurged(db, file)).toBe(file);
    db.prepare('INSERT INTO case_purges (case_id, purged_at) VALUES (?, ?)').run(purged, '2026-03-03T10:00:00.000Z');
    expect(withoutPurged(db, file)).toEqual({
      laptop: 'L1',
      caseKeys: [{ caseId: other }],
      grantsSeen: [{ caseId: other }],
      docs: [{ docId: `case:${other}` }, { docId: 'agency:settings' }],
    });
    db.close();
  });
});

describe('every table that can hold a case is covered', () => {
  it('lists each table that refers to a case and how the purge reaches it', () => {
    const db = bareStore();
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const fks = new Map(tables.map((t) => [t, db.prepare(`SELECT "table" AS parent, on_delete FROM pragma_foreign_key_list('${t}')`).all() as { parent: string; on_delete: string }[]]));
    const hasColumn = (t: string, c: string) => db.prepare(`SELECT 1 FROM pragma_table_info('${t}') WHERE name = ?`).get(c) !== undefined;
    // Tables whose rows belong to a case: a client_id column, or a reference (at any depth) to one that does.
    const caseTables = new Set(tables.filter((t) => t === 'clients' || hasColumn(t, 'client_id')));
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of tables) {
        if (!caseTables.has(t) && fks.get(t)!.some((f) => caseTables.has(f.parent))) {
          caseTables.add(t);
          grew = true;
        }
      }
    }
    const how = (t: string): string => {
      if (t === 'clients') return 'the case row';
      if (hasColumn(t, 'client_id')) return 'client_id';
      if (syncedTables.some((s) => s.name === t && s.caseRows)) return 'synced caseRows';
      const toCase = fks.get(t)!.filter((f) => caseTables.has(f.parent));
      if (toCase.every((f) => f.on_delete === 'CASCADE')) return 'cascade';
      return 'NOT COVERED';
    };
    const coverage = Object.fromEntries([...caseTables].sort().map((t) => [t, how(t)]));
    expect(Object.values(coverage)).not.toContain('NOT COVERED');
    // A new table here: check main/cases/purge.ts (and sync/team/evict.ts removeCaseCopy) remove its rows, then add it.
    expect(coverage).toEqual({
      access_reasons: 'client_id',
      appointments: 'client_id',
      assessment_order: 'client_id',
      assessment_scores: 'synced caseRows',
      assessments: 'client_id',
      case_assignments: 'client_id',
      case_change_notices: 'client_id',
      case_closures: 'client_id',
      case_notes: 'client_id',
      client_changes: 'client_id',
      client_facts: 'client_id',
      client_name_words: 'client_id',
      client_names: 'client_id',
      clients: 'the case row',
      consents: 'client_id',
      contact_attempts: 'client_id',
      document_chunks: 'cascade',
      document_exports: 'cascade',
      document_keys: 'synced caseRows',
      documents: 'client_id',
      external_ids: 'client_id',
      goal_steps: 'client_id',
      goals: 'client_id',
      handover_seen: 'synced caseRows',
      intake_sections: 'client_id',
      milestones: 'client_id',
      note_keys: 'synced caseRows',
      referrals: 'client_id',
      safety_plans: 'client_id',
      service_days: 'client_id',
      services: 'client_id',
      status_events: 'client_id',
      sync_conflicts: 'client_id',
      tasks: 'client_id',
    });
    // Tables keyed by a case's sync document id: each is cleared by removeCaseCopy or the purge.
    const byDoc = tables.filter((t) => hasColumn(t, 'doc_id')).sort();
    expect(byDoc).toEqual(['sync_conflicts', 'sync_dirty', 'sync_doc_pieces', 'sync_docs', 'sync_outbox', 'sync_pending', 'sync_reproject', 'sync_unique_clash']);
    db.close();
  });
});
