// renderer/: closing a case (exit date, reason, where the person is going) and reopening it. Both
// ask in a dialog first; reopening keeps everything that was recorded before.
import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CloseCaseInput } from '../../../../shared/schemas/planning';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { exitDestinations, exitReasons } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { Dialog } from '../../components/Dialog';
import { VocabSelect } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';

type Reason = z.input<typeof CloseCaseInput>['reason'];
type Destination = z.input<typeof CloseCaseInput>['destination'];

export function CaseClosing(props: { profile: ClientProfile; onChanged: () => Promise<void> }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<'closed' | 'reopened' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const closed = props.profile.status === 'closed';
  return (
    <div className="case-closing">
      <button
        type="button"
        ref={button}
        onClick={() => {
          setDone(null);
          setOpen(true);
        }}
      >
        {closed ? t('closeCase.reopen') : t('closeCase.close')}
      </button>
      <StatusMessage tone="success">{done === 'closed' ? t('closeCase.closed') : done === 'reopened' ? t('closeCase.reopened') : null}</StatusMessage>
      {open && !closed ? (
        <CloseDialog
          profile={props.profile}
          onDone={async (saved) => {
            setOpen(false);
            if (saved) {
              setDone('closed');
              await props.onChanged();
            }
          }}
        />
      ) : null}
      {open && closed ? (
        <ReopenDialog
          profile={props.profile}
          onDone={async (saved) => {
            setOpen(false);
            if (saved) {
              setDone('reopened');
              await props.onChanged();
            }
          }}
        />
      ) : null}
    </div>
  );
}

function CloseDialog(props: { profile: ClientProfile; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const [closedOn, setClosedOn] = useState(today());
  const [reason, setReason] = useState<Reason>('goals_met');
  const [destination, setDestination] = useState<Destination>('own_housing');
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = closedOn ? {} : { closedOn: t('field.required') };
    const saved = await submit.run(found, () => call('clients.close', { clientId: props.profile.id, closedOn, reason, destination }));
    if (saved) await props.onDone(true);
  }
  return (
    <Dialog title={t('closeCase.closeTitle', { name: props.profile.chosenName })} onClose={() => void props.onDone(false)} busy={submit.busy}>
      <p>{t('closeCase.closeExplain')}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <TextField type="date" label={t('closeCase.closedOn')} value={closedOn} onChange={setClosedOn} autoComplete="off" className="medium" error={errorAt(submit.errors, 'closedOn')} required />
        <VocabSelect label={t('closeCase.reason')} list={exitReasons} value={reason} onChange={setReason} error={errorAt(submit.errors, 'reason')} />
        <VocabSelect label={t('closeCase.destination')} list={exitDestinations} value={destination} onChange={setDestination} error={errorAt(submit.errors, 'destination')} />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('closeCase.confirmClose')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ReopenDialog(props: { profile: ClientProfile; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const [reopenedOn, setReopenedOn] = useState(today());
  const submit = useSubmit();
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = reopenedOn ? {} : { reopenedOn: t('field.required') };
    const saved = await submit.run(found, () => call('clients.reopen', { clientId: props.profile.id, reopenedOn }));
    if (saved) await props.onDone(true);
  }
  return (
    <Dialog title={t('closeCase.reopenTitle', { name: props.profile.chosenName })} onClose={() => void props.onDone(false)} busy={submit.busy}>
      <p>{t('closeCase.reopenExplain')}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <TextField type="date" label={t('closeCase.reopenedOn')} value={reopenedOn} onChange={setReopenedOn} autoComplete="off" className="medium" error={errorAt(submit.errors, 'reopenedOn')} required />
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('closeCase.confirmReopen')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
