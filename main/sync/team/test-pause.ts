// Main process or the sync worker (plain Node). Never imports electron.
// Kill tests only (test/cli/team-kill.test.ts): a named point of a sync round, a bundle write or a key
// rotation where the process stops and waits to be killed, after writing the point's name to a
// marker file, so a test can kill it exactly there. Inert unless SAFEHOLD_TEST_SYNC_PAUSE names the
// point: the app and the CLI never set it, and then this is one environment lookup.
import { writeFileSync } from 'node:fs';

export type PausePoint = 'apply' | 'projection' | 'bundle-write' | 'bundle-written' | 'key-rotation';

export function pauseAt(point: PausePoint): void {
  if (process.env.SAFEHOLD_TEST_SYNC_PAUSE !== point) return;
  const marker = process.env.SAFEHOLD_TEST_SYNC_MARKER;
  if (marker) writeFileSync(marker, point);
  // Blocks this thread (the test kills the process meanwhile); gives up after a minute.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
