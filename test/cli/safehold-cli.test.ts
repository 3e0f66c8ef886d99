import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../main/store/migrations';
import { scanForCanaries } from '../helpers/scan';
import { tempDir } from '../helpers/tmp';

// The CLI is tested as people use it: the built `safehold` bin in a child process (npm test builds first).
const BIN = resolve('bin/safehold.mjs');
const AGENCY = 'Canary Agency Vq3Lm8';
const ADMIN = 'Canary Admin Zt5Rw1';
const PASSPHRASE = 'orchard kettle violet 88';

function safehold(args: string[], stdin = '') {
  const run = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function init(dir: string) {
  return safehold(['init', '--data-dir', dir, '--agency', AGENCY, '--admin', ADMIN, '--passphrase-stdin'], `${PASSPHRASE}\n`);
}

describe('safehold init and check', () => {
  it('is built (npm test builds before it runs the tests)', () => {
    expect(existsSync(resolve('out/node/safehold.mjs')), 'run `npm run build` first').toBe(true);
  });

  it('init creates an encrypted store and keyring and prints the recovery key once', () => {
    const dir = tempDir();
    const result = init(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Recovery key[\s\S]*\b([0-9A-Z]{4}-){7}[0-9A-Z]{4}\b/u);
    expect(readdirSync(dir).sort()).toEqual(['audit-anchor.json', 'keyring.json', 'safehold.db']);
    expect(scanForCanaries([dir], [AGENCY, ADMIN, PASSPHRASE])).toEqual([]);
  });

  it('check unlocks and reports the pragma self-test, integrity and the access log as JSON', () => {
    const dir = tempDir();
    init(dir);
    const result = safehold(['check', '--data-dir', dir, '--name', ADMIN, '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(result.code, result.stderr).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ ok: true, cipher: 'aegis', pragmas: 'ok', integrity: 'ok', schemaVersion: LATEST_VERSION, auditLog: { intact: true } });
    expect(result.stdout).not.toContain(ADMIN);
  });

  it('a wrong passphrase exits non-zero with a plain message and changes no file', () => {
    const dir = tempDir();
    init(dir);
    const before = hashes(dir);
    const result = safehold(['check', '--data-dir', dir, '--name', ADMIN, '--passphrase-stdin'], 'wrong passphrase here\n');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('That name and passphrase do not match. Nothing was changed.');
    expect(hashes(dir)).toEqual(before);
  });

  it('never takes a passphrase as an argument', () => {
    const dir = tempDir();
    const result = safehold(['init', '--data-dir', dir, '--agency', AGENCY, '--admin', ADMIN, '--passphrase', PASSPHRASE]);
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a short passphrase and a second init, writing nothing', () => {
    const dir = tempDir();
    const short = safehold(['init', '--data-dir', dir, '--agency', AGENCY, '--admin', ADMIN, '--passphrase-stdin'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/u);
    expect(readdirSync(dir)).toEqual([]);
    init(dir);
    const before = hashes(dir);
    const again = init(dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already set up/u);
    expect(hashes(dir)).toEqual(before);
  });

  it('demo creates a store of fictional cases, marked as a demo', () => {
    const dir = tempDir();
    const result = safehold(['demo', '--data-dir', join(dir, 'demo'), '--clients', '150', '--seed', '3', '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('150 fictional cases');
    const status = safehold(['check', '--data-dir', join(dir, 'demo'), '--name', 'Demo Admin', '--passphrase-stdin'], `${PASSPHRASE}\n`);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, demo: true, integrity: 'ok' });
  });
});

describe('safehold report --lang', () => {
  const report = (dir: string, out: string, ...more: string[]) =>
    safehold(['report', '--data-dir', dir, '--name', ADMIN, '--passphrase-stdin', '--from', '2025-01-01', '--to', '2025-12-31', '--out', out, ...more], `${PASSPHRASE}\n`);

  it('writes the files in Spanish, signed with their language, and verify-report accepts them', () => {
    const dir = tempDir();
    init(dir);
    const result = report(dir, tempDir(), '--lang', 'es');
    expect(result.code, result.stderr).toBe(0);
    const { folder } = JSON.parse(result.stdout) as { folder: string };
    const json = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as { parameters: { language: string }; countingRules: string[]; tables: { name: string; title: string }[] };
    expect(json.parameters.language).toBe('es');
    expect(json.tables.find((t) => t.name === 'clients_served')!.title).toBe('Personas atendidas');
    expect(json.countingRules[0]).toMatch(/^Personas atendidas: /u);
    expect(readFileSync(join(folder, 'clients_served.csv'), 'utf8')).toBe('code,measure,clients\r\nnew,Nuevas,0\r\ncontinuing,Que continúan,0\r\ntotal,Total,0\r\n');
    expect((JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { parameters: unknown }).parameters).toEqual({ workerFilter: false, threshold: 10, language: 'es', preset: 'standard' });
    const verified = safehold(['verify-report', folder]);
    expect(verified.code, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a language it does not have, before asking for anything, and writes nothing', () => {
    const dir = tempDir();
    init(dir);
    const out = tempDir();
    const before = hashes(dir);
    const result = report(dir, out, '--lang', 'fr');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('safehold: --lang takes en (English) or es (Spanish). Nothing was written.\n');
    expect(readdirSync(out)).toEqual([]);
    expect(hashes(dir)).toEqual(before);
    expect(safehold(['--help']).stdout).toContain('[--lang en|es]');
  });
});
