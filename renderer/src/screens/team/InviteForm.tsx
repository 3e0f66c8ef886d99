// renderer/: Admin → Team → Add a laptop: an invitation file for a named staff member, and its
// one-time code, shown once here and nowhere else.
import { useEffect, useId, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { InviteInput } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { SelectField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { pathProblem } from './CreateTeamForm';

type Staff = Output<'staff.list'>['staff'];

export function InviteForm() {
  const { t, formatTimestamp } = useT();
  const headingId = useId();
  const [staff, setStaff] = useState<Staff>([]);
  const [made, setMade] = useState<Output<'team.invite'> | null>(null);
  useEffect(() => {
    void call('staff.list', {}).then((result) => {
      if (result.ok) setStaff(result.value.staff.filter((s) => s.active));
    });
  }, []);
  const sf = useSchemaForm({
    schema: InviteInput,
    defaults: { userId: '', file: '' },
    toInput: (v) => ({ userId: v.userId, file: v.file.trim() }),
    extraChecks: (v) => ({ userId: v.userId ? undefined : t('field.required'), file: pathProblem(t, v.file) }),
    send: (input) => {
      setMade(null);
      return call('team.invite', input);
    },
    onSaved: setMade,
  });
  const file = sf.field('file');
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('team.inviteTitle')}</h3>
      <p>{t('team.inviteExplain')}</p>
      <FormFrame form={sf} submitLabel={t('team.invite')}>
        <SelectField
          label={t('team.inviteFor')}
          {...sf.field('userId')}
          options={[{ value: '', label: t('team.choosePerson') }, ...staff.map((s) => ({ value: s.id, label: s.displayName }))]}
        />
        <TextField
          label={t('team.inviteFile')}
          hint={t('team.inviteFileHint')}
          {...file}
          onChange={(value) => {
            file.onChange(value);
            setMade(null);
          }}
          autoComplete="off"
          className="mono"
          maxLength={4096}
          required
        />
        {sf.busy ? <p className="hint">{t('team.inviting')}</p> : null}
      </FormFrame>
      <StatusMessage tone="success">
        {made ? (
          <>
            <p>{t('team.invited', { date: formatTimestamp(made.expiresAt) })}</p>
            <p>{t('team.codeOnce')}</p>
            <p className="setup-code">
              <code aria-label={t('team.codeLabel')}>{made.code}</code>
            </p>
          </>
        ) : null}
      </StatusMessage>
    </section>
  );
}
