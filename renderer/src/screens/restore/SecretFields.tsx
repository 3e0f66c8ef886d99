// renderer/: one secret for a restore, in a fieldset of its own: a name and passphrase, or a recovery
// key (radio buttons choose). The restore screen uses it for the person vouching here and, when
// needed, for the backup's own secret; each use gives its own legend, hint and field labels.
import { useId, type Ref } from 'react';
import type { z } from 'zod';
import { NAME_MAX, PASSPHRASE_MAX } from '../../../../shared/limits';
import type { BackupSecretInput } from '../../../../shared/schemas/backup';
import { normalizeRecoveryKey } from '../../components/recoveryKey';
import { TextField } from '../../components/TextField';
import type { Translate } from '../../i18n/i18n';

export interface Secret {
  kind: 'passphrase' | 'recoveryKey';
  name: string;
  passphrase: string;
  recoveryKey: string;
}

export const emptySecret: Secret = { kind: 'passphrase', name: '', passphrase: '', recoveryKey: '' };

export function secretInput(secret: Secret): z.input<typeof BackupSecretInput> {
  return secret.kind === 'recoveryKey' ? { recoveryKey: secret.recoveryKey } : { name: secret.name.trim(), passphrase: secret.passphrase };
}

/** The courtesy checks for one secret, keyed by the form path it sits at (e.g. "mine.name"). */
export function secretChecks(t: Translate, secret: Secret, at: string): Record<string, string | undefined> {
  return secret.kind === 'passphrase'
    ? { [`${at}.name`]: secret.name.trim() ? undefined : t('field.required'), [`${at}.passphrase`]: secret.passphrase ? undefined : t('passphrase.required') }
    : { [`${at}.recoveryKey`]: /^[0-9A-Z]{32}$/u.test(normalizeRecoveryKey(secret.recoveryKey)) ? undefined : t('recover.keyShape') };
}

/** Who vouches (on a new computer: what opens the backup), and the backup's own secret when needed. */
export function secretLabels(t: Translate, which: 'new-computer' | 'vouch' | 'backup'): SecretLabels {
  if (which === 'new-computer')
    return {
      legend: t('restore.openWith'),
      withPassphrase: t('restore.withPassphrase'),
      withKey: t('restore.withKey'),
      name: t('restore.name'),
      passphrase: t('restore.passphrase'),
      passphraseHint: t('restore.withPassphraseHint'),
      key: t('restore.key'),
      keyHint: t('restore.keyHint'),
    };
  if (which === 'vouch')
    return {
      legend: t('restore.youHere'),
      hint: t('restore.youHereHint'),
      withPassphrase: t('restore.asAdmin'),
      withKey: t('restore.withCurrentKey'),
      name: t('restore.name'),
      passphrase: t('restore.currentPassphrase'),
      key: t('restore.currentKey'),
      keyHint: t('restore.currentKeyHint'),
    };
  return {
    legend: t('restore.backupSecret'),
    hint: t('restore.backupSecretHint'),
    withPassphrase: t('restore.withThenPassphrase'),
    withKey: t('restore.withThenKey'),
    name: t('restore.thenName'),
    passphrase: t('restore.thenPassphrase'),
    key: t('restore.thenKey'),
  };
}

export interface SecretLabels {
  legend: string;
  hint?: string | undefined;
  withPassphrase: string;
  withKey: string;
  name: string;
  passphrase: string;
  passphraseHint?: string | undefined;
  key: string;
  keyHint?: string | undefined;
}

export function SecretFields(props: {
  labels: SecretLabels;
  value: Secret;
  onChange: (next: Secret) => void;
  errors: { name?: string | undefined; passphrase?: string | undefined; recoveryKey?: string | undefined };
  passphraseRef?: Ref<HTMLInputElement>;
  keyRef?: Ref<HTMLInputElement>;
}) {
  const { labels, value } = props;
  const choiceName = useId();
  const hintId = useId();
  const set = (patch: Partial<Secret>) => props.onChange({ ...value, ...patch });
  return (
    <fieldset className="field" aria-describedby={labels.hint ? hintId : undefined}>
      <legend>{labels.legend}</legend>
      {labels.hint ? (
        <p id={hintId} className="hint">
          {labels.hint}
        </p>
      ) : null}
      <div className="checkbox-list">
        {(['passphrase', 'recoveryKey'] as const).map((kind) => (
          <div key={kind} className="checkbox">
            <input id={`${choiceName}-${kind}`} type="radio" name={choiceName} checked={value.kind === kind} onChange={() => set({ kind })} />
            <label htmlFor={`${choiceName}-${kind}`}>{kind === 'passphrase' ? labels.withPassphrase : labels.withKey}</label>
          </div>
        ))}
      </div>
      {value.kind === 'passphrase' ? (
        <>
          <TextField label={labels.name} value={value.name} onChange={(name) => set({ name })} autoComplete="off" error={props.errors.name} maxLength={NAME_MAX} required />
          <TextField
            label={labels.passphrase}
            hint={labels.passphraseHint}
            type="password"
            autoComplete="off"
            value={value.passphrase}
            onChange={(passphrase) => set({ passphrase })}
            error={props.errors.passphrase}
            {...(props.passphraseRef ? { inputRef: props.passphraseRef } : {})}
            maxLength={PASSPHRASE_MAX * 4}
            required
          />
        </>
      ) : (
        <TextField
          label={labels.key}
          hint={labels.keyHint}
          value={value.recoveryKey}
          onChange={(recoveryKey) => set({ recoveryKey })}
          autoComplete="off"
          className="mono"
          error={props.errors.recoveryKey}
          {...(props.keyRef ? { inputRef: props.keyRef } : {})}
          maxLength={80}
          required
        />
      )}
    </fieldset>
  );
}
