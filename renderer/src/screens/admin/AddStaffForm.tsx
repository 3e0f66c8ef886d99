// renderer/: an administrator adds a staff member. Main answers with a one-time setup code; the
// person chooses their own passphrase with it, so the administrator never learns it.
import { useId } from 'react';
import type { Role } from '../../../../shared/roles';
import { AddStaffInput } from '../../../../shared/schemas/staff';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import type { IssuedCode } from '../../components/SetupCodeSheet';
import { NameField, required } from '../../components/SignInFields';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { RoleChoice } from './RoleChoice';

const empty: { displayName: string; role: Role } = { displayName: '', role: 'caseworker' };

export function AddStaffForm({ onAdded }: { onAdded: (issued: IssuedCode) => void }) {
  const { t } = useT();
  const headingId = useId();
  const sf = useSchemaForm({
    schema: AddStaffInput,
    defaults: empty,
    toInput: (v) => ({ displayName: v.displayName.trim(), role: v.role }),
    extraChecks: (v) => ({ displayName: required(t, v.displayName) }),
    send: async (input) => {
      const result = await call('staff.add', input);
      return result.ok ? { ok: true as const, value: { ...result.value, name: input.displayName } } : result;
    },
    onSaved: (issued) => {
      sf.form.reset(empty);
      onAdded(issued);
    },
  });

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('staff.addTitle')}</h3>
      <p className="hint">{t('staff.addIntro')}</p>
      <FormFrame form={sf} submitLabel={t('staff.add')} busyText={t('staff.adding')}>
        <NameField label={t('staff.fullName')} {...sf.field('displayName')} />
        <RoleChoice label={t('staff.role')} {...sf.field('role')} />
      </FormFrame>
    </section>
  );
}
