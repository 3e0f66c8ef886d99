// The submission pack: exact counts for a funder's portal, only for administrators and auditors,
// only with a reason, marked on every page and in the manifest, logged without the reason's words,
// and never the default.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { exactExportReasons } from '../../main/reports/exact';
import { computeFigures } from '../../main/reports/figures';
import type { Report } from '../../shared/schemas/reports';
import { ADMIN, PASSPHRASE, addStaff, setUpCore, type TestCore } from '../helpers/core';
import { expectedLines, flat, pdfPages } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const REASON = 'The state VOCA portal asks for exact quarterly counts.';
const MARK = { en: 'Exact counts for submission — not for publication', es: 'Recuentos exactos para presentar — no para publicar' };

/** Three people served in the year: every count is small, so a normal report shows none of them exactly. */
async function smallAgency(t: TestCore) {
  for (const [name, intakeDate] of [
    ['Synthetic Exact One', '2025-02-01'],
    ['Synthetic Exact Two', '2025-03-01'],
    ['Synthetic Exact Three', '2024-05-01'],
  ] as const) {
    const { id } = await t.ok('clients.create', { chosenName: name });
    await t.ok('intake.saveSection', { clientId: id, section: 'referral', baseVersion: 1, data: { intakeDate } });
    await t.ok('services.add', { clientId: id, date: '2025-04-01', category: 'legal' });
  }
}

async function signInAs(t: TestCore, role: 'auditor' | 'supervisor' | 'caseworker') {
  const who = await addStaff(t, role, `Synthetic ${role}`);
  await t.ok('session.lock', {});
  await t.ok('session.unlock', who);
}

const readJson = <T>(folder: string, file: string) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as T;

describe('exact counts for submission', () => {
  it.each(['supervisor', 'caseworker'] as const)('are refused to a %s, and nothing is written', async (role) => {
    const t = await setUpCore();
    await smallAgency(t);
    await signInAs(t, role);
    const folder = tempDir();
    expect(await t.call('reports.exportExact', { ...YEAR, folder, formats: ['json'], reason: REASON })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('are refused without a reason, or with one too short to say anything, and nothing is written', async () => {
    const t = await setUpCore();
    const folder = tempDir();
    for (const reason of [undefined, '', 'portal']) {
      const result = await t.call('reports.exportExact', { ...YEAR, folder, formats: ['json'], reason } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'reason' }] } });
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(exactExportReasons(t.control.current!.db)).toEqual([]);
  });

  it.each(['en', 'es'] as const)('give an auditor with a reason the exact numbers, marked on every PDF page and in the manifest, and logged (%s)', async (language) => {
    const t = await setUpCore();
    await smallAgency(t);
    const raw = computeFigures(t.control.current!.db, { ...YEAR, workerId: null });
    expect(raw.served).toEqual({ total: 3, new: 2, continuing: 1 });
    await signInAs(t, 'auditor');
    const me = t.control.current!.user.id;

    // The default stays suppressed: no exact small count, no marking.
    const normal = await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['json', 'pdf'], language });
    const normalJson = readJson<Report>(normal.folder, 'report.json');
    expect(normalJson.parameters.exact).toBeUndefined();
    expect(normalJson.tables[0]!.rows.map((r) => r.clients)).toEqual(['1-10', '1-10', '1-10']);
    expect((await pdfPages(join(normal.folder, 'report.pdf'))).join(' ')).not.toContain(MARK[language]);

    const pack = await t.ok('reports.exportExact', { ...YEAR, folder: tempDir(), formats: ['csv', 'json', 'pdf'], language, reason: REASON });
    expect(pack.folder).toMatch(/-exact-counts$/u);
    const json = readJson<Report>(pack.folder, 'report.json');
    expect(json.parameters).toMatchObject({ exact: true, threshold: 0, language });
    expect(json.tables.find((x) => x.name === 'clients_served')!.rows.map((r) => r.clients)).toEqual([2, 1, 3]);
    expect(json.tables.find((x) => x.name === 'services_by_category')!.rows.find((r) => r.code === 'legal')).toMatchObject({ clients: 3, encounters: 3 });
    expect(readFileSync(join(pack.folder, 'clients_served.csv'), 'utf8')).toContain('total,');
    // No cell anywhere is a range or withheld.
    expect(JSON.stringify(json.tables)).not.toMatch(/"\d+-\d+"|"withheld"/u);

    const manifest = readJson<{ parameters: Record<string, unknown> }>(pack.folder, 'manifest.json');
    expect(manifest.parameters).toMatchObject({ exact: true, threshold: 0 });
    expect(await t.ok('reports.verify', { folder: pack.folder })).toMatchObject({ ok: true, exact: true });

    // Every page carries the marking; every figure is in the PDF with its labels.
    const pages = (await pdfPages(join(pack.folder, 'report.pdf'))).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) expect(page, `page ${i + 1}`).toContain(MARK[language]);
    for (const table of json.tables) for (const line of expectedLines(table)) expect(pages.join(' ')).toContain(line);

    // Logged by ids; the reason is kept in the store with who, when and the period.
    const entries = (await t.ok('audit.list', { action: 'report.export-exact' })).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: me, targetId: expect.stringMatching(/^export-reason:\d+$/u) });
    expect(JSON.stringify(await t.ok('audit.list', {}))).not.toContain('VOCA');
    expect(exactExportReasons(t.control.current!.db)).toEqual([{ id: 1, userId: me, at: expect.any(String), from: YEAR.from, to: YEAR.to, reason: REASON }]);
  });
});

