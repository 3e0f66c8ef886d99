// A report altered and signed again with another key is complete and consistent on its own: only the
// fingerprint the agency published tells it apart. The check, the CLI and the RPC compare with it.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { keyFingerprint, MANIFEST, sha256, signManifest, verifyReportFolder, type Manifest } from '../../main/reports/manifest';
import { setUpCore, type TestCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** Changes a figure in report.json and signs a new manifest with a key of one's own, as a forger would. */
function alterAndResign(folder: string): string {
  const path = join(folder, 'report.json');
  const report = JSON.parse(readFileSync(path, 'utf8')) as { tables: { rows: Record<string, unknown>[] }[] };
  report.tables[0]!.rows[0]!.clients = 999;
  writeFileSync(path, JSON.stringify(report));
  const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as Manifest;
  const bytes = readFileSync(path);
  const files = manifest.files.map((f) => (f.name === 'report.json' ? { ...f, sha256: sha256(bytes), bytes: bytes.length } : f));
  const keys = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const { signature: _s, publicKey: _p, ...unsigned } = manifest;
  writeFileSync(join(folder, MANIFEST), JSON.stringify(signManifest({ ...unsigned, files }, keys.privateKey, keys.publicKey)));
  return keyFingerprint(keys.publicKey);
}

async function exported(t: TestCore) {
  return (await t.ok('reports.export', { ...YEAR, folder: tempDir(), formats: ['json', 'csv'] })).folder;
}

async function cli(args: string[], stdin = '') {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  io.stdin.end(stdin);
  const chunks = { stdout: '', stderr: '' };
  io.stdout.on('data', (c: Buffer) => (chunks.stdout += c.toString()));
  io.stderr.on('data', (c: Buffer) => (chunks.stderr += c.toString()));
  const code = await runCli(args, io);
  return { code, ...chunks };
}

describe('a report altered and signed again with another key', () => {
  it('passes a check that looks only at the files, and fails one given the agency fingerprint', async () => {
    const t = await setUpCore();
    const agency = (await t.ok('reports.signingKey', {})).fingerprint;
    expect(agency).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/u);
    const folder = await exported(t);
    const forger = alterAndResign(folder);
    // Internally consistent: the old check passed it.
    expect(verifyReportFolder(folder)).toMatchObject({ ok: true, signerIsExpected: null });
    const checked = verifyReportFolder(folder, agency);
    expect(checked.ok).toBe(false);
    expect(checked.signerIsExpected).toBe(false);
    expect(checked.problems[0]).toBe(
      `This report was not signed by the expected key: its signer's fingerprint is ${forger}, the expected one is ${agency}. It may have been changed and signed again by someone else.`,
    );
  });

  it('fails reports.verify on the agency installation, against its own key unless another is given or remembered', async () => {
    const t = await setUpCore();
    const agency = (await t.ok('reports.signingKey', {})).fingerprint;
    const good = await exported(t);
    expect(await t.ok('reports.verify', { folder: good })).toMatchObject({ ok: true, signerIsExpected: true, expectedFrom: 'this-installation', expectedFingerprint: agency });
    const forged = await exported(t);
    const forger = alterAndResign(forged);
    expect(await t.ok('reports.verify', { folder: forged })).toMatchObject({ ok: false, signerIsExpected: false, signerFingerprint: forger, expectedFingerprint: agency });
    // Typed in another form (capitals, no spaces) it is the same fingerprint.
    expect(await t.ok('reports.verify', { folder: forged, expectedFingerprint: forger.replaceAll(' ', '').toUpperCase() })).toMatchObject({ ok: true, expectedFrom: 'given' });
    // Remembered: used until forgotten; the change is in the access log.
    await t.ok('reports.rememberFingerprint', { fingerprint: forger });
    expect((await t.ok('reports.signingKey', {})).rememberedFingerprint).toBe(forger);
    expect(await t.ok('reports.verify', { folder: good })).toMatchObject({ ok: false, signerIsExpected: false, expectedFrom: 'remembered' });
    await t.ok('reports.rememberFingerprint', { fingerprint: null });
    expect(await t.ok('reports.verify', { folder: good })).toMatchObject({ ok: true, expectedFrom: 'this-installation' });
    expect((await t.ok('audit.list', { action: 'reports.remember' })).entries).toHaveLength(2);
    // Not a fingerprint: refused by the contract, naming the field.
    expect(await t.call('reports.verify', { folder: good, expectedFingerprint: 'abc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'expectedFingerprint' }] } });
  });

  it('fails `safehold verify-report --fingerprint` with exit 1 and a plain message; a right one passes; a malformed one is refused', async () => {
    const t = await setUpCore();
    const agency = (await t.ok('reports.signingKey', {})).fingerprint;
    const good = await exported(t);
    const forged = await exported(t);
    alterAndResign(forged);

    const passed = await cli(['verify-report', good, '--fingerprint', agency]);
    expect(passed.code, passed.stderr).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ ok: true, signerFingerprint: agency, signerIsExpected: true, exact: false });

    const failed = await cli(['verify-report', forged, '--fingerprint', agency]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, signerIsExpected: false });
    expect(failed.stderr).toContain('safehold: the report did not pass the check.\n- This report was not signed by the expected key');

    // Without --fingerprint the forgery is consistent: exit 0, and the reader is told to compare.
    const unchecked = await cli(['verify-report', forged]);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stderr).toContain('Compare the signer');

    const malformed = await cli(['verify-report', good, '--fingerprint', 'not a fingerprint']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--fingerprint takes the 32 letters and digits');
  });
});
