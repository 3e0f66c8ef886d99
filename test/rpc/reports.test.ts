import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTING_RULES } from '../../main/reports/counting-rules';
import { computeFigures } from '../../main/reports/figures';
import { insertAssessment } from '../../main/store/repos/assessments';
import { MANIFEST, sha256, signManifest, verifyReportFolder } from '../../main/reports/manifest';
import { reportWords } from '../../main/reports/words';
import { es as esCatalog } from '../../renderer/src/i18n/es';
import type { Report } from '../../shared/schemas/reports';
import { traffickingTypes } from '../../shared/vocab/lists';
import { pdfText } from '../helpers/pdf';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';
import { localIsoDate } from '../../main/cases/dates';
import { seedClients } from '../../main/demo/generator';
import { addStaff, setUpCore, type TestCore } from '../helpers/core';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** Six synthetic people whose every figure is worked out by hand in the test below. */
async function fixture(t: TestCore) {
  const make = async (name: string, intakeDate: string, identity: Record<string, unknown>, other: Record<string, Record<string, unknown>> = {}) => {
    const { id } = await t.ok('clients.create', { chosenName: name });
    await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate, ...(other.referral ?? {}) } });
    await t.ok('intake.saveSection', { clientId: id, section: 'identity', baseVersion: 1, data: { preferredName: name, ...identity } });
    for (const [section, data] of Object.entries(other)) {
      if (section !== 'referral') await t.ok('intake.saveSection', { clientId: id, section: section as 'trafficking', baseVersion: section === 'family' ? 0 : 0, data });
    }
    return id;
  };
  const a = await make('Canary-Alpha-Qz19', '2024-06-01', { dateOfBirth: '2000-01-01', genderIdentity: 'woman' }, {
    referral: { referralSource: 'hotline' },
    trafficking: { type: 'sex' },
    citizenship: { category: 'us_citizen' },
    family: { members: [{ relationship: 'child', servedByAgency: true }, { relationship: 'parent', servedByAgency: false }] },
  });
  const b = await make('Canary-Bravo-Lp27', '2025-03-10', { dateOfBirth: '2009-05-05', genderIdentity: 'man' }, {
    referral: { referralSource: 'law_enforcement' },
    trafficking: { type: 'labor' },
    citizenship: { category: 'foreign_national' },
  });
  const c = await make('Canary-Charlie-Vx33', '2025-07-01', { estimatedAge: 30, genderIdentity: 'prefers_not' }, {
    trafficking: { type: 'both' },
    citizenship: { category: 'lpr' },
  });
  await make('Canary-Delta-Wm48', '2026-01-15', {});
  const e = await make('Canary-Echo-Rt52', '2024-01-01', {});
  const f = await make('Canary-Fox-Nb64', '2024-02-01', {});

  for (const [date, category] of [['2025-02-01', 'case_management'], ['2025-05-01', 'case_management'], ['2025-06-01', 'legal']] as const) {
    await t.ok('services.add', { clientId: a, date, category });
  }
  await t.ok('services.add', { clientId: b, date: '2025-04-01', category: 'housing' });
  await t.ok('services.add', { clientId: b, date: '2026-01-05', category: 'housing' });
  const partner = await t.ok('partners.add', { name: 'Fixture Legal Aid', services: ['legal'] });
  const referral = await t.ok('referrals.send', { clientId: b, partnerId: partner.id, service: 'legal', sentOn: '2025-04-01', sharesIdentity: false });
  await t.ok('referrals.setStatus', { referralId: referral.id, status: 'accepted', on: '2025-04-11' });
  await t.ok('milestones.add', { clientId: b, kind: 't_visa', status: 'granted', requestedOn: '2025-04-01', decidedOn: '2025-09-01' });
  const { instruments } = await t.ok('outcomes.instruments', {});
  const ssm = instruments[0]!;
  const domain = (code: string) => ssm.domains.find((d) => d.code === code)!.id;
  await t.ok('outcomes.record', { clientId: b, instrumentId: ssm.id, takenOn: '2025-03-10', kind: 'intake', scores: [{ domainId: domain('housing'), score: 1 }, { domainId: domain('safety'), score: 2 }] });
  await t.ok('outcomes.record', { clientId: b, instrumentId: ssm.id, takenOn: '2025-09-10', kind: 'follow_up', scores: [{ domainId: domain('housing'), score: 3 }, { domainId: domain('safety'), score: 2 }] });
  const goal = await t.ok('plan.addGoal', { clientId: c, domain: 'housing', title: 'Apartment' });
  await t.ok('plan.setGoalStatus', { goalId: goal.id, status: 'achieved', on: '2025-10-01' });
  await t.ok('clients.close', { clientId: c, closedOn: '2025-11-01', reason: 'goals_met', destination: 'own_housing' });
  await t.ok('clients.close', { clientId: e, closedOn: '2024-12-01', reason: 'moved', destination: 'unknown' });
  await t.ok('clients.close', { clientId: f, closedOn: '2024-10-01', reason: 'lost_contact', destination: 'unknown' });
  await t.ok('clients.reopen', { clientId: f, reopenedOn: '2025-02-01' });
  return { b, domainHousing: domain('housing') };
}