async function cli(args: string[], stdin = '') {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  io.stdin.end(stdin);
  const out = { stdout: '', stderr: '' };
  io.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
  io.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
  return { code: await runCli(args, io), ...out };
}

describe('safehold report --exact', () => {
  it('needs --reason, refuses a supervisor, and writes a marked, logged pack for an admin', async () => {
    const t = await setUpCore();
    await smallAgency(t);
    const supervisor = await addStaff(t, 'supervisor', 'Synthetic CLI Supervisor');
    await t.ok('session.lock', {});
    const report = (name: string, passphrase: string, out: string, ...more: string[]) =>
      cli(['report', '--data-dir', t.dataDir, '--name', name, '--passphrase-stdin', '--from', YEAR.from, '--to', YEAR.to, '--out', out, ...more], `${passphrase}\n`);

    const out = tempDir();
    const noReason = await report(ADMIN, PASSPHRASE, out, '--exact');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--exact needs --reason');
    const refused = await report(supervisor.name, supervisor.passphrase, out, '--exact', '--reason', REASON);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('This needs one of these roles: admin, auditor.');
    expect(readdirSync(out)).toEqual([]);

    const made = await report(ADMIN, PASSPHRASE, out, '--exact', '--reason', REASON, '--format', 'json,pdf');
    expect(made.code, made.stderr).toBe(0);
    const { folder } = JSON.parse(made.stdout) as { folder: string };
    expect(readJson<{ parameters: unknown }>(folder, 'manifest.json').parameters).toMatchObject({ exact: true, threshold: 0 });
    expect(readJson<Report>(folder, 'report.json').tables[0]!.rows.map((r) => r.clients)).toEqual([2, 1, 3]);
    expect((await pdfPages(join(folder, 'report.pdf'))).every((p) => p.includes(MARK.en))).toBe(true);
    const verified = await cli(['verify-report', folder]);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, exact: true });

    await t.ok('session.unlock', { name: ADMIN, passphrase: PASSPHRASE });
    expect((await t.ok('audit.list', { action: 'report.export-exact.cli' })).entries).toHaveLength(1);
    expect(exactExportReasons(t.control.current!.db).map((r) => r.reason)).toEqual([REASON]);
  });
});
