// renderer/: runs in the sandboxed browser page.
// Locking always ends in a hard reload, so no case data survives in the DOM or in JS memory.
import type { AppEvent } from '../../../shared/contract';
import { call } from '../api/client';

export type LockReason = Extract<AppEvent, { type: 'locked' }>['reason'];

const reasons: readonly LockReason[] = ['idle', 'manual', 'system', 'restored'];
let wipe: (() => void) | null = null;
let reloading = false;

/** main.tsx registers the React root's unmount so the screen is emptied before the reload starts. */
export function setWipe(fn: () => void): void {
  wipe = fn;
}

export function reloadLocked(reason: LockReason): void {
  if (reloading) return;
  reloading = true;
  try {
    wipe?.();
  } finally {
    location.hash = `locked=${reason}`;
    location.reload();
  }
}

/** Asks main to lock, then reloads whatever the answer: after the reload app.status tells the truth. */
export async function lockNow(): Promise<void> {
  if (reloading) return;
  await call('session.lock', {});
  reloadLocked('manual');
}

/** Reads and clears `#locked=<reason>` left by a lock reload. */
export function takeLockReason(): LockReason | null {
  const match = /^#locked=(\w+)$/u.exec(location.hash);
  // Only the lock marker is cleared: a screen address (#/clients/…) survives an ordinary reload.
  if (match) history.replaceState(null, '', location.pathname + location.search);
  const reason = match?.[1];
  return reasons.find((r) => r === reason) ?? null;
}
