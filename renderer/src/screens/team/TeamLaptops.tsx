// renderer/: Admin → Team: the team's laptops with their last sync and whether their access log holds
// together; a manager laptop removes (revokes) another after a confirmation.
import { useState } from 'react';
import { call } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import type { TeamStatus } from './TeamSection';

export function TeamLaptops({ status, onChanged }: { status: TeamStatus; onChanged: () => Promise<void> }) {
  const { t, errorMessage, formatTimestamp } = useT();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function revoke(laptopId: string) {
    setError('');
    const result = await call('team.revoke', { laptopId });
    setConfirming(null);
    if (!result.ok) {
      setError(errorMessage(result.error));
      return;
    }
    setMessage(t('team.revoked'));
    await onChanged();
  }
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      <StatusMessage tone="success">{message || null}</StatusMessage>
      <DataTable
        caption={t('team.laptops')}
        rows={status.laptops}
        rowKey={(l) => l.laptopId}
        columns={[
          {
            header: t('team.person'),
            cell: (l) => (
              <>
                {l.personName ?? '—'}
                {l.self ? ` ${t('team.thisLaptop')}` : ''}
              </>
            ),
          },
          { header: t('team.laptop'), cell: (l) => <code>{l.laptopId}</code> },
          { header: t('team.lastSync'), cell: (l) => (l.lastSyncAt ? formatTimestamp(l.lastSyncAt, true) : t('team.never')) },
          { header: t('team.state'), cell: (l) => t(l.status === 'active' ? 'team.active' : 'team.revokedState') },
          { header: t('team.accessLog'), cell: (l) => t(l.accessLogIntact ? 'team.logIntact' : 'team.logBroken') },
          {
            header: t('team.actions'),
            hiddenHeader: true,
            cell: (l) => (
              <RevokeCell laptopId={l.laptopId} canRevoke={status.manager && l.status === 'active' && !l.self} confirming={confirming === l.laptopId} onConfirm={setConfirming} onRevoke={revoke} />
            ),
          },
        ]}
      />
      <p className="hint">{t('team.revokeExplain')}</p>
    </>
  );
}

function RevokeCell(props: { laptopId: string; canRevoke: boolean; confirming: boolean; onConfirm: (laptopId: string | null) => void; onRevoke: (laptopId: string) => Promise<void> }) {
  const { t } = useT();
  const { laptopId } = props;
  if (!props.canRevoke) return null;
  return props.confirming ? (
    <span role="group" aria-label={t('team.confirmRevoke', { laptop: laptopId })}>
      <button type="button" onClick={() => void props.onRevoke(laptopId)}>
        {t('team.revokeYes')}
      </button>{' '}
      <button type="button" onClick={() => props.onConfirm(null)}>
        {t('team.cancel')}
      </button>
    </span>
  ) : (
    <button type="button" onClick={() => props.onConfirm(laptopId)} aria-label={t('team.revokeLabel', { laptop: laptopId })}>
      {t('team.revoke')}
    </button>
  );
}
