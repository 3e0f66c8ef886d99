// renderer/: the sync indicator in the frame, on a team laptop: when this laptop last synced, how
// many of its changes wait to be sent, and "Sync now" with the round's progress.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call, onAppEvent } from '../../api/client';
import { useT } from '../../i18n/i18n';

type Step = 'plan' | 'exchange' | 'apply' | 'done' | 'failed';

export function SyncIndicator() {
  const { t, formatTimestamp } = useT();
  const [status, setStatus] = useState<Output<'team.status'> | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [problem, setProblem] = useState('');
  const load = useCallback(async () => {
    const result = await call('team.status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void load();
    return onAppEvent((event) => {
      if (event.type !== 'progress' || event.task !== 'sync') return;
      setStep(event.step);
      if (event.step === 'done' || event.step === 'failed') void load();
    });
  }, [load]);
  if (!status?.inTeam) return null;
  const busy = step !== null && step !== 'done' && step !== 'failed';
  async function syncNow() {
    setProblem('');
    const result = await call('team.syncNow', {});
    if (!result.ok) setProblem(result.error.message);
    await load();
  }
  return (
    <div className="sync-indicator" role="group" aria-label={t('sync.label')}>
      <p>
        {status.lastSyncAt ? t('sync.last', { time: formatTimestamp(status.lastSyncAt, true) }) : t('sync.never')}
        {status.pending > 0 ? ` · ${t(status.pending === 1 ? 'sync.pendingOne' : 'sync.pending', { n: status.pending })}` : ''}
      </p>
      <p role="status" className="hint">
        {busy ? t(`sync.step.${step}`) : problem || (status.needsUpdate ? t('sync.needsUpdate') : status.waitingFiles > 0 ? t('sync.waiting') : '')}
      </p>
      <button type="button" onClick={() => void syncNow()} aria-disabled={busy || undefined}>
        {t('sync.now')}
      </button>
    </div>
  );
}