describe('the outcome report figures', () => {
  it.each(['direct', 'complement'] as const)('match the hand-computed fixture, rule by rule (read %s)', async (strategy) => {
    const t = await setUpCore();
    await fixture(t);
    const f = computeFigures(t.control.current!.db, { ...YEAR, workerId: null }, strategy);
    const asMap = (b: { key: string; count: number }[]) => Object.fromEntries(b.map((x) => [x.key, x.count]));
    // Served: A (continuing), B and C (new), F (reopened in the period); not D (after) nor E (closed before).
    expect(f.served).toEqual({ total: 4, new: 2, continuing: 2 });
    expect(asMap(f.ageAtIntake)).toEqual({ adult: 2, minor: 1, unknown: 1 });
    expect(asMap(f.gender)).toEqual({ woman: 1, man: 1, prefers_not: 1, not_recorded: 1 });
    expect(asMap(f.traffickingType)).toEqual({ sex: 1, labor: 1, both: 1, not_recorded: 1 });
    expect(asMap(f.citizenship)).toEqual({ us_citizen: 1, foreign_national: 1, lpr: 1, not_recorded: 1 });
    expect(asMap(f.referralSource)).toEqual({ hotline: 1, law_enforcement: 1, not_recorded: 2 });
    expect(f.services).toEqual([
      { category: 'case_management', clients: 1, encounters: 2 },
      { category: 'housing', clients: 1, encounters: 1 },
      { category: 'legal', clients: 1, encounters: 1 },
    ]);
    expect(asMap(f.referrals)).toEqual({ accepted: 1 });
    expect(f.daysToMatch).toEqual({ median: 10, matched: 1 });
    expect(asMap(f.goals)).toEqual({ achieved: 1 });
    expect(f.assessment).toEqual([
      { domain: 'housing', label: 'Housing', clients: 1, meanChange: 2, improved: 1 },
      { domain: 'safety', label: 'Safety', clients: 1, meanChange: 0, improved: 0 },
    ]);
    expect(f.improvedClients).toEqual({ assessed: 1, improved: 1 });
    expect(asMap(f.milestones)).toEqual({ t_visa: 1 });
    expect(asMap(f.exits)).toEqual({ own_housing: 1 });
    expect(f.familyMembersServed).toBe(1);
  });

  it('filters to one worker: only the cases assigned to them', async () => {
    const t = await setUpCore();
    await fixture(t);
    const me = ((await t.ok('app.status', {})) as { user: { id: string } }).user.id;
    expect(computeFigures(t.control.current!.db, { ...YEAR, workerId: me }).served.total).toBe(4);
    expect(computeFigures(t.control.current!.db, { ...YEAR, workerId: 'f'.repeat(32) }).served.total).toBe(0);
  });

  it('count a case with no intake date from the day it was opened', async () => {
    const t = await setUpCore();
    await t.ok('clients.create', { chosenName: 'Synthetic No Intake Date' });
    const opened = localIsoDate(new Date(t.control.current!.db.prepare('SELECT created_at FROM clients').pluck().get() as string));
    const db = t.control.current!.db;
    expect(computeFigures(db, { from: opened, to: opened, workerId: null }).served).toEqual({ total: 1, new: 1, continuing: 0 });
    expect(computeFigures(db, { from: '2000-01-01', to: '2000-12-31', workerId: null }).served.total).toBe(0);
  });

  it.each(['direct', 'complement'] as const)('count goals by their status at the end of the period, and each exit once (read %s)', async (strategy) => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    const { id } = await t.ok('clients.create', { chosenName: 'Synthetic Goal Keeper' });
    await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate: '2025-01-10' } });
    const later = await t.ok('plan.addGoal', { clientId: id, domain: 'housing', title: 'Achieved after the period' });
    await t.ok('plan.setGoalStatus', { goalId: later.id, status: 'achieved', on: '2026-02-01' });
    const during = await t.ok('plan.addGoal', { clientId: id, domain: 'employment', title: 'Achieved during it' });
    await t.ok('plan.setGoalStatus', { goalId: during.id, status: 'achieved', on: '2025-06-01' });
    await t.ok('plan.addGoal', { clientId: id, domain: 'safety', title: 'Still open' });
    // Goals entered on the test clock's day; the period is the year they were entered in.
    const year = { from: `${t.clock.now().getFullYear() - 1}-01-01`, to: `${t.clock.now().getFullYear() - 1}-12-31` };
    db.prepare("UPDATE goals SET created_at = '2025-01-15T10:00:00Z', opened_on = '2025-01-15'").run();
    await t.ok('clients.close', { clientId: id, closedOn: '2025-03-01', reason: 'moved', destination: 'unknown' });
    await t.ok('clients.reopen', { clientId: id, reopenedOn: '2025-04-01' });
    await t.ok('clients.close', { clientId: id, closedOn: '2025-09-01', reason: 'goals_met', destination: 'own_housing' });
    const f = computeFigures(db, { ...year, ...YEAR, workerId: null }, strategy);
    expect(f.goals).toEqual([
      { key: 'achieved', count: 1 },
      { key: 'open', count: 2 },
    ]);
    expect(f.exits).toEqual([{ key: 'own_housing', count: 1 }]);
  });

  it('take first and latest assessments in entry order when they tie, as the Outcomes tab does, and skip a domain added in between', async () => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    const { id: clientId } = await t.ok('clients.create', { chosenName: 'Synthetic Assessed Twice' });
    await t.ok('intake.saveSection', { clientId, section: 'referral', baseVersion: 1, data: { intakeDate: '2025-01-10' } });
    const level = (n: number) => ({ en: `Level ${n}`, es: `Nivel ${n}` });
    const domain = (name: string) => ({ label: { en: name, es: name }, levels: [1, 2, 3, 4, 5].map(level) });
    const { id: instrumentId } = await t.ok('outcomes.addInstrument', { name: { en: 'Synthetic scale', es: 'Escala sintética' }, domains: [domain('Steadiness')] });
    const [steadiness] = (await t.ok('outcomes.instruments', {})).instruments.find((i) => i.id === instrumentId)!.domains;
    // Two assessments on the same day and at the same moment (as an import writes them), the second
    // with an id that sorts first; then a domain is added and scored only in the third.
    const me = t.control.current!.user.id;
    const write = (id: string, takenOn: string, scores: { domainId: string; score: number }[]) =>
      insertAssessment(db, { id, clientId, instrumentId, takenOn, kind: 'follow_up', createdAt: '2025-05-01T10:00:00.000Z', createdBy: me, scores });
    write('f'.repeat(32), '2025-05-01', [{ domainId: steadiness!.id, score: 2 }]);
    write('0'.repeat(32), '2025-05-01', [{ domainId: steadiness!.id, score: 4 }]);
    const { id: added } = await t.ok('outcomes.addDomain', { instrumentId, domain: domain('Added later') });
    write('a'.repeat(32), '2025-05-01', [{ domainId: steadiness!.id, score: 3 }, { domainId: added, score: 5 }]);

    const tab = await t.ok('outcomes.forClient', { id: clientId });
    expect(tab.change).toEqual([{ domainId: steadiness!.id, first: 2, latest: 3, change: 1 }]);
    for (const strategy of ['direct', 'complement'] as const) {
      const f = computeFigures(db, { ...YEAR, workerId: null }, strategy);
      expect(f.assessment.map((a) => [a.label, a.clients, a.meanChange, a.improved])).toEqual([['Steadiness', 1, 1, 1]]);
      expect(f.improvedClients).toEqual({ assessed: 1, improved: 1 });
    }
  });

  it('are the same whether read for the served people or for everyone less the others', async () => {
    const t = await setUpCore();
    const db = t.control.current!.db;
    const me = ((await t.ok('app.status', {})) as { user: { id: string } }).user.id;
    await addStaff(t, 'caseworker', 'Synthetic Caseworker');
    const other = db.prepare<[], { id: string }>("SELECT id FROM users WHERE display_name = 'Synthetic Caseworker'").get()!;
    seedClients(db, { count: 400, seed: 11, today: new Date('2026-06-01T12:00:00Z'), workerIds: [me, me, me, other.id] });
    // Some cases closed (one reopened) so the served population differs from the whole caseload.
    const ids = db.prepare('SELECT id FROM clients ORDER BY id LIMIT 40').pluck().all() as string[];
    for (const [i, id] of ids.entries()) {
      await t.ok('clients.close', { clientId: id, closedOn: i % 2 ? '2024-06-01' : '2025-06-01', reason: 'moved', destination: 'unknown' });
      if (i % 5 === 0) await t.ok('clients.reopen', { clientId: id, reopenedOn: '2025-08-01' });
    }
    for (const period of [YEAR, { from: '2024-01-01', to: '2024-06-30' }, { from: '2026-01-01', to: '2026-05-31' }]) {
      for (const workerId of [null, me, other.id]) {
        const direct = computeFigures(db, { ...period, workerId }, 'direct');
        expect(direct.served.total).toBeGreaterThan(0);
        expect(computeFigures(db, { ...period, workerId }, 'complement')).toEqual(direct);
      }
    }
    const year = computeFigures(db, { ...YEAR, workerId: null });
    expect(year.services.length).toBeGreaterThan(3);
    expect(year.improvedClients.assessed).toBeGreaterThan(10);
  });
});

