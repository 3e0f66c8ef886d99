// renderer/: one survivor's case. The header with what must never be missed (safety, risk, consent,
// who is responsible) stays above every tab; the tabs hold the intake, consents and history.
import { useCallback, useEffect, useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import type { SessionUser } from '../../../../shared/schemas/session';
import { call } from '../../api/client';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage } from '../../components/Messages';
import { Tabs } from '../../components/Tabs';
import { useT } from '../../i18n/i18n';
import { IntakeTab } from '../intake/IntakeTab';
import { ClientHeader } from './ClientHeader';
import { ConsentsTab } from './ConsentsTab';
import { HistoryTab } from './HistoryTab';

type TabKey = 'intake' | 'consents' | 'plan' | 'outcomes' | 'notes' | 'history';

export function ClientProfilePage({ id, user }: { id: string; user: SessionUser }) {
  const { t, errorMessage } = useT();
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [tab, setTab] = useState<TabKey>('intake');
  const [changes, setChanges] = useState(0);

  const reload = useCallback(async () => {
    const result = await call('clients.get', { id });
    if (result.ok) {
      setProfile(result.value);
      setError(null);
      setChanges((n) => n + 1);
    } else setError(result.error);
  }, [id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="client-profile">
      <p className="back-link">
        <a href={hrefFor({ page: 'caseload' })}>{t('client.back')}</a>
      </p>
      <PageHeading>{profile ? profile.chosenName : t('client.opening')}</PageHeading>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      {profile ? (
        <>
          <ClientHeader profile={profile} user={user} onChanged={reload} />
          <Tabs<TabKey>
            label={t('client.tabs')}
            selected={tab}
            onSelect={setTab}
            tabs={[
              { key: 'intake', label: t('tab.intake'), panel: <IntakeTab profile={profile} onChanged={reload} /> },
              { key: 'consents', label: t('tab.consents'), panel: <ConsentsTab profile={profile} onChanged={reload} /> },
              { key: 'plan', label: t('tab.plan'), panel: <p className="calm-note">{t('tab.planLater')}</p> },
              { key: 'outcomes', label: t('tab.outcomes'), panel: <p className="calm-note">{t('tab.outcomesLater')}</p> },
              { key: 'notes', label: t('tab.notes'), panel: <p className="calm-note">{t('tab.notesLater')}</p> },
              { key: 'history', label: t('tab.history'), panel: <HistoryTab clientId={profile.id} visible={tab === 'history'} changes={changes} /> },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
