// renderer/: a new passphrase, its strength meter and its confirmation, as used by setup, recovery
// and the change-passphrase form.
import { useId } from 'react';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../shared/limits';
import { useT } from '../i18n/i18n';
import { StrengthMeter } from './StrengthMeter';
import { TextField } from './TextField';

export interface NewPassphraseFieldsProps {
  label: string;
  confirmLabel: string;
  passphrase: string;
  confirm: string;
  onPassphrase: (value: string) => void;
  onConfirm: (value: string) => void;
  passphraseError?: string | undefined;
  confirmError?: string | undefined;
}

export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useT();
  const wordsId = useId();
  return (
    <>
      <TextField
        label={props.label}
        type="password"
        autoComplete="new-password"
        value={props.passphrase}
        onChange={props.onPassphrase}
        hint={t('passphrase.hint', { min: PASSPHRASE_MIN })}
        error={props.passphraseError}
        describedBy={wordsId}
        maxLength={PASSPHRASE_MAX}
        required
      />
      <StrengthMeter passphrase={props.passphrase} wordsId={wordsId} />
      <TextField
        label={props.confirmLabel}
        type="password"
        autoComplete="new-password"
        value={props.confirm}
        onChange={props.onConfirm}
        error={props.confirmError}
        maxLength={PASSPHRASE_MAX}
        required
      />
    </>
  );
}
