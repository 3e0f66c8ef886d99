// renderer/: one survivor's case. The header with what must never be missed (safety, risk, consent,
// who is responsible) stays above every tab; the tabs hold the intake, consents, the service and
// safety plans, outcomes, notes and history.
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { OutcomesTab } from '../outcomes/OutcomesTab';
import { PlanTab } from '../plan/PlanTab';
import { AppointmentsTab } from '../appointments/AppointmentsTab';
import { ContactsTab } from '../contacts/ContactsTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { BreakGlassPanel } from './BreakGlassPanel';
import { ClientHeader } from './ClientHeader';
import { ConsentsTab } from './ConsentsTab';
import { HandoverNotice } from './HandoverNotice';
import { HistoryTab } from './HistoryTab';
import { NotesTab } from './NotesTab';
import { SafetyPlanTab } from './SafetyPlanTab';

type TabKey = 'intake' | 'consents' | 'plan' | 'appointments' | 'contacts' | 'safety-plan' | 'outcomes' | 'notes' | 'documents' | 'history';

export function ClientProfilePage({ id, user }: { id: string; user: SessionUser }) {
  const { t, errorMessage } = useT();
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [error, setError] = useState<RpcError | null>(null);
  const [tab, setTab] = useState<TabKey>('intake');
  const [changes, setChanges] = useState(0);
  // Set when a referral needs consent: the Consents tab opens its form for that partner.
  const [consentFor, setConsentFor] = useState<{ recipient: string; startDate: string; n: number } | null>(null);
  const [backFromConsent, setBackFromConsent] = useState(0);
  // A case opened by breaking the glass is read again with the same reason; each reading is recorded.
  const breakGlassReason = useRef<string | null>(null);
  const [openedWithReason, setOpenedWithReason] = useState(false);

  const reload = useCallback(async () => {
    const result = await call('clients.get', { id, breakGlassReason: breakGlassReason.current });
    if (result.ok) {
      setProfile(result.value);
      setError(null);
      setChanges((n) => n + 1);
    } else setError(result.error);
  }, [id]);

  function openedWithBreakGlass(opened: ClientProfile, reason: string) {
    breakGlassReason.current = reason;
    setOpenedWithReason(true);
    setProfile(opened);
    setError(null);
    setChanges((n) => n + 1);
  }

  const assignedElsewhere = !profile && error?.code === 'FORBIDDEN';
  const headingState = profile ? 'open' : assignedElsewhere ? 'forbidden' : 'opening';

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="client-profile">
      <p className="back-link">
        <a href={hrefFor({ page: 'caseload' })}>{t('client.back')}</a>
      </p>
      {/* Keyed so that focus moves to the heading again when what it says changes. */}
      <PageHeading key={headingState}>
        {profile ? profile.chosenName : assignedElsewhere ? t('breakGlass.title') : t('client.opening')}
      </PageHeading>
      {assignedElsewhere ? <BreakGlassPanel clientId={id} onOpened={openedWithBreakGlass} /> : <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>}
      {profile ? (
        <>
          {openedWithReason ? <p className="message message-info calm-note">{t('breakGlass.opened')}</p> : null}
          <HandoverNotice clientId={profile.id} />
          <ClientHeader profile={profile} user={user} onChanged={reload} />
          <Tabs<TabKey>
            label={t('client.tabs')}
            selected={tab}
            onSelect={setTab}
            tabs={[
              { key: 'intake', label: t('tab.intake'), panel: <IntakeTab profile={profile} onChanged={reload} /> },
              {
                key: 'consents',
                label: t('tab.consents'),
                panel: (
                  <ConsentsTab
                    profile={profile}
                    onChanged={reload}
                    prefill={consentFor}
                    onBackToPlan={() => {
                      setConsentFor(null);
                      setTab('plan');
                      setBackFromConsent((n) => n + 1);
                    }}
                  />
                ),
              },
              {
                key: 'plan',
                label: t('tab.plan'),
                panel: (
                  <PlanTab
                    clientId={profile.id}
                    user={user}
                    visible={tab === 'plan'}
                    backFromConsent={backFromConsent}
                    onRecordConsent={(recipient, startDate) => {
                      setConsentFor((old) => ({ recipient, startDate, n: (old?.n ?? 0) + 1 }));
                      setTab('consents');
                    }}
                  />
                ),
              },
              { key: 'appointments', label: t('tab.appointments'), panel: <AppointmentsTab clientId={profile.id} user={user} visible={tab === 'appointments'} /> },
              { key: 'contacts', label: t('tab.contacts'), panel: <ContactsTab clientId={profile.id} visible={tab === 'contacts'} /> },
              { key: 'safety-plan', label: t('tab.safetyPlan'), panel: <SafetyPlanTab clientId={profile.id} visible={tab === 'safety-plan'} /> },
              { key: 'outcomes', label: t('tab.outcomes'), panel: <OutcomesTab clientId={profile.id} visible={tab === 'outcomes'} /> },
              { key: 'notes', label: t('tab.notes'), panel: <NotesTab clientId={profile.id} visible={tab === 'notes'} /> },
              // Mounted only while chosen: opening the list is an access-log entry.
              { key: 'documents', label: t('tab.documents'), panel: tab === 'documents' ? <DocumentsTab profile={profile} /> : null },
              { key: 'history', label: t('tab.history'), panel: <HistoryTab clientId={profile.id} visible={tab === 'history'} changes={changes} /> },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
