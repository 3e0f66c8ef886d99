// renderer/: while locked, the person either signs in or, as an administrator, recovers access.
import { useState } from 'react';
import type { AppStatus } from '../../../shared/schemas/session';
import type { LockReason } from '../app/lock';
import { PublicShell } from '../components/PublicShell';
import { Recover } from './Recover';
import { Unlock } from './Unlock';

export function LockedScreen(props: { lockReason: LockReason | null; onStatus: (status: AppStatus) => void }) {
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  return (
    <PublicShell>
      {mode === 'unlock' ? (
        <Unlock lockReason={props.lockReason} onStatus={props.onStatus} onForgot={() => setMode('recover')} />
      ) : (
        <Recover onStatus={props.onStatus} onBack={() => setMode('unlock')} />
      )}
    </PublicShell>
  );
}
