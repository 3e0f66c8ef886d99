// Spreadsheet import through the one door: every row checked, every problem listed by row and
// column, all or nothing; and what was imported is what the outcome report counts afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../../main/reports/figures';
import { setUpCore, type TestCore } from '../helpers/core';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

async function rows(t: TestCore, table: string): Promise<number> {
  return t.control.current!.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

// Canary names: random-looking strings that must never appear in any file of the data folder.
const CANARIES = ['Qzx Luzmira Vk7', 'Ytr Anabela Pw3', 'Hgf Mairen Zq9', 'Nml Solenne Xd2', 'Bvc Kofiro Tt5', 'Wer Dariush Jm8'];

const CLIENTS = csv(
  'external_id,chosen_name,pronouns,date_of_birth,legal_name,aliases,gender_identity,citizenship_category,trafficking_type,referral_source,intake_date,risk_level,phone,safe_to_call,safe_to_text,safe_voicemail,safe_mail',
  `P1,${CANARIES[0]},she/her,1990-04-02,"${CANARIES[0]}, Legal",Lu;Mira,woman,foreign_national,labor,hotline,2025-02-01,high,555-0101,no,yes,no,unknown`,
  `P2,${CANARIES[1]},,prefers_not,prefers_not,,woman,us_citizen,sex,law_enforcement,2025-03-15,medium,,,,,`,
  `P3,${CANARIES[2]},,2008-01-20,,,Woman,lpr,Labor,self,2025-04-01,,,,,,`,
  `P4,${CANARIES[3]},he/him,,,,man,unknown,labor,community,2025-05-05,low,555-0104,yes,yes,yes,yes`,
  `P5,${CANARIES[4]},,,,,man,foreign_national,sex,other,2025-06-10,very high,,,,,`,
  `P6,${CANARIES[5]},,,,,prefers_not,doesnt_know,labor,hotline,2025-07-01,,,,,,`,
);

describe('a clients file with problems', () => {
  it('lists every problem at once, by row and column, and writes nothing', async () => {
    const t = await setUpCore();
    const bad = csv(
      'external_id,chosen_name,date_of_birth,gender_identity,intake_date',
      'A1,Luz,2001-05-04,woman,2025-02-01',
      'A2,,2001-13-04,womn,2025-02-01',
      'A1,Ana Secretname,prefers_not,prefers_not,2025-02-30',
    );
    const preview = await t.ok('import.preview', { kind: 'clients', csvText: bad });
    const expected = [
      { row: 3, column: 'chosen_name' },
      { row: 3, column: 'date_of_birth' },
      { row: 3, column: 'gender_identity' },
      { row: 4, column: 'external_id' },
      { row: 4, column: 'intake_date' },
    ];
    expect(preview.rowCount).toBe(3);
    expect(preview.problemCount).toBe(5);
    expect(preview.problems.map(({ row, column }) => ({ row, column })).sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))).toEqual(expected);
    expect(preview.problems.find((p) => p.column === 'external_id')!.message).toMatch(/already used on row 2/u);
    expect(preview.problems.find((p) => p.column === 'gender_identity')!.message).toMatch(/Use one of: woman, man/u);

    const result = await t.call('import.apply', { kind: 'clients', csvText: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toMatch(/^5 problems in the file\. Nothing was imported/u);
    expect(result.error.fields!.map((f) => f.path).sort()).toEqual(expected.map((e) => `row ${e.row}, column ${e.column}`).sort());
    // Messages say what is wrong without repeating what was in the cell.
    expect(JSON.stringify(result.error)).not.toMatch(/womn|Secretname|2001-13-04/u);

    expect((await t.ok('clients.list', { assigned: 'any' })).total).toBe(0);
    expect(await rows(t, 'external_ids')).toBe(0);
    expect(await rows(t, 'intake_sections')).toBe(0);
  });

  it('checks the header: unknown and duplicate columns, a missing required column', async () => {
    const t = await setUpCore();
    const preview = await t.ok('import.preview', { kind: 'clients', csvText: csv('Name,DOB,pronouns,Pronouns', 'Ana,2001-01-01,she,her') });
    expect(preview.problems).toEqual([
      { row: 1, column: 'Name', message: expect.stringMatching(/Not a column of the clients template/u) },
      { row: 1, column: 'DOB', message: expect.stringMatching(/Not a column/u) },
      { row: 1, column: 'Pronouns', message: expect.stringMatching(/Both this column and "pronouns" would fill pronouns/u) },
      { row: 1, column: 'chosen_name', message: 'The file has no chosen_name column; it is required.' },
    ]);
  });
});

describe('a column mapping for a spreadsheet whose headers differ', () => {
  it('previews the first rows as the fields they map to, and imports with the same mapping', async () => {
    const t = await setUpCore();
    const text = csv('Client Name,DOB,Worker notes', ...Array.from({ length: 25 }, (_, i) => `Person ${i + 1},2000-01-${String((i % 28) + 1).padStart(2, '0')},private`));
    const mapping = { 'Client Name': 'chosen_name', DOB: 'date_of_birth', 'Worker notes': null };
    const preview = await t.ok('import.preview', { kind: 'clients', csvText: text, mapping });
    expect(preview).toMatchObject({ columns: ['Client Name', 'DOB', 'Worker notes'], mapping, rowCount: 25, problems: [], problemCount: 0 });
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toEqual({ row: 2, values: { chosen_name: 'Person 1', date_of_birth: '2000-01-01' } });
    expect(preview.template.find((c) => c.name === 'chosen_name')).toMatchObject({ required: true });
    expect((await t.ok('import.apply', { kind: 'clients', csvText: text, mapping })).imported).toEqual({ clients: 25, services: 0, assessments: 0 });
  });
});

async function importAll(t: TestCore) {
  const partner = await t.ok('partners.add', { name: 'Harbor Legal Aid', services: ['legal'] });
  const clients = await t.ok('import.apply', { kind: 'clients', csvText: CLIENTS });
  const p4 = (await t.ok('clients.list', { assigned: 'any', query: CANARIES[3]! })).rows[0]!;
  const services = await t.ok('import.apply', {
    kind: 'services',
    csvText: csv(
      'external_id,case_number,date,category,provider,partner,minutes,amount,note',
      'P1,,2025-02-02,case_management,,,60,,',
      'P1,,2025-03-02,case_management,in_house,,30,,',
      'P2,,2025-03-20,case_management,,,45,,',
      'P3,,2025-04-02,Case Management,,,,,',
      `,${p4.caseNumber},2025-05-06,legal,partner,harbor legal aid,,,`,
      'P5,,2025-06-11,housing,,,,"$1,250.50",First month',
    ),
  });
  const assessments = await t.ok('import.apply', {
    kind: 'assessments',
    csvText: csv(
      'external_id,taken_on,kind,housing,income,safety',
      'P1,2025-02-01,intake,1,2,',
      'P1,2025-08-01,follow_up,3,2,4',
      'P2,2025-03-15,intake,2,,',
      'P2,2025-09-15,exit,2,,',
      'P3,2025-04-01,intake,,,3',
    ),
  });
  return { partner, clients, services, assessments, p4 };
}

describe('a good import of clients, then their services and assessments', () => {
  it('creates each person with their intake sections, and refers to them by external_id or case number', async () => {
    const t = await setUpCore();
    const { clients, services, assessments, partner } = await importAll(t);
    expect(clients).toEqual({ kind: 'clients', rowCount: 6, imported: { clients: 6, services: 0, assessments: 0 } });
    expect(services.imported).toEqual({ clients: 0, services: 6, assessments: 0 });
    expect(assessments.imported).toEqual({ clients: 0, services: 0, assessments: 5 });

    const p1 = (await t.ok('clients.list', { assigned: 'any', query: 'Luzmira' })).rows[0]!;
    expect(p1).toMatchObject({ chosenName: CANARIES[0], pronouns: 'she/her', riskLevel: 'high', assignedWorker: null });
    const profile = await t.ok('clients.get', { id: p1.id });
    expect(profile.sections.identity?.data).toMatchObject({ preferredName: CANARIES[0], legalName: `${CANARIES[0]}, Legal`, aliases: ['Lu', 'Mira'], dateOfBirth: '1990-04-02', genderIdentity: 'woman' });
    expect(profile.sections.referral?.data).toMatchObject({ intakeDate: '2025-02-01', referralSource: 'hotline' });
    expect(profile.header.contactSafety).toEqual([{ kind: 'phone', safeToCall: 'no', safeToText: 'yes', safeVoicemail: 'no', safeMail: 'unknown' }]);
    // Legal names and aliases are found by search, as for a case typed in.
    expect((await t.ok('clients.list', { assigned: 'any', query: 'mira' })).rows.map((r) => r.id)).toContain(p1.id);
    expect((await t.ok('clients.history', { id: p1.id })).entries.map((e) => e.field)).toEqual(expect.arrayContaining(['imported', 'imported:case_management', 'imported:follow_up']));

    const plan = await t.ok('plan.get', { id: p1.id });
    expect(plan.services.map((s) => [s.date, s.category, s.minutes])).toEqual([
      ['2025-03-02', 'case_management', 30],
      ['2025-02-02', 'case_management', 60],
    ]);
    const p5 = (await t.ok('clients.list', { assigned: 'any', query: 'Kofiro' })).rows[0]!;
    expect((await t.ok('plan.get', { id: p5.id })).services[0]).toMatchObject({ category: 'housing', amountCents: 125050, note: 'First month' });
    const p4 = (await t.ok('clients.list', { assigned: 'any', query: 'Solenne' })).rows[0]!;
    expect((await t.ok('plan.get', { id: p4.id })).services[0]).toMatchObject({ category: 'legal', provider: 'partner', partner: 'Harbor Legal Aid' });
    expect(partner.id).toMatch(/^[0-9a-f]{32}$/u);

    const outcomes = await t.ok('outcomes.forClient', { id: p1.id });
    expect(outcomes.assessments.map((a) => a.kind)).toEqual(['intake', 'follow_up']);
    expect(outcomes.change.map((c) => c.change).sort()).toEqual([0, 2]);
  });

  it('refuses the same people twice, and rows about people it cannot find', async () => {
    const t = await setUpCore();
    await t.ok('import.apply', { kind: 'clients', csvText: CLIENTS });
    const again = await t.call('import.apply', { kind: 'clients', csvText: CLIENTS });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.fields).toHaveLength(6);
    const services = await t.ok('import.preview', {
      kind: 'services',
      csvText: csv('external_id,case_number,date,category,partner', 'P9,,2025-01-01,legal,', ',SH-1999-0001,2025-01-01,legal,', 'P1,,2025-01-01,legal,Nobody Partner'),
    });
    expect(services.problems.map((p) => `${p.row} ${p.column}`)).toEqual(['2 external_id', '3 case_number', '4 partner']);
    expect(await rows(t, 'services')).toBe(0);
  });
});

