// A synthetic case with a record of every kind (intake, consent, goal and step, service, referral,
// milestone, notes plain and restricted, safety plan, assessment, appointment, contact attempt,
// task, document), each carrying the canary, for the purge tests.
import type { Db } from '../../main/store/open';
import type { TestCore } from './core';
import { attachFile, samplePdf } from './documents';

let partners = 0;

export async function fullCase(t: TestCore, name: string, canary: string): Promise<{ id: string; caseNumber: string }> {
  const { id } = await t.ok('clients.create', { chosenName: name });
  const me = t.control.current!.user.id;
  await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate: '2026-02-01' } });
  const consent = await t.ok('consents.add', { clientId: id, kind: 'services', purpose: `Purpose ${canary}`, dataCategories: ['identity'], startDate: '2026-03-01', language: 'en', signedHow: 'written' });
  const goal = await t.ok('plan.addGoal', { clientId: id, domain: 'housing', title: `Goal ${canary}`, steps: [{ text: `Step ${canary}` }] });
  const partner = await t.ok('partners.add', { name: `Synthetic Partner ${(partners += 1)}`, services: ['legal'] });
  await t.ok('services.add', { clientId: id, date: '2026-03-01', category: 'housing', goalId: goal.id, note: `Service ${canary}` });
  await t.ok('referrals.send', { clientId: id, partnerId: partner.id, service: 'legal', sentOn: '2026-03-01', sharesIdentity: false });
  await t.ok('milestones.add', { clientId: id, kind: 't_visa', status: 'requested', requestedOn: '2026-03-01', note: `Milestone ${canary}` });
  await t.ok('notes.add', { clientId: id, date: '2026-03-01', kind: 'contact', body: `Note ${canary}` });
  await t.ok('notes.add', { clientId: id, date: '2026-03-01', kind: 'contact', body: `Restricted ${canary}`, restricted: true });
  await t.ok('safetyPlan.save', { clientId: id, baseVersion: 0, plan: {} });
  const { instruments } = await t.ok('outcomes.instruments', {});
  await t.ok('outcomes.record', { clientId: id, instrumentId: instruments[0]!.id, takenOn: '2026-03-01', kind: 'intake', scores: [{ domainId: instruments[0]!.domains[0]!.id, score: 3 }] });
  await t.ok('appointments.add', { clientId: id, date: '2026-03-02', staffId: me, kind: 'office', purpose: `Appointment ${canary}` });
  await t.ok('contacts.add', { clientId: id, date: '2026-03-01', method: 'call', outcome: 'attempted', note: `Contact ${canary}` });
  await t.ok('tasks.add', { assigneeId: me, title: `Task ${canary}`, dueOn: '2026-03-05', clientId: id });
  const doc = await attachFile(t, id, samplePdf(`Document ${canary}`), 'letter.pdf', { title: `Letter ${canary}` });
  if (!doc.ok) throw new Error(`attaching failed: ${doc.error.code}`);
  void consent;
  const caseNumber = (await t.ok('clients.get', { id })).caseNumber;
  return { id, caseNumber };
}

/** Every row in the store (any table, any column) that names the case by id or by its document id. */
export function traces(d: Db, caseId: string): Record<string, number> {
  const found: Record<string, number> = {};
  const tables = d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    // The access log names the case by id on purpose: it is the proof of destruction.
    if (table === 'audit_log' || table === 'team_remote_audit' || table === 'case_purges') continue;
    const columns = d.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
    const where = columns.map((c) => `(typeof("${c}") = 'text' AND (instr("${c}", @id) > 0))`);
    const n = d.prepare(`SELECT count(*) FROM "${table}" WHERE ${where.join(' OR ')}`).pluck().get({ id: caseId }) as number;
    if (n > 0) found[table] = n;
  }
  return found;
}

/** Where a canary still appears in the store's decrypted contents: every table, every text and blob value. */
export function canaryRows(d: Db, canary: string): string[] {
  const forms = [canary, canary.toLowerCase()].map((s) => Buffer.from(s, 'utf8'));
  const hits: string[] = [];
  const tables = d.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    for (const row of d.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.isBuffer(value) ? value : null;
        if (bytes && forms.some((f) => bytes.includes(f))) hits.push(table);
      }
    }
  }
  return [...new Set(hits)];
}
