// renderer/: the confirmations behind each staff row's buttons. Each says plainly what will change
// before it changes.
import { useState } from 'react';
import type { RpcError } from '../../../../shared/errors';
import type { Role } from '../../../../shared/roles';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import type { IssuedCode } from '../../components/SetupCodeSheet';
import { useT } from '../../i18n/i18n';
import { RoleChoice } from './RoleChoice';

export interface StaffPerson {
  id: string;
  displayName: string;
  role: Role;
}

function DialogButtons(props: { busy: boolean; confirm: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useT();
  return (
    <div className="actions">
      <button type="button" className="primary" aria-disabled={props.busy || undefined} onClick={() => !props.busy && props.onConfirm()}>
        {props.confirm}
      </button>
      <button type="button" aria-disabled={props.busy || undefined} onClick={() => !props.busy && props.onCancel()}>
        {t('staff.cancel')}
      </button>
    </div>
  );
}

export function ChangeRoleDialog(props: { person: StaffPerson; onClose: () => void; onChanged: (role: Role) => void }) {
  const { t, errorMessage } = useT();
  const [role, setRole] = useState<Role>(props.person.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    const result = await call('staff.setRole', { userId: props.person.id, role });
    setBusy(false);
    if (result.ok) props.onChanged(role);
    else setError(result.error);
  }

  return (
    <Dialog title={t('staff.roleTitle', { name: props.person.displayName })} onClose={props.onClose} busy={busy}>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <RoleChoice label={t('staff.newRole')} value={role} onChange={setRole} />
      <p className="hint">{t('staff.roleNextSignIn')}</p>
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <DialogButtons busy={busy} confirm={t('staff.saveRole')} onConfirm={() => void save()} onCancel={props.onClose} />
    </Dialog>
  );
}

export function ResetPassphraseDialog(props: { person: StaffPerson; onClose: () => void; onIssued: (issued: IssuedCode) => void }) {
  const { t, errorMessage } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);

  async function reset() {
    setBusy(true);
    setError(null);
    const result = await call('staff.resetPassphrase', { userId: props.person.id });
    setBusy(false);
    if (result.ok) props.onIssued({ ...result.value, name: props.person.displayName });
    else setError(result.error);
  }

  return (
    <Dialog title={t('staff.resetTitle', { name: props.person.displayName })} onClose={props.onClose} busy={busy}>
      <p>{t('staff.resetExplain')}</p>
      <p>{t('staff.resetWhen')}</p>
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      <DialogButtons busy={busy} confirm={t('staff.resetConfirm')} onConfirm={() => void reset()} onCancel={props.onClose} />
    </Dialog>
  );
}

// Deactivation asks who takes the person's cases: its own file.
export { DeactivateDialog } from './DeactivateDialog';
