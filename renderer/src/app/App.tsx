// renderer/: the top of the page. app.status decides the screen; locking is handled here once.
import { useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import { call, onAppEvent, setLockedHandler } from '../api/client';
import { ErrorMessage } from '../components/Messages';
import { useT } from '../i18n/i18n';
import { LockedScreen } from '../screens/LockedScreen';
import { MainFrame } from '../screens/MainFrame';
import { Setup } from '../screens/Setup';
import { reloadLocked, returnAfterUnlock, setSignedIn, type LockReason } from './lock';
import { useActivityPings } from './useActivityPings';
import { useQuickLock } from './useQuickLock';

export function App({ lockReason }: { lockReason: LockReason | null }) {
  const { t } = useT();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [restored, setRestored] = useState(false);
  const unlocked = status?.state === 'unlocked';
  const unlockedRef = useRef(false);
  const userId = status?.state === 'unlocked' ? status.user.id : null;
  useEffect(() => {
    unlockedRef.current = unlocked;
    setSignedIn(userId);
  }, [unlocked, userId]);

  useEffect(() => {
    let live = true;
    void call('app.status', {}).then((result) => {
      if (!live) return;
      if (result.ok) setStatus(result.value);
      else setUnreachable(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type === 'locked' && unlockedRef.current) reloadLocked(event.reason);
      }),
    [],
  );

  useEffect(() => {
    if (!unlocked) return;
    setLockedHandler(() => reloadLocked('idle'));
    return () => setLockedHandler(null);
  }, [unlocked]);

  const onRestored = (next: AppStatus) => {
    setRestored(true);
    setStatus(next);
  };

  const onUnlocked = (next: AppStatus) => {
    if (next.state === 'unlocked') returnAfterUnlock(next.user.id);
    setStatus(next);
  };

  useQuickLock(unlocked);
  useActivityPings(unlocked);

  if (unreachable) {
    return (
      <main className="centered">
        <ErrorMessage>{t('app.unreachable')}</ErrorMessage>
      </main>
    );
  }
  if (!status) {
    return (
      <main className="centered">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  switch (status.state) {
    case 'needs-setup':
      return <Setup onStatus={setStatus} onRestored={onRestored} />;
    case 'locked':
      return <LockedScreen lockReason={lockReason} restored={restored} onStatus={onUnlocked} onRestored={onRestored} />;
    case 'unlocked':
      return <MainFrame status={status} />;
  }
}
