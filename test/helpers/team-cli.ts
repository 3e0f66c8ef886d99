// The built `safehold` CLI in child processes, as agency IT runs team sync: the demo store's people,
// one passphrase, and the invite-then-join step. Shared by the team CLI, kill and revoke tests.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './tmp';

export const BIN = resolve('bin/safehold.mjs');
export const PASS = 'team sync words 2026';
export const ADMIN = 'Demo Admin';
export const SUPERVISOR = 'Demo Supervisor Ada';
export const WORKER = 'Demo Caseworker Ben';

export function safehold(args: string[], stdin = `${PASS}\n`) {
  const run = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', timeout: 180_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export const as = (dir: string, name: string) => ['--data-dir', dir, '--name', name, '--passphrase-stdin'];

export function ok(result: ReturnType<typeof safehold>) {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

export const check = (dir: string, name: string) => JSON.parse(ok(safehold(['check', ...as(dir, name)])).stdout) as { ok: boolean; clients: number; integrity: string };
export const sync = (dir: string, name: string) => JSON.parse(ok(safehold(['sync', ...as(dir, name)])).stdout.trim()) as { ok: boolean; sent: number; received: number; conflicts: number };

/** The administrator invites a person; their new laptop joins with the one-time code. */
export function inviteAndJoin(a: string, folder: string, name: string): { dir: string; laptop: string; invitation: string; code: string } {
  const invitation = join(tempDir(), 'invitation.shi');
  const code = ok(safehold(['team', 'invite', ...as(a, ADMIN), '--for', name, '--out', invitation])).stdout.trim().split('\n').at(-1)!;
  const dir = join(tempDir(), 'laptop');
  const joined = ok(safehold(['team', 'join', '--data-dir', dir, '--invite', invitation, '--folder', folder, '--name', name, '--passphrase-stdin'], `${code}\n${PASS}\n`));
  return { dir, laptop: (JSON.parse(joined.stdout.trim().split('\n').at(-1)!) as { laptop: string }).laptop, invitation, code };
}
