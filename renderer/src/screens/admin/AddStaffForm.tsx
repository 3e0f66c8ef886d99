// renderer/: an administrator adds a staff member. Main answers with a one-time setup code; the
// person chooses their own passphrase with it, so the administrator never learns it.
import { useId, useState, type FormEvent } from 'react';
import { NAME_MAX } from '../../../../shared/limits';
import type { Role } from '../../../../shared/roles';
import { call } from '../../api/client';
import { fieldErrorsFrom, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import type { IssuedCode } from '../../components/SetupCodeSheet';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { RoleChoice } from './RoleChoice';

type Field = 'displayName' | 'role';

export function AddStaffForm({ onAdded }: { onAdded: (issued: IssuedCode) => void }) {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    const found: FieldErrors<Field> = { displayName: name.trim() ? undefined : t('field.required') };
    setErrors(found);
    if (hasErrors(found)) return form.signal();

    setBusy(true);
    const result = await call('staff.add', { displayName: name.trim(), role });
    setBusy(false);
    if (result.ok) {
      const added = name.trim();
      setName('');
      setRole('caseworker');
      onAdded({ ...result.value, name: added });
      return;
    }
    setFormError(errorMessage(result.error));
    setErrors(fieldErrorsFrom(result.error, ['displayName', 'role'] as const));
    form.signal();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('staff.addTitle')}</h3>
      <p className="hint">{t('staff.addIntro')}</p>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <TextField
          label={t('staff.fullName')}
          value={name}
          onChange={setName}
          autoComplete="off"
          error={errors.displayName}
          maxLength={NAME_MAX}
          required
        />
        <RoleChoice label={t('staff.role')} value={role} onChange={setRole} error={errors.role} />
        <StatusMessage>{busy ? t('staff.adding') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('staff.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
