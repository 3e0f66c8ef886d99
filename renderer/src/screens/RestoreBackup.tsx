// renderer/: restore from a backup. Three places: first run on a new computer (the backup's own
// secret), the sign-in screen of a computer that has records (an administrator here, or the current
// recovery key, vouches), and Admin → Backups (the signed-in administrator vouches). Over existing
// records the backup may also need a secret of its own (it was made under an earlier key): main says
// so and a second set of fields appears. The backup is checked first and what it holds is shown;
// only then can it replace the records, after a confirmation. Main verifies everything again, keeps
// the old store aside, and carries current staff, keys, the access log and case numbers over.
import { useId, useRef, useState } from 'react';
import type { Input } from '../../../shared/contract';
import type { RpcError } from '../../../shared/errors';
import { OpenBackupInput, type BackupSummary } from '../../../shared/schemas/backup';
import type { AppStatus } from '../../../shared/schemas/session';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { fieldErrorsFrom } from '../components/forms';
import { FormFrame } from '../components/FormFrame';
import { PageHeading } from '../components/Heading';
import { isAbsolutePath } from '../components/paths';
import { PathField } from '../components/PathField';
import { useSchemaForm } from '../components/useSchemaForm';
import { useT } from '../i18n/i18n';
import { BackupContents } from './restore/BackupContents';
import { emptySecret, SecretFields, secretChecks, secretInput, secretLabels, type Secret } from './restore/SecretFields';

/** new-computer: no records here yet; locked: the sign-in screen of a computer with records; signed-in: Admin → Backups. */
export type RestoreMode = 'new-computer' | 'locked' | 'signed-in';

/** The file, and on a new computer the backup's secret, otherwise who vouches here; the backup's own secret once main asks for it. */
type Values = { file: string; mine: Secret; backup: Secret };