describe('import and the outcome report agree', () => {
  it('counts the imported people, their services by category and their assessment change as the sheets say', async () => {
    const t = await setUpCore();
    await importAll(t);
    const db = t.control.current!.db;
    const f = computeFigures(db, { from: '2025-01-01', to: '2025-12-31', workerId: null });
    expect(f.served).toEqual({ total: 6, new: 6, continuing: 0 });
    expect(f.gender).toEqual([
      { key: 'man', count: 2 },
      { key: 'prefers_not', count: 1 },
      { key: 'woman', count: 3 },
    ]);
    expect(f.traffickingType).toEqual([
      { key: 'labor', count: 4 },
      { key: 'sex', count: 2 },
    ]);
    expect(f.ageAtIntake).toEqual([
      { key: 'adult', count: 1 },
      { key: 'minor', count: 1 },
      { key: 'unknown', count: 4 },
    ]);
    expect(f.services).toEqual([
      { category: 'case_management', clients: 3, encounters: 4 },
      { category: 'housing', clients: 1, encounters: 1 },
      { category: 'legal', clients: 1, encounters: 1 },
    ]);
    // (toMatchObject: the report may carry more about each domain, such as its label.)
    expect(f.assessment).toMatchObject([
      { domain: 'housing', clients: 2, meanChange: 1, improved: 1 },
      { domain: 'income', clients: 1, meanChange: 0, improved: 0 },
    ]);
    expect(f.improvedClients).toEqual({ assessed: 2, improved: 1 });

    // The report through the door, with small cells shown: the same figures.
    await t.ok('settings.setSuppression', { threshold: 2 });
    const report = await t.ok('reports.outcomes', { from: '2025-01-01', to: '2025-12-31' });
    expect(JSON.stringify(report)).toContain('case_management');
  });

  it('leaves no imported name readable in any file of the data folder', async () => {
    const t = await setUpCore();
    await importAll(t);
    await t.ok('session.lock', {});
    expect(scanForCanaries([t.dataDir], CANARIES)).toEqual([]);
  });
});

