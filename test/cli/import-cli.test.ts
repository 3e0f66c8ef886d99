// `safehold import` as an agency's IT person runs it: the built bin in a child process, against a store
// made with `safehold init`. A file with problems lists every one and changes nothing; a good file goes
// in whole, and no name from it is readable in the data folder afterwards.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

const BIN = resolve('bin/safehold.mjs');
const ADMIN = 'Import Admin Rk4Tz';
const PASSPHRASE = 'harbor pelican ledger 31';
const CANARIES = ['Qvw Ximena Lk3', 'Jhg Oluwaseun Pp8', 'Zxc Bronislava Mq1'];

function safehold(args: string[], stdin = '') {
  const run = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function store(): string {
  const dir = join(tempDir(), 'data');
  const made = safehold(['init', '--data-dir', dir, '--agency', 'Import Test Agency', '--admin', ADMIN, '--passphrase-stdin'], `${PASSPHRASE}\n`);
  expect(made.code, made.stderr).toBe(0);
  return dir;
}

function sheet(name: string, ...lines: string[]): string {
  const file = join(tempDir('safehold-sheets-'), name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const signedIn = (dir: string) => ['--data-dir', dir, '--name', ADMIN, '--passphrase-stdin'];
const importing = (dir: string, kind: string, file: string) => safehold(['import', ...signedIn(dir), '--kind', kind, '--file', file], `${PASSPHRASE}\n`);
const clientCount = (dir: string) => (JSON.parse(safehold(['check', ...signedIn(dir)], `${PASSPHRASE}\n`).stdout) as { clients: number }).clients;

describe('safehold import', () => {
  it('prints a template without any store', () => {
    const result = safehold(['import', '--template', 'clients']);
    expect(result.code, result.stderr).toBe(0);
    const [header, blank, ...docs] = result.stdout.trimEnd().split('\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['external_id', 'chosen_name', 'gender_identity', 'safe_to_call']));
    expect(blank).toBe('');
    expect(docs).toHaveLength(header!.split(',').length);
    expect(docs.find((d) => d.startsWith('chosen_name'))).toContain('(required)');
    expect(safehold(['import', '--template', 'assessments']).stdout.split('\n')[0]).toBe(
      'case_number,external_id,taken_on,kind,housing,income,employment,safety,health,mental_health,legal,social_support,education,transportation',
    );
    expect(safehold(['import', '--template', 'pets']).code).toBe(2);
  });

  it('lists every bad row and column, exits 1 and writes nothing', () => {
    const dir = store();
    const before = clientCount(dir);
    const file = sheet(
      'clients.csv',
      'external_id,chosen_name,date_of_birth,gender_identity',
      `A1,${CANARIES[0]},2001-05-04,woman`,
      'A2,,2001-02-30,womn',
      `A1,${CANARIES[1]},,man`,
    );
    const result = importing(dir, 'clients', file);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('row '))).toEqual([
      expect.stringMatching(/^row 3, column chosen_name: Fill in the chosen name/u),
      expect.stringMatching(/^row 3, column date_of_birth: Not a date/u),
      expect.stringMatching(/^row 3, column gender_identity: Not one of the codes/u),
      expect.stringMatching(/^row 4, column external_id: The same external_id is already used on row 2/u),
    ]);
    expect(lines.at(-1)).toBe('safehold: 4 problems in the file. Nothing was imported.');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, problemCount: 4 });
    expect(`${result.stdout}${result.stderr}`).not.toContain(CANARIES[1]);
    expect(clientCount(dir)).toBe(before);
  });

  it('imports clients, then services and assessments that refer to them by external_id', () => {
    const dir = store();
    const clients = importing(
      dir,
      'clients',
      sheet(
        'clients.csv',
        'external_id,chosen_name,gender_identity,trafficking_type,intake_date,phone,safe_to_call',
        `C-1,"${CANARIES[0]}",woman,labor,2025-01-10,555-0110,no`,
        `C-2,"${CANARIES[1]}",man,sex,2025-02-11,,`,
        `C-3,"${CANARIES[2]}",prefers_not,labor,2025-03-12,,`,
      ),
    );
    expect(clients.code, clients.stderr).toBe(0);
    expect(JSON.parse(clients.stdout)).toEqual({ ok: true, kind: 'clients', rowCount: 3, imported: { clients: 3, services: 0, assessments: 0 } });
    expect(clientCount(dir)).toBe(3);

    const services = importing(dir, 'services', sheet('services.csv', 'external_id,date,category,minutes', 'C-1,2025-01-11,case_management,60', 'C-2,2025-02-12,legal,'));
    expect(services.code, services.stderr).toBe(0);
    expect(JSON.parse(services.stdout).imported).toEqual({ clients: 0, services: 2, assessments: 0 });
    const assessments = importing(dir, 'assessments', sheet('assessments.csv', 'external_id,taken_on,kind,housing', 'C-1,2025-01-10,intake,2', 'C-1,2025-04-10,follow_up,4'));
    expect(assessments.code, assessments.stderr).toBe(0);
    expect(JSON.parse(assessments.stdout).imported).toEqual({ clients: 0, services: 0, assessments: 2 });

    // A services row about someone never imported: exit 1, and still three people, nothing else.
    const unknown = importing(dir, 'services', sheet('more.csv', 'external_id,date,category', 'C-9,2025-01-11,legal'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('row 2, column external_id: No one was imported with this external_id.');

    const report = safehold(['report', ...signedIn(dir), '--from', '2025-01-01', '--to', '2025-12-31', '--out', tempDir(), '--format', 'json'], `${PASSPHRASE}\n`);
    expect(report.code, report.stderr).toBe(0);
    expect(scanForCanaries([dir], CANARIES)).toEqual([]);
  });

  it('refuses a missing file or an unknown kind (exit 2), and lists an unterminated quote as a problem (exit 1)', () => {
    const dir = store();
    expect(importing(dir, 'clients', join(tempDir(), 'missing.csv'))).toMatchObject({ code: 2, stderr: expect.stringContaining('could not be opened') });
    expect(importing(dir, 'goals', sheet('x.csv', 'a'))).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind takes one of') });
    const broken = importing(dir, 'clients', sheet('broken.csv', 'chosen_name', '"Ana', 'Luz'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/row 2, column \(file\): A quoted field that starts on line 2 has no closing quote/u);
    expect(clientCount(dir)).toBe(0);
  });
});
