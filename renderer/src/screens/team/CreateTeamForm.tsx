// renderer/: Admin → Team, before there is a team: this laptop starts one with a shared folder.
import { CreateTeamInput } from '../../../../shared/schemas/team';
import { call } from '../../api/client';
import { FormFrame } from '../../components/FormFrame';
import { isAbsolutePath } from '../../components/paths';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT, type I18n } from '../../i18n/i18n';
import type { TeamStatus } from './TeamSection';

/** A full path, said in the form's own words (the schema's are for the main process). */
export function pathProblem(t: I18n['t'], value: string): string | undefined {
  const path = value.trim();
  return !path ? t('field.required') : isAbsolutePath(path) ? undefined : t('backups.fullPath');
}

export function CreateTeamForm({ onCreated }: { onCreated: (status: TeamStatus) => void }) {
  const { t } = useT();
  const sf = useSchemaForm({
    schema: CreateTeamInput,
    defaults: { folder: '' },
    toInput: (v) => ({ folder: v.folder.trim() }),
    extraChecks: (v) => ({ folder: pathProblem(t, v.folder) }),
    send: (input) => call('team.create', input),
    onSaved: onCreated,
  });
  return (
    <FormFrame form={sf} submitLabel={t('team.create')}>
      <TextField label={t('team.folder')} hint={t('team.folderHint')} {...sf.field('folder')} autoComplete="off" className="mono" maxLength={4096} required />
      {sf.busy ? <p className="hint">{t('team.creating')}</p> : null}
    </FormFrame>
  );
}