describe('importing from a file', () => {
  it('reads a UTF-8 .csv file and an .xlsx workbook, and refuses other text encodings plainly', async () => {
    const t = await setUpCore();
    const dir = tempDir();
    const csvFile = join(dir, 'clients.csv');
    writeFileSync(csvFile, `\uFEFF${csv('chosen_name,date_of_birth', 'José Núñez,1999-12-31')}`);
    expect((await t.ok('import.apply', { kind: 'clients', file: csvFile })).imported.clients).toBe(1);

    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('chosen_name\nJos\xe9\n', 'latin1'));
    const preview = await t.ok('import.preview', { kind: 'clients', file: latin1 });
    expect(preview.problems).toEqual([{ row: 1, column: '(file)', message: expect.stringMatching(/not UTF-8 text/u) }]);

    const xlsx = join(dir, 'clients.xlsx');
    writeFileSync(
      xlsx,
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/styles.xml': strToU8('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
        'xl/worksheets/sheet1.xml': strToU8(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>chosen_name</t></is></c><c r="B1" t="inlineStr"><is><t>intake_date</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>Amara</t></is></c><c r="B2" s="1"><v>45678</v></c></row></sheetData></worksheet>',
        ),
      }),
    );
    expect((await t.ok('import.apply', { kind: 'clients', file: xlsx })).imported.clients).toBe(1);
    const amara = (await t.ok('clients.list', { assigned: 'any', query: 'Amara' })).rows[0]!;
    expect((await t.ok('clients.get', { id: amara.id })).sections.referral?.data.intakeDate).toBe('2025-01-21');

    const missing = await t.call('import.preview', { kind: 'clients', file: join(dir, 'nope.csv') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'file' }] } });
    const both = await t.call('import.preview', { kind: 'clients', file: csvFile, csvText: 'chosen_name\n' });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const relative = await t.call('import.preview', { kind: 'clients', file: 'clients.csv' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
