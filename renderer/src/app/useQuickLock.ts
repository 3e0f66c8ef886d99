// renderer/: Ctrl+Shift+L (Cmd+Shift+L on a Mac) locks at once, wherever focus is.
import { useEffect } from 'react';
import { lockNow } from './lock';

export function useQuickLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const isL = event.code === 'KeyL' || event.key.toLowerCase() === 'l';
      if (isL && event.shiftKey && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        event.stopPropagation();
        void lockNow();
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [active]);
}
