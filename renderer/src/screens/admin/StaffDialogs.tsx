// renderer/: the confirmations behind each staff row's buttons. Each says plainly what will change
// before it changes.
import type { Role } from '../../../../shared/roles';
import { SetRoleInput, StaffIdInput } from '../../../../shared/schemas/staff';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormFrame } from '../../components/FormFrame';
import type { IssuedCode } from '../../components/SetupCodeSheet';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { RoleChoice } from './RoleChoice';

export interface StaffPerson {
  id: string;
  displayName: string;
  role: Role;
}

export function ChangeRoleDialog(props: { person: StaffPerson; onClose: () => void; onChanged: (role: Role) => void }) {
  const { t, errorMessage } = useT();
  const sf = useSchemaForm({
    schema: SetRoleInput,
    defaults: { role: props.person.role },
    toInput: (v) => ({ userId: props.person.id, role: v.role }),
    send: async (input) => {
      const result = await call('staff.setRole', input);
      return result.ok ? { ok: true as const, value: input.role } : result;
    },
    onSaved: props.onChanged,
    errorText: errorMessage,
  });
  return (
    <Dialog title={t('staff.roleTitle', { name: props.person.displayName })} onClose={props.onClose} busy={sf.busy}>
      <FormFrame form={sf} submitLabel={t('staff.saveRole')} onCancel={props.onClose} cancelLabel={t('staff.cancel')} holdCancelWhileBusy>
        <RoleChoice label={t('staff.newRole')} {...sf.field('role')} />
        <p className="hint">{t('staff.roleNextSignIn')}</p>
      </FormFrame>
    </Dialog>
  );
}

export function ResetPassphraseDialog(props: { person: StaffPerson; onClose: () => void; onIssued: (issued: IssuedCode) => void }) {
  const { t, errorMessage } = useT();
  const sf = useSchemaForm({
    schema: StaffIdInput,
    defaults: {},
    toInput: () => ({ userId: props.person.id }),
    send: (input) => call('staff.resetPassphrase', input),
    onSaved: (issued) => props.onIssued({ ...issued, name: props.person.displayName }),
    errorText: errorMessage,
  });
  return (
    <Dialog title={t('staff.resetTitle', { name: props.person.displayName })} onClose={props.onClose} busy={sf.busy}>
      <FormFrame form={sf} submitLabel={t('staff.resetConfirm')} onCancel={props.onClose} cancelLabel={t('staff.cancel')} holdCancelWhileBusy>
        <p>{t('staff.resetExplain')}</p>
        <p>{t('staff.resetWhen')}</p>
      </FormFrame>
    </Dialog>
  );
}

// Deactivation asks who takes the person's cases: its own file.
export { DeactivateDialog } from './DeactivateDialog';
