// renderer/: the sign-in field group the public screens (setup, sign-in, first sign-in, recovery)
// and the administrator's new-recovery-key form share: a person's name, a current passphrase, a new
// passphrase with its confirmation, their courtesy checks, and the card those screens sit in.
import type { ReactNode, Ref } from 'react';
import { NAME_MAX, PASSPHRASE_MAX } from '../../../shared/limits';
import type { Translate } from '../i18n/i18n';
import { checkNewPassphrase } from './forms';
import { PageHeading } from './Heading';
import { NewPassphraseFields } from './NewPassphraseFields';
import { TextField } from './TextField';

/** What useSchemaForm's field(path) gives a text control. */
export interface FieldState {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

export function NameField(props: FieldState & { label: string; hint?: string }) {
  return <TextField {...props} autoComplete="off" maxLength={NAME_MAX} required />;
}

export function PassphraseField(props: FieldState & { label: string; inputRef?: Ref<HTMLInputElement>; describedBy?: string | undefined }) {
  return <TextField {...props} type="password" autoComplete="current-password" maxLength={PASSPHRASE_MAX * 4} required />;
}

export function NewPassphrasePair(props: { label: string; confirmLabel: string; passphrase: FieldState; confirm: FieldState }) {
  return (
    <NewPassphraseFields
      label={props.label}
      confirmLabel={props.confirmLabel}
      passphrase={props.passphrase.value}
      confirm={props.confirm.value}
      onPassphrase={props.passphrase.onChange}
      onConfirm={props.confirm.onChange}
      passphraseError={props.passphrase.error}
      confirmError={props.confirm.error}
    />
  );
}

/** Courtesy checks in the screens' own words (they replace the schema's general ones). */
export const required = (t: Translate, value: string, words: Parameters<Translate>[0] = 'field.required') => (value.trim() ? undefined : t(words));

export function newPairChecks(t: Translate, v: { newPassphrase: string; confirm: string }) {
  const pair = checkNewPassphrase(t, v.newPassphrase, v.confirm);
  return { newPassphrase: pair.passphrase, confirm: pair.confirm };
}

/** The card a public screen sits in: an optional step line, the heading, an intro, the form, other ways on. */
export function PublicCard(props: { title: string; intro?: ReactNode; step?: string; children: ReactNode; links?: readonly { label: string; onClick: () => void }[] }) {
  return (
    <section className="card">
      {props.step ? <p className="step">{props.step}</p> : null}
      <PageHeading>{props.title}</PageHeading>
      {props.intro ? <p>{props.intro}</p> : null}
      {props.children}
      {(props.links ?? []).map((l) => (
        <p key={l.label} className="secondary-action">
          <button type="button" className="link-button" onClick={l.onClick}>
            {l.label}
          </button>
        </p>
      ))}
    </section>
  );
}
