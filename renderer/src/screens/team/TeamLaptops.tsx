// renderer/: Admin → Team: the team's laptops with their last sync and whether their access log holds
// together; a manager laptop removes (revokes) another after a confirmation.
import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';
import type { TeamStatus } from './TeamSection';

type Laptop = TeamStatus['laptops'][number];

export function TeamLaptops({ status, onChanged }: { status: TeamStatus; onChanged: () => Promise<void> }) {
  const { t, errorMessage } = useT();
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
      <div className="table-scroll">
        <table>
          <caption>{t('team.laptops')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.person')}</th>
              <th scope="col">{t('team.laptop')}</th>
              <th scope="col">{t('team.lastSync')}</th>
              <th scope="col">{t('team.state')}</th>
              <th scope="col">{t('team.accessLog')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('team.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.laptops.map((l) => (
              <LaptopRow key={l.laptopId} laptop={l} canRevoke={status.manager && l.status === 'active' && !l.self} confirming={confirming === l.laptopId} onConfirm={setConfirming} onRevoke={revoke} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('team.revokeExplain')}</p>
    </>
  );
}

function LaptopRow(props: { laptop: Laptop; canRevoke: boolean; confirming: boolean; onConfirm: (laptopId: string | null) => void; onRevoke: (laptopId: string) => Promise<void> }) {
  const { t, formatTimestamp } = useT();
  const l = props.laptop;
  return (
    <tr>
      <td>
        {l.personName ?? '—'}
        {l.self ? ` ${t('team.thisLaptop')}` : ''}
      </td>
      <td>
        <code>{l.laptopId}</code>
      </td>
      <td>{l.lastSyncAt ? formatTimestamp(l.lastSyncAt, true) : t('team.never')}</td>
      <td>{t(l.status === 'active' ? 'team.active' : 'team.revokedState')}</td>
      <td>{t(l.accessLogIntact ? 'team.logIntact' : 'team.logBroken')}</td>
      <td>
        {!props.canRevoke ? null : props.confirming ? (
          <span role="group" aria-label={t('team.confirmRevoke', { laptop: l.laptopId })}>
            <button type="button" onClick={() => void props.onRevoke(l.laptopId)}>
              {t('team.revokeYes')}
            </button>{' '}
            <button type="button" onClick={() => props.onConfirm(null)}>
              {t('team.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => props.onConfirm(l.laptopId)} aria-label={t('team.revokeLabel', { laptop: l.laptopId })}>
            {t('team.revoke')}
          </button>
        )}
      </td>
    </tr>
  );
}