describe('the report as published', () => {
  it('an export cancelled half-way leaves nothing in the folder, and the next one completes', async () => {
    const t = await setUpCore();
    await fixture(t);
    const folder = tempDir('safehold-report-');
    const seen: string[] = [];
    const stop = t.core.onEvent((event) => {
      if (event.type !== 'progress' || event.task !== 'export-report') return;
      seen.push(event.step);
      // The person presses Cancel after the third file.
      if (seen.length === 3) void t.ok('reports.cancelExport', {});
    });
    const cancelled = await t.call('reports.export', { ...YEAR, folder, formats: ['csv', 'pdf', 'json'] });
    stop();
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).not.toContain('manifest.json');
    expect(readdirSync(folder)).toEqual([]);
    expect((await t.ok('audit.list', { action: 'report.export' })).entries).toHaveLength(0);

    const done = await t.ok('reports.export', { ...YEAR, folder, formats: ['csv'] });
    expect(readdirSync(folder)).toEqual([basename(done.folder)]);
    expect((await t.ok('reports.verify', { folder: done.folder })).ok).toBe(true);
  });

  it('never shows a small count, and carries no names or free text', async () => {
    const t = await setUpCore();
    await fixture(t);
    const report = await t.ok('reports.outcomes', YEAR);
    const served = report.tables.find((x) => x.name === 'clients_served')!;
    expect(served.rows.map((r) => r.clients)).toEqual(['1-10', '1-10', '1-10']);
    for (const table of report.tables) {
      for (const row of table.rows) {
        for (const value of Object.values(row)) if (typeof value === 'number') expect(value === 0 || value > 10).toBe(true);
      }
    }
    expect(JSON.stringify(report)).not.toMatch(/Canary|Apartment|Fixture Legal/u);
    expect(report.countingRules.length).toBeGreaterThan(5);
    // The screen translates by code, so what it is sent is always English.
    expect(report.parameters.language).toBe('en');
  });

  it('exports CSV, JSON and PDF with a signed manifest that verify accepts, and rejects any change', async () => {
    const t = await setUpCore();
    await fixture(t);
    await t.ok('settings.setSuppression', { threshold: 2 });
    const out = tempDir();
    const exported = await t.ok('reports.export', { ...YEAR, folder: out, formats: ['csv', 'pdf', 'json'] });
    expect(exported.files).toEqual(expect.arrayContaining(['clients_served.csv', 'funder_views.csv', 'report.json', 'report.pdf', 'manifest.json']));
    expect(scanForCanaries([out], ['Canary-Alpha-Qz19', 'Canary-Bravo-Lp27', 'Canary-Charlie-Vx33', 'Apartment', 'Fixture Legal Aid'])).toEqual([]);
    // 2 new and 2 continuing of 4: two ranges of 1-2 adding up to 4 would give both away, so both are withheld.
    expect(readFileSync(join(exported.folder, 'clients_served.csv'), 'utf8')).toBe('code,measure,clients\r\nnew,New,withheld\r\ncontinuing,Continuing,withheld\r\ntotal,Total,4\r\n');

    const verified = await t.ok('reports.verify', { folder: exported.folder });
    expect(verified).toMatchObject({ ok: true, problems: [], period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(verified.signerFingerprint).toBe((await t.ok('reports.signingKey', {})).fingerprint);

    // A changed byte, a removed file and an edited manifest are each named.
    const csv = join(exported.folder, 'gender.csv');
    const original = readFileSync(csv);
    writeFileSync(csv, Buffer.concat([original.subarray(0, 10), Buffer.from('X'), original.subarray(11)]));
    expect((await t.ok('reports.verify', { folder: exported.folder })).problems).toEqual(['gender.csv was changed after the report was made.']);
    writeFileSync(csv, original);
    rmSync(join(exported.folder, 'report.pdf'));
    expect((await t.ok('reports.verify', { folder: exported.folder })).problems).toEqual(['report.pdf is missing.']);
    const manifestPath = join(exported.folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { period: { from: string } };
    manifest.period.from = '2024-01-01';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect((await t.ok('reports.verify', { folder: exported.folder })).problems).toContain(
      'The manifest signature does not match: the manifest was changed after the report was made.',
    );
  });

  it('writes a PDF a reader can open, with the period and the tables in it', async () => {
    const t = await setUpCore();
    await fixture(t);
    const out = tempDir();
    const exported = await t.ok('reports.export', { ...YEAR, folder: out, formats: ['pdf'] });
    const text = await pdfText(join(exported.folder, 'report.pdf'));
    expect(text).toContain('Outcome report');
    expect(text).toContain('Period: 2025-01-01 to 2025-12-31');
    expect(text).toContain('Type of trafficking');
    expect(text).toContain('How the figures are counted');
    expect(text).not.toContain('Canary');
    expect(readdirSync(out)).toHaveLength(1);
  });
});

describe('the report in Spanish', () => {
  const readJson = (folder: string) => JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Report;
  /** A table's figures without its words: codes, numbers, ranges and "withheld" stay; any text is "words". */
  const figuresOf = (report: Report) =>
    report.tables.map((table) => ({
      name: table.name,
      keys: table.columns.map((c) => c.key),
      rows: table.rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [key, key === 'code' || key === 'source' || key === 'funder' || typeof value === 'number' || /^(\d+-\d+|withheld|)$/u.test(value) ? value : 'words']),
        ),
      ),
    }));

  it('has Spanish titles, labels, notes and counting rules, the same figures as in English, and verifies', async () => {
    const t = await setUpCore();
    await fixture(t);
    await t.ok('settings.setSuppression', { threshold: 2 });
    const english = await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['csv', 'pdf', 'json'] });
    const spanish = await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['csv', 'pdf', 'json'], language: 'es' });
    expect(spanish.files).toEqual(english.files);
    const en = readJson(english.folder);
    const es = readJson(spanish.folder);
    const table = (name: string) => es.tables.find((x) => x.name === name)!;
    const row = (name: string, code: string) => table(name).rows.find((r) => r.code === code)!;

    expect(es.parameters).toEqual({ workerFilter: false, threshold: 2, language: 'es', preset: 'standard' });
    expect(en.parameters.language).toBe('en');
    expect(es.countingRules).toEqual([...COUNTING_RULES.es]);
    expect(es.countingRules[0]).toMatch(/^Personas atendidas: cada caso abierto/u);
    expect(table('clients_served').title).toBe('Personas atendidas');
    expect(table('clients_served').columns).toEqual([
      { key: 'code', label: 'Código' },
      { key: 'measure', label: 'Medida' },
      { key: 'clients', label: 'Personas' },
    ]);
    expect(table('clients_served').rows.map((r) => r.measure)).toEqual(['Nuevas', 'Que continúan', 'Total']);
    expect(table('clients_served').note).toBe('Hay muy pocas personas para mostrar por separado las nuevas y las que continúan.');
    expect(table('trafficking_type').title).toBe('Tipo de trata');
    expect(row('trafficking_type', 'labor').category).toBe(traffickingTypes.labels.labor.es);
    expect(row('gender', 'prefers_not').category).toBe('La persona prefiere no responder');
    expect(row('gender', 'not_recorded').category).toBe('No registrado');
    expect(row('age_at_intake', 'adult').category).toBe('Persona adulta');
    expect(row('age_at_intake', 'total').category).toBe('Total');
    expect(row('assessment_change', 'housing')).toMatchObject({ domain: 'Vivienda', mean_change: 'no se muestra' });
    expect(row('assessment_change', 'any').domain).toBe('Cualquier área');
    expect(table('assessment_change').note).toBe('Proporción con una mejora medible: no se muestra (muy pocas personas evaluadas dos veces).');
    expect(table('referrals_by_status').note).toBe('Mediana de días entre el envío y la aceptación: no se muestra (hay muy pocas derivaciones aceptadas).');
    const funders = table('funder_views');
    expect(funders.title).toBe('Conceptos para los informes a financiadores (OVC TIMS, HHS OTIP)');
    expect(funders.rows.find((r) => r.source === 'clients_served:total')).toEqual({ funder: 'OVC TIMS', item: 'Número total de personas atendidas', value: 4, source: 'clients_served:total' });

    // The figures, codes, table names and column keys are exactly the English report's.
    expect(figuresOf(es)).toEqual(figuresOf(en));
    expect(es.tables.find((x) => x.name === 'funder_views')!.rows.map((r) => r.value)).toEqual(en.tables.find((x) => x.name === 'funder_views')!.rows.map((r) => r.value));
    // CSV headers are the keys, the same in both languages; only the labels in the rows change.
    for (const file of spanish.files.filter((f) => f.endsWith('.csv'))) {
      expect(readFileSync(join(spanish.folder, file), 'utf8').split('\r\n')[0], file).toBe(readFileSync(join(english.folder, file), 'utf8').split('\r\n')[0]);
    }
    const csvRow = (folder: string) => readFileSync(join(folder, 'trafficking_type.csv'), 'utf8').split('\r\n').find((line) => line.startsWith('labor,'));
    const { en: enLabel, es: esLabel } = traffickingTypes.labels.labor;
    expect(csvRow(spanish.folder)).toBe(csvRow(english.folder)!.replace(enLabel, esLabel));

    // Verification covers the language: the manifest records it under its signature.
    const verified = await t.ok('reports.verify', { folder: spanish.folder });
    expect(verified).toMatchObject({ ok: true, problems: [] });
    const manifestPath = join(spanish.folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { parameters: { language: string } };
    expect(manifest.parameters).toEqual({ workerFilter: false, threshold: 2, language: 'es', preset: 'standard' });
    manifest.parameters.language = 'en';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect((await t.ok('reports.verify', { folder: spanish.folder })).problems).toEqual([
      'The manifest signature does not match: the manifest was changed after the report was made.',
    ]);
  });

  it('still verifies a report made before reports had a language', () => {
    const folder = tempDir();
    const keys = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const json = Buffer.from('{}\n');
    writeFileSync(join(folder, 'report.json'), json);
    const manifest = signManifest(
      {
        kind: 'safehold-report-manifest',
        version: 1,
        period: YEAR,
        parameters: { workerFilter: false, threshold: 10 },
        appVersion: '0.1.0',
        generatedAt: '2026-01-05T10:00:00.000Z',
        auditChainHead: 'a'.repeat(64),
        files: [{ name: 'report.json', sha256: sha256(json), bytes: json.length }],
      },
      keys.privateKey,
      keys.publicKey,
    );
    writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest));
    expect(verifyReportFolder(folder)).toMatchObject({ ok: true, problems: [] });
  });

  it('writes a Spanish PDF', async () => {
    const t = await setUpCore();
    await fixture(t);
    const exported = await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['pdf'], language: 'es' });
    const text = await pdfText(join(exported.folder, 'report.pdf'));
    for (const words of ['Informe de resultados', 'Periodo: del 2025-01-01 al 2025-12-31', 'Personas atendidas', 'Tipo de trata', 'Persona adulta', 'No registrado', 'Cómo se cuentan las cifras', '«withheld» (retenido)']) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Egresos: los casos cerrados en el periodo, por destino');
    expect(text).not.toMatch(/Outcome report|How the figures are counted|Type of trafficking|Not recorded/u);
    expect(text).not.toContain('Canary');
  });

  it('refuses a language it does not have, and writes nothing', async () => {
    const t = await setUpCore();
    const out = tempDir();
    const result = await t.call('reports.export', { ...YEAR, folder: out, formats: ['json'], language: 'fr' as 'es' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'language' }] } });
    expect(readdirSync(out)).toEqual([]);
  });

  it('says what the Reports screen says in Spanish', () => {
    const rules = ['served', 'new', 'intakeDate', 'days', 'age', 'intakeAnswers', 'services', 'referrals', 'goals', 'assessment', 'milestones', 'exits', 'family', 'suppression'] as const;
    expect(COUNTING_RULES.es).toEqual(rules.map((key) => esCatalog[`reportRule.${key}`]));
    expect(COUNTING_RULES.en).toHaveLength(COUNTING_RULES.es.length);
    const words = reportWords.es;
    for (const [name, title] of Object.entries(words.tables)) {
      if (name !== 'funder_views') expect(title, name).toBe(esCatalog[`reportTable.${name}` as keyof typeof esCatalog]);
    }
    expect(words.notes.medianDays(10)).toBe(esCatalog['reportNote.medianDays'].replace('{days}', '10'));
    expect(words.notes.improvedShare(50)).toBe(esCatalog['reportNote.improvedShare'].replace('{percent}', '50'));
    expect([words.notes.partitionWithheld, words.notes.servedWithheld, words.notes.servicesNoTotal, words.notes.medianHidden, words.notes.improvedHidden]).toEqual([
      esCatalog['reportNote.partitionWithheld'],
      esCatalog['reportNote.servedWithheld'],
      esCatalog['reportNote.servicesNoTotal'],
      esCatalog['reportNote.medianHidden'],
      esCatalog['reportNote.improvedHidden'],
    ]);
  });
});
