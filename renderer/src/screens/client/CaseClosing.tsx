// renderer/: closing a case (exit date, reason, where the person is going) and reopening it. Both
// ask in a dialog first; reopening keeps everything that was recorded before.
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { CloseCaseInput, ReopenCaseInput } from '../../../../shared/schemas/planning';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { exitDestinations, exitReasons } from '../../../../shared/vocab/planning';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { Dialog } from '../../components/Dialog';
import { ChoiceSelect, DateField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { StatusMessage } from '../../components/Messages';
import { useSchemaForm } from '../../components/useSchemaForm';
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
  // Reason and destination start empty: the worker chooses them, nothing is picked for the person.
  const defaults: { closedOn: string; reason: Reason | ''; destination: Destination | '' } = { closedOn: today(), reason: '', destination: '' };
  const sf = useSchemaForm({
    schema: CloseCaseInput,
    defaults,
    toInput: (v) => ({ clientId: props.profile.id, closedOn: v.closedOn, reason: v.reason as Reason, destination: v.destination as Destination }),
    send: (input) => call('clients.close', input),
    onSaved: () => props.onDone(true),
  });
  return (
    <Dialog title={t('closeCase.closeTitle', { name: props.profile.chosenName })} onClose={() => void props.onDone(false)} busy={sf.busy}>
      <p>{t('closeCase.closeExplain')}</p>
      <FormFrame form={sf} submitLabel={t('closeCase.confirmClose')} onCancel={() => void props.onDone(false)}>
        <DateField label={t('closeCase.closedOn')} {...sf.field('closedOn')} required />
        <ChoiceSelect label={t('closeCase.reason')} list={exitReasons} {...sf.field('reason')} />
        <ChoiceSelect label={t('closeCase.destination')} list={exitDestinations} {...sf.field('destination')} />
      </FormFrame>
    </Dialog>
  );
}

function ReopenDialog(props: { profile: ClientProfile; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: ReopenCaseInput,
    defaults: { reopenedOn: today() },
    toInput: (v) => ({ clientId: props.profile.id, reopenedOn: v.reopenedOn }),
    send: (input) => call('clients.reopen', input),
    onSaved: () => props.onDone(true),
  });
  return (
    <Dialog title={t('closeCase.reopenTitle', { name: props.profile.chosenName })} onClose={() => void props.onDone(false)} busy={sf.busy}>
      <p>{t('closeCase.reopenExplain')}</p>
      <FormFrame form={sf} submitLabel={t('closeCase.confirmReopen')} onCancel={() => void props.onDone(false)}>
        <DateField label={t('closeCase.reopenedOn')} {...sf.field('reopenedOn')} required />
      </FormFrame>
    </Dialog>
  );
}
