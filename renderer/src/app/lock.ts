// renderer/: runs in the sandboxed browser page.
// Locking always ends in a hard reload, so no case data survives in the DOM or in JS memory.
import type { AppEvent } from '../../../shared/contract';
import { call } from '../api/client';

export type LockReason = Extract<AppEvent, { type: 'locked' }>['reason'];

const reasons: readonly LockReason[] = ['idle', 'manual', 'system', 'restored'];
let wipe: (() => void) | null = null;
let reloading = false;
/** Who is signed in, so the screen they were on is offered back to them alone after a lock. */
let signedIn: string | null = null;
/** The screen the person was on when it locked, read from the lock address at start. */
let returnTo: { hash: string; userId: string } | null = null;

export function setSignedIn(userId: string | null): void {
  signedIn = userId;
}

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
    // The screen's address (page names and random record ids only) rides through the reload; its
    // data does not: after sign-in the screen loads it from main again.
    const screen = /^#(\/[\w/-]*)$/u.exec(location.hash)?.[1];
    const back = screen && signedIn && reason !== 'restored' ? `&to=${screen}&by=${signedIn}` : '';
    location.hash = `locked=${reason}${back}`;
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
  const match = /^#locked=(\w+)(?:&to=(\/[\w/-]*)&by=(\w+))?$/u.exec(location.hash);
  returnTo = match?.[2] && match[3] ? { hash: `#${match[2]}`, userId: match[3] } : null;
  // Only the lock marker is cleared: a screen address (#/clients/…) survives an ordinary reload.
  if (match) history.replaceState(null, '', location.pathname + location.search);
  const reason = match?.[1];
  return reasons.find((r) => r === reason) ?? null;
}

/** After a sign-in: the same person goes back to the screen they were on when it locked; anyone else starts at home. */
export function returnAfterUnlock(userId: string): void {
  if (returnTo?.userId === userId) history.replaceState(null, '', location.pathname + location.search + returnTo.hash);
  returnTo = null;
}
