// renderer/: while locked, the person signs in, signs in for the first time with a setup code, or,
// as an administrator, recovers access.
import { useState } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import type { LockReason } from '../app/lock';
import { PublicShell } from '../components/PublicShell';
import { FirstSignIn } from './FirstSignIn';
import { Recover } from './Recover';
import { Unlock } from './Unlock';

export function LockedScreen(props: { lockReason: LockReason | null; onStatus: (status: AppStatus) => void }) {
  const [mode, setMode] = useState<'unlock' | 'recover' | 'first'>('unlock');
  const back = () => setMode('unlock');
  return (
    <PublicShell>
      {mode === 'unlock' ? (
        <Unlock
          lockReason={props.lockReason}
          onStatus={props.onStatus}
          onForgot={() => setMode('recover')}
          onFirstTime={() => setMode('first')}
        />
      ) : mode === 'recover' ? (
        <Recover onStatus={props.onStatus} onBack={back} />
      ) : (
        <FirstSignIn onStatus={props.onStatus} onBack={back} />
      )}
    </PublicShell>
  );
}
