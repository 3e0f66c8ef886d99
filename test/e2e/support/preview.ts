// Test tooling: starts the real `npm run preview` server (the built out/node/preview.mjs) in a child
// process with its own data, temp and browser-profile folders, and a Chromium on a persistent profile,
// so every file the run writes can be scanned afterwards. A run can also start on an existing data
// folder (a restored backup) or on the folders of an earlier run (after that run was killed).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM = process.env.SAFEHOLD_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface RunFolders {
  root: string;
  dataDir: string;
  tempDir: string;
  profileDir: string;
}

export interface PreviewRun extends RunFolders {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Closes the browser, then ends the preview with SIGTERM and waits for it. */
  stop(): Promise<void>;
  /** Ends the preview with SIGKILL (no chance to tidy up), then closes the browser. */
  kill(): Promise<void>;
  cleanup(): void;
}

export interface PreviewOptions {
  /** An existing data folder, for example one a backup was restored into. Default: a new one under the run's root. */
  dataDir?: string;
  /** Start again on an earlier run's data, temp and browser-profile folders (cleanup() of either removes them). */
  reuse?: RunFolders;
}

export async function startPreviewRun(options: PreviewOptions = {}): Promise<PreviewRun> {
  const root = options.reuse?.root ?? mkdtempSync(join(tmpdir(), 'safehold-e2e-'));
  const dataDir = options.reuse?.dataDir ?? options.dataDir ?? join(root, 'data');
  const tempDir = options.reuse?.tempDir ?? join(root, 'tmp');
  const profileDir = options.reuse?.profileDir ?? join(root, 'profile');
  for (const dir of [dataDir, tempDir, profileDir]) mkdirSync(dir, { recursive: true });

  const child: ChildProcess = spawn(process.execPath, [resolve('out/node/preview.mjs'), '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/u.exec(out);
      if (match) done(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`preview exited with ${code}: ${err}`)));
  });

  // The product runs in Electron, which has no password manager or form autofill, on an in-memory
  // session. A desktop browser saves typed names and sign-ins to its profile: turn that off here, as
  // the README tells preview users to, so the scan below tests what Safehold itself writes.
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({
      credentials_enable_service: false,
      profile: { password_manager_enabled: false },
      autofill: { profile_enabled: false, credit_card_enabled: false },
    }),
  );
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: tempDir },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);

  let stopped = false;
  const exited = new Promise((done) => child.once('exit', done));
  return {
    root,
    dataDir,
    tempDir,
    profileDir,
    url,
    context,
    page,
    async stop() {
      if (stopped) return;
      stopped = true;
      await context.close();
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGKILL');
      await exited;
      await context.close();
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