export function RestoreBackup(props: { mode?: RestoreMode; onRestored: (status: AppStatus) => void; onBack?: () => void; backLabel?: string }) {
  const mode = props.mode ?? 'new-computer';
  const { t, errorMessage, formatTimestamp } = useT();
  // The backup's own secret, once main says the current key does not open it.
  const [backupNeeded, setBackupNeeded] = useState(false);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refs = { mine: { passphrase: useRef<HTMLInputElement>(null), key: useRef<HTMLInputElement>(null) }, backup: { passphrase: useRef<HTMLInputElement>(null), key: useRef<HTMLInputElement>(null) } };
  const asksMine = mode !== 'signed-in';
  const headingId = useId();

  function input(v: Values): Input<'backup.inspect'> {
    const file = v.file.trim();
    if (mode === 'new-computer') return { file, ...secretInput(v.mine) };
    if (mode === 'locked') return backupNeeded ? { file, ...secretInput(v.backup), current: secretInput(v.mine) } : { file, ...secretInput(v.mine) };
    return backupNeeded ? { file, ...secretInput(v.backup) } : { file };
  }

  /** A wrong secret: the backup's own fields appear when main asks for them, else that passphrase empties and focus goes where to retry. */
  function wrongSecret(error: RpcError): boolean {
    if (error.code !== 'WRONG_PASSPHRASE') return false;
    const which = mode !== 'new-computer' && error.fields?.[0]?.path === 'backup' ? 'backup' : 'mine';
    // The fields for the backup's own secret appear; the message above says why.
    if (which === 'backup' && !backupNeeded) setBackupNeeded(true);
    else if (sf.form.getValues(which).kind === 'passphrase') {
      sf.form.setValue(`${which}.passphrase`, '');
      refs[which].passphrase.current?.focus();
    } else refs[which].key.current?.focus();
    return false;
  }

  const defaults: Values = { file: '', mine: emptySecret, backup: emptySecret };
  const sf = useSchemaForm({
    schema: OpenBackupInput,
    defaults,
    toInput: input,
    extraChecks: (v) => {
      const file = v.file.trim();
      return {
        file: !file ? t('field.required') : !isAbsolutePath(file) ? t('backups.fullPath') : file.toLowerCase().endsWith('.shbk') ? undefined : t('restore.fileShape'),
        ...(asksMine ? secretChecks(t, v.mine, 'mine') : {}),
        ...(backupNeeded ? secretChecks(t, v.backup, 'backup') : {}),
      };
    },
    onSubmitStart: () => setSummary(null),
    send: (checked) => call('backup.inspect', checked),
    onSaved: setSummary,
    special: wrongSecret,
    errorText: errorMessage,
    // A damaged or foreign file comes back as a problem with `file` carrying the same words as the alert.
    fieldErrors: (error): Record<string, string> => {
      const found = error.code === 'WRONG_PASSPHRASE' ? undefined : fieldErrorsFrom(error, ['file'] as const).file;
      return found && found !== error.message ? { file: found } : {};
    },
  });

  /** Any change means the backup shown is no longer the one that would be restored. */
  function secret(which: 'mine' | 'backup') {
    return {
      labels: secretLabels(t, which === 'backup' ? 'backup' : mode === 'new-computer' ? 'new-computer' : 'vouch'),
      value: sf.field(which).value,
      onChange: (next: Secret) => {
        sf.field(which).onChange(next);
        setSummary(null);
      },
      errors: { name: sf.errorAt(`${which}.name`), passphrase: sf.errorAt(`${which}.passphrase`), recoveryKey: sf.errorAt(`${which}.recoveryKey`) },
      passphraseRef: refs[which].passphrase,
      keyRef: refs[which].key,
    };
  }
  const file = sf.field('file');

  const heading = mode === 'signed-in' ? <h3 id={headingId}>{t('restore.title')}</h3> : <PageHeading>{t('restore.title')}</PageHeading>;
  return (
    <section className={mode === 'signed-in' ? 'panel' : 'card'} {...(mode === 'signed-in' ? { 'aria-labelledby': headingId } : {})}>
      {heading}
      <p>{mode === 'signed-in' ? t('restore.adminIntro') : mode === 'locked' ? t('restore.lockedIntro') : t('restore.intro')}</p>
      <FormFrame
        form={sf}
        submitLabel={t('restore.check')}
        busyText={t('restore.checking')}
        primary={!summary}
        {...(props.onBack ? { onCancel: props.onBack, cancelLabel: props.backLabel ?? '' } : {})}
      >
        <PathField
          label={t('restore.file')}
          hint={t('restore.fileHint')}
          {...file}
          onChange={(value) => {
            file.onChange(value);
            setSummary(null);
          }}
        />
        {asksMine ? <SecretFields {...secret('mine')} /> : null}
        {backupNeeded ? <SecretFields {...secret('backup')} /> : null}
      </FormFrame>
      {summary ? (
        <>
          <BackupContents summary={summary} overStore={mode !== 'new-computer'} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => setConfirming(true)}>
              {t('restore.submit')}
            </button>
          </div>
        </>
      ) : null}
      {confirming && summary ? (
        <ConfirmRestore
          date={formatTimestamp(summary.createdAt, true)}
          signsOut={mode === 'signed-in'}
          input={input(sf.form.getValues())}
          onClose={() => setConfirming(false)}
          onRestored={props.onRestored}
        />
      ) : null}
    </section>
  );
}

function ConfirmRestore(props: { date: string; signsOut: boolean; input: Input<'backup.restore'>; onClose: () => void; onRestored: (status: AppStatus) => void }) {
  const { t, errorMessage } = useT();
  const sf = useSchemaForm({
    schema: OpenBackupInput,
    defaults: {},
    toInput: () => props.input,
    send: (input) => call('backup.restore', input),
    onSaved: props.onRestored,
    errorText: errorMessage,
    fieldErrors: () => ({}),
  });
  return (
    <Dialog title={t('restore.confirmTitle')} onClose={props.onClose} busy={sf.busy}>
      <FormFrame
        form={sf}
        submitLabel={t('restore.confirm')}
        busyText={t('restore.restoring')}
        onCancel={props.onClose}
        cancelLabel={t('restore.cancel')}
        holdCancelWhileBusy
      >
        <p>{t('restore.confirmText', { date: props.date })}</p>
        <p>{t('restore.keepsPrevious')}</p>
        {props.signsOut ? <p>{t('restore.signsOut')}</p> : null}
      </FormFrame>
    </Dialog>
  );
}
