// renderer/: the case header. Safety flags, risk, urgent safety, consent and the assigned worker are
// always in view above the tabs, so nobody has to dig for them before picking up the phone.
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { allCasesRoles } from '../../../../shared/roles';
import type { ClientProfile, ContactSafety, StaffListOutput } from '../../../../shared/schemas/clients';
import type { SessionUser } from '../../../../shared/schemas/session';
import { clientStatuses, contactKinds, riskLevels } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { SelectField, useVocab } from '../../components/fields';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT, type Translate } from '../../i18n/i18n';
import { CaseClosing } from './CaseClosing';
import { CasePurge } from './CasePurge';
import { AssignmentHistory, CaseTask, SecondaryWorkerForm } from './WorkersPanel';

type Safety = z.infer<typeof ContactSafety>;
type Staff = z.infer<typeof StaffListOutput>['staff'];

function safetyParts(t: Translate, s: Safety): string[] {
  const parts: string[] = [];
  if (s.safeToCall !== 'unknown') parts.push(t(s.safeToCall === 'yes' ? 'safety.callYes' : 'safety.callNo'));
  if (s.safeToText !== 'unknown') parts.push(t(s.safeToText === 'yes' ? 'safety.textYes' : 'safety.textNo'));
  if (s.safeVoicemail !== 'unknown') parts.push(t(s.safeVoicemail === 'yes' ? 'safety.voicemailYes' : 'safety.voicemailNo'));
  if (s.safeMail !== 'unknown') parts.push(t(s.safeMail === 'yes' ? 'safety.mailYes' : 'safety.mailNo'));
  return parts;
}

export function ClientHeader(props: { profile: ClientProfile; user: SessionUser; onChanged: () => Promise<void> }) {
  const { t } = useT();
  const label = useVocab();
  const { profile } = props;
  const { header } = profile;
  const canAssign = allCasesRoles.includes(props.user.role);
  return (
    <section className="case-header" aria-label={t('client.summary')}>
      {header.urgentSafety || header.minorAtIntake ? (
        <p className="case-flags">
          {header.urgentSafety ? <span className="badge badge-urgent">{t('client.urgent')}</span> : null}
          {header.minorAtIntake ? <span className="badge badge-minor">{t('client.minor')}</span> : null}
        </p>
      ) : null}
      <dl className="case-facts">
        <div>
          <dt>{t('client.caseNumber')}</dt>
          <dd className="mono">{profile.caseNumber}</dd>
        </div>
        <div>
          <dt>{t('client.pronouns')}</dt>
          <dd>{profile.pronouns ?? t('client.notGiven')}</dd>
        </div>
        <div className="case-fact-wide">
          <dt>{t('client.contactSafety')}</dt>
          <dd>
            {header.contactSafety.length === 0 ? (
              t('client.noContact')
            ) : (
              <ul className="plain-list">
                {header.contactSafety.map((s, i) => {
                  const parts = safetyParts(t, s);
                  return (
                    <li key={i}>
                      {label(contactKinds, s.kind)}: {parts.length > 0 ? parts.join(' · ') : t('safety.notAsked')}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('client.risk')}</dt>
          <dd>
            {header.riskLevel ? (
              <span className={`badge badge-risk-${header.riskLevel}`}>{label(riskLevels, header.riskLevel)}</span>
            ) : (
              t('client.riskNotAssessed')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('client.consent')}</dt>
          <dd>
            <span className={`badge badge-consent-${header.consentStatus}`}>{t(`consentStatus.${header.consentStatus}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('client.status')}</dt>
          <dd>
            <span className={`badge badge-status-${profile.status}`}>{label(clientStatuses, profile.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('client.assignedWorker')}</dt>
          <dd>{profile.assignedWorker?.displayName ?? t('client.notAssigned')}</dd>
        </div>
        {profile.secondaryWorker ? (
          <div>
            <dt>{t('secondary.label')}</dt>
            <dd>{profile.secondaryWorker.displayName}</dd>
          </div>
        ) : null}
      </dl>
      <div className="case-actions">
        {canAssign ? <AssignForm profile={profile} onChanged={props.onChanged} /> : null}
        {canAssign ? <SecondaryWorkerForm profile={profile} onChanged={props.onChanged} /> : null}
        <AssignmentHistory clientId={profile.id} changes={`${profile.assignedWorker?.id ?? ''}-${profile.secondaryWorker?.id ?? ''}`} />
        <CaseTask clientId={profile.id} />
        <CaseClosing profile={profile} onChanged={props.onChanged} />
        <CasePurge profile={profile} user={props.user} />
      </div>
    </section>
  );
}

function AssignForm(props: { profile: ClientProfile; onChanged: () => Promise<void> }) {
  const { t, errorMessage } = useT();
  const [staff, setStaff] = useState<Staff>([]);
  const [choice, setChoice] = useState(props.profile.assignedWorker?.id ?? '');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    void call('staff.list', {}).then((result) => {
      if (live && result.ok) setStaff(result.value.staff.filter((s) => s.active && s.role !== 'auditor'));
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state === 'busy') return;
    setState('busy');
    setError('');
    const result = await call('clients.assign', { clientId: props.profile.id, workerId: choice || null });
    if (!result.ok) {
      setState('idle');
      setError(errorMessage(result.error));
      return;
    }
    await props.onChanged();
    setState('done');
  }

  const current = props.profile.assignedWorker;
  // The current worker stays choosable even if they no longer appear among active staff.
  const options = [
    { value: '', label: t('client.notAssigned') },
    ...(current && !staff.some((s) => s.id === current.id) ? [{ value: current.id, label: current.displayName }] : []),
    ...staff.map((s) => ({ value: s.id, label: s.displayName })),
  ];
  return (
    <form className="assign-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('client.assignedWorker')}
        value={choice}
        onChange={(v) => {
          setChoice(v);
          setState('idle');
        }}
        options={options}
      />
      <button type="submit" aria-disabled={state === 'busy' || undefined}>
        {t('client.assign')}
      </button>
      <ErrorMessage>{error}</ErrorMessage>
      <StatusMessage tone="success">{state === 'busy' ? t('common.working') : state === 'done' ? t('client.assigned') : null}</StatusMessage>
    </form>
  );
}
