// Files that come from elsewhere besides imports and backups: an invitation file, the team's shared
// folder (bundles, key files, blobs) and a report folder to verify. Each is opened only if it is an
// ordinary file: a FIFO (which would block the main process until someone writes to it), a link to
// /dev/zero (which never ends) or a folder is refused at once, and nothing waits for a writer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readIfPresent } from '../../main/sync/team/folder';
import { BlobRefused, readBlobFile } from '../../main/sync/team/blob-file';
import { verifyReportFolder } from '../../main/reports/manifest';
import { setUpCore, testCore } from '../helpers/core';
import { tempDir } from '../helpers/tmp';

const writers: ChildProcess[] = [];
afterEach(() => {
  for (const child of writers.splice(0)) child.kill('SIGKILL');
});

/**
 * A FIFO whose writer turns up only after 2 s, and notes (in `marker`) just before it opens its end.
 * Code that opens the FIFO the blocking way cannot return before the marker exists; code that
 * refuses it as not an ordinary file returns long before.
 */
function lateFifo(path: string): { path: string; marker: string } {
  if (spawnSync('mkfifo', [path]).status !== 0) throw new Error('mkfifo failed');
  const marker = `${path}.writer-came`;
  writers.push(spawn('sh', ['-c', 'sleep 2; : > "$2"; exec 3>"$1"; sleep 2', 'sh', path, marker], { stdio: 'ignore' }));
  return { path, marker };
}

describe('the shared folder', () => {
  it('reads no FIFO, device or folder as a bundle or team file, and does not wait for a writer', () => {
    const dir = tempDir();
    const pipe = lateFifo(join(dir, '1.shb'));
    expect(readIfPresent(pipe.path)).toBeNull();
    expect(existsSync(pipe.marker)).toBe(false);
    symlinkSync('/dev/zero', join(dir, '2.shb'));
    expect(readIfPresent(join(dir, '2.shb'))).toBeNull();
    mkdirSync(join(dir, '3.shb'));
    expect(readIfPresent(join(dir, '3.shb'))).toBeNull();
    writeFileSync(join(dir, '4.shb'), 'bundle bytes');
    expect(readIfPresent(join(dir, '4.shb'))?.toString()).toBe('bundle bytes');
    symlinkSync(join(dir, '4.shb'), join(dir, '5.shb'));
    expect(readIfPresent(join(dir, '5.shb'))?.toString()).toBe('bundle bytes');
  });

  it('refuses a FIFO or a device as a document blob without waiting for a writer', () => {
    const dir = tempDir();
    const pipe = lateFifo(join(dir, 'b-00.shd'));
    const key = Buffer.alloc(32, 7);
    const name = '00'.repeat(32);
    expect(() => readBlobFile(pipe.path, name, key, 1, () => {})).toThrow(BlobRefused);
    expect(existsSync(pipe.marker)).toBe(false);
    symlinkSync('/dev/zero', join(dir, 'b-01.shd'));
    expect(() => readBlobFile(join(dir, 'b-01.shd'), name, key, 1, () => {})).toThrow(BlobRefused);
  });
});

describe('an invitation file (team.join)', () => {
  it('is refused as unreadable when it is a FIFO or a link to /dev/zero, without waiting, and nothing is set up', async () => {
    const b = testCore();
    const folder = tempDir();
    const dir = tempDir();
    const pipe = lateFifo(join(dir, 'invitation.shi'));
    const input = { invitationFile: pipe.path, code: 'AAAA-BBBB-CCCC-DDDD', folder, name: 'Jordan Join-Worker', passphrase: 'a brand new joiner passphrase' };
    const result = await b.call('team.join', input);
    expect(existsSync(pipe.marker)).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The invitation file could not be read.', fields: [{ path: 'invitationFile' }] } });
    symlinkSync('/dev/zero', join(dir, 'zero.shi'));
    const zero = await b.call('team.join', { ...input, invitationFile: join(dir, 'zero.shi') });
    expect(zero).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The invitation file could not be read.' } });
    expect((await b.ok('app.status', {})).state).toBe('needs-setup');
  });
});

describe('a report folder to verify', () => {
  const manifest = (files: { name: string; sha256: string; bytes: number }[]) =>
    JSON.stringify({
      kind: 'safehold-report-manifest',
      version: 1,
      period: { from: '2026-01-01', to: '2026-03-31' },
      parameters: { workerFilter: false, threshold: 5 },
      appVersion: '0',
      generatedAt: '2026-04-01T00:00:00Z',
      auditChainHead: '00',
      files,
      publicKey: 'not a key',
      signature: '',
    });

  it('refuses a FIFO manifest without waiting for a writer', () => {
    const dir = tempDir();
    const pipe = lateFifo(join(dir, 'manifest.json'));
    const result = verifyReportFolder(dir);
    expect(existsSync(pipe.marker)).toBe(false);
    expect(result.ok).toBe(false);
    expect(result.problems.join(' ')).toMatch(/manifest\.json is damaged/u);
  });

  it('names a listed file that is a FIFO, a link to /dev/zero or a folder as changed, without waiting (through reports.verify)', async () => {
    const t = await setUpCore();
    const dir = tempDir();
    const pipe = lateFifo(join(dir, 'outcomes.csv'));
    symlinkSync('/dev/zero', join(dir, 'outcomes.json'));
    mkdirSync(join(dir, 'outcomes.pdf'));
    const zeros = '0'.repeat(64);
    writeFileSync(
      join(dir, 'manifest.json'),
      manifest([
        { name: 'outcomes.csv', sha256: zeros, bytes: 0 },
        { name: 'outcomes.json', sha256: zeros, bytes: 0 },
        { name: 'outcomes.pdf', sha256: zeros, bytes: 0 },
      ]),
    );
    const result = await t.ok('reports.verify', { folder: dir });
    expect(existsSync(pipe.marker)).toBe(false);
    expect(result.ok).toBe(false);
    for (const name of ['outcomes.csv', 'outcomes.json', 'outcomes.pdf']) expect(result.problems).toContain(`${name} was changed after the report was made.`);
  });
});
