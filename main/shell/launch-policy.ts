// Runs in the Electron main process; no electron import, so the decisions are tested under plain
// Node. What a packaged Safehold accepts from the way it was started: no switch that opens a debugger
// or a remote-control port into the process that holds the data key, no switch that weakens the
// sandbox or moves the profile, and no SAFEHOLD_DATA_DIR (a test and development aid only).

/**
 * Chromium and Node switches a packaged build refuses. The fuses (electron-builder.yml) already stop
 * Node's --inspect family and NODE_OPTIONS; Chromium's remote debugging has no fuse, so it is refused
 * here, and the Node ones are listed too in case a build ships without its fuses flipped.
 */
export const REFUSED_SWITCHES: readonly string[] = [
  // A debugger or remote control attached to the main process or a renderer.
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-wait',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'debug-port',
  'js-flags',
  // Weaker isolation or a foreign profile for the window.
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'user-data-dir',
  'load-extension',
  'proxy-server',
  'host-rules',
  'host-resolver-rules',
  'ignore-certificate-errors',
  // Logs that could hold what the renderer shows.
  'enable-logging',
  'log-file',
  'v',
  'vmodule',
];

const refused = new Set(REFUSED_SWITCHES);

/**
 * The switch name of one command-line argument, as Chromium reads it: after "--" or "-" (and "/" on
 * Windows), lower-cased, up to any "=". Null for an argument that is not a switch.
 */
export function switchName(arg: string, platform: NodeJS.Platform = process.platform): string | null {
  const prefix = arg.startsWith('--') ? 2 : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/')) ? 1 : 0;
  if (prefix === 0 || arg.length === prefix) return null;
  const body = arg.slice(prefix);
  const eq = body.indexOf('=');
  return (eq === -1 ? body : body.slice(0, eq)).toLowerCase();
}

/** The refused switches present in argv (the executable itself included; it never matches). */
export function refusedSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    const name = switchName(arg, platform);
    if (name !== null && refused.has(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

export interface LaunchFacts {
  isPackaged: boolean;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
}

export type LaunchDecision =
  | { start: false; refused: string[]; message: string }
  | { start: true; /** A folder to use instead of the user's profile folder (unpackaged builds only). */ dataDir: string | null };

/** Whether to start, and where the data lives. A packaged build ignores SAFEHOLD_DATA_DIR and refuses debugging switches. */
export function launchDecision(facts: LaunchFacts): LaunchDecision {
  if (!facts.isPackaged) {
    const override = facts.env['SAFEHOLD_DATA_DIR'];
    return { start: true, dataDir: override !== undefined && override !== '' ? override : null };
  }
  const found = refusedSwitches(facts.argv, facts.platform);
  if (found.length > 0) {
    return {
      start: false,
      refused: found,
      message: `Safehold will not open when it is started with ${found.map((f) => `--${f}`).join(', ')}: these options let other programs read what Safehold holds. Start Safehold from its usual icon or shortcut.`,
    };
  }
  return { start: true, dataDir: null };
}

/** electron-store (conf) options for the preferences file: readable by its owner only. */
export const PREFERENCES_FILE_OPTIONS = {
  name: 'preferences',
  clearInvalidConfig: true,
  accessPropertiesByDotNotation: false,
  configFileMode: 0o600,
} as const;
