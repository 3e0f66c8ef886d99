// renderer/: main owns the idle timer; the page only reports that someone is using it,
// at most once every 30 seconds.
import { useEffect } from 'react';
import { call } from '../api/client';

const PING_EVERY_MS = 30_000;
const activityEvents = ['keydown', 'pointerdown', 'wheel'] as const;

export function useActivityPings(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now(); // signing in was itself activity
    const onActivity = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      void call('session.touch', {});
    };
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active]);
}
