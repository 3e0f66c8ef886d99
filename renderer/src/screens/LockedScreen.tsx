// renderer/: while locked, the person signs in, signs in for the first time with a setup code, or,
// as an administrator, recovers access. A backup can also be restored here, since no one is signed in.
import { useState } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import type { LockReason } from '../app/lock';
import { PublicShell } from '../components/PublicShell';
import { useT } from '../i18n/i18n';
import { FirstSignIn } from './FirstSignIn';
import { Recover } from './Recover';
import { RestoreBackup } from './RestoreBackup';
import { Unlock } from './Unlock';

export function LockedScreen(props: {
  lockReason: LockReason | null;
  /** A backup was just restored: sign-in says so. */
  restored: boolean;
  onStatus: (status: AppStatus) => void;
  onRestored: (status: AppStatus) => void;
}) {
  const { t } = useT();
  const [mode, setMode] = useState<'unlock' | 'recover' | 'first' | 'restore'>('unlock');
  const back = () => setMode('unlock');
  return (
    <PublicShell>
      {mode === 'unlock' ? (
        <Unlock
          lockReason={props.lockReason}
          restored={props.restored}
          onStatus={props.onStatus}
          onForgot={() => setMode('recover')}
          onFirstTime={() => setMode('first')}
          onRestore={() => setMode('restore')}
        />
      ) : mode === 'recover' ? (
        <Recover onStatus={props.onStatus} onBack={back} />
      ) : mode === 'restore' ? (
        <RestoreBackup
          mode="locked"
          backLabel={t('restore.back')}
          onBack={back}
          onRestored={(status) => {
            setMode('unlock');
            props.onRestored(status);
          }}
        />
      ) : (
        <FirstSignIn onStatus={props.onStatus} onBack={back} />
      )}
    </PublicShell>
  );
}
