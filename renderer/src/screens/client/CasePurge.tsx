// renderer/: deleting a closed case permanently (administrators only; main checks it again). The
// form says plainly what goes and that it cannot be undone, asks why (a closed list) and for the
// case number typed back; after it, the caseload opens with a message.
import { useState } from 'react';
import type { z } from 'zod';
import type { ClientProfile } from '../../../../shared/schemas/clients';
import { PurgeCaseInput, purgeReasons } from '../../../../shared/schemas/purge';
import type { SessionUser } from '../../../../shared/schemas/session';
import { purgeRoles } from '../../../../shared/roles';
import { call } from '../../api/client';
import { leaveNotice } from '../../app/notice';
import { navigate } from '../../app/router';
import { Dialog } from '../../components/Dialog';
import { ChoiceSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

type Reason = z.input<typeof PurgeCaseInput>['reason'];

export function CasePurge(props: { profile: ClientProfile; user: SessionUser }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (props.profile.status !== 'closed' || !purgeRoles.includes(props.user.role)) return null;
  return (
    <div className="case-purge">
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('purge.open')}
      </button>
      {open ? <PurgeDialog profile={props.profile} onCancel={() => setOpen(false)} /> : null}
    </div>
  );
}

function PurgeDialog(props: { profile: ClientProfile; onCancel: () => void }) {
  const { t } = useT();
  const defaults: { reason: Reason | ''; confirmation: string } = { reason: '', confirmation: '' };
  const sf = useSchemaForm({
    schema: PurgeCaseInput,
    defaults,
    toInput: (v) => ({ clientId: props.profile.id, reason: v.reason as Reason, confirmation: v.confirmation }),
    send: (input) => call('clients.purge', input),
    onSaved: () => {
      leaveNotice('purge.done');
      navigate({ page: 'caseload' });
    },
  });
  return (
    <Dialog title={t('purge.title', { number: props.profile.caseNumber })} onClose={props.onCancel} busy={sf.busy}>
      <p>{t('purge.explain')}</p>
      <ul>
        <li>{t('purge.removesRecords')}</li>
        <li>{t('purge.removesDocuments')}</li>
        <li>{t('purge.removesLaptops')}</li>
      </ul>
      <p>{t('purge.keeps')}</p>
      <p>{t('purge.backups')}</p>
      <p>
        <strong>{t('purge.cannotUndo')}</strong>
      </p>
      <FormFrame form={sf} submitLabel={t('purge.confirm')} onCancel={props.onCancel} busyText={t('purge.busy')}>
        <ChoiceSelect label={t('purge.reason')} list={purgeReasons} {...sf.field('reason')} />
        <TextField
          label={t('purge.typeNumber', { number: props.profile.caseNumber })}
          {...sf.field('confirmation')}
          autoComplete="off"
          className="mono"
          maxLength={40}
          required
        />
      </FormFrame>
    </Dialog>
  );
}
