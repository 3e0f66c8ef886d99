// renderer/: small helpers shared by the forms.
import type { RpcError } from '../../../shared/errors';
import { PASSPHRASE_MIN } from '../../../shared/limits';
import type { Translate } from '../i18n/i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Splits the server's field problems onto the form's fields. */
export function fieldErrorsFrom<F extends string>(error: RpcError, fields: readonly F[]): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const problem of error.fields ?? []) {
    const field = fields.find((f) => f === problem.path || problem.path.startsWith(`${f}.`));
    if (field && !out[field]) out[field] = problem.message;
  }
  return out;
}

/** The client-side courtesy check for a new passphrase and its confirmation. */
export function checkNewPassphrase(t: Translate, passphrase: string, confirm: string) {
  return {
    passphrase: passphrase.length < PASSPHRASE_MIN ? t('passphrase.tooShort', { min: PASSPHRASE_MIN }) : undefined,
    confirm: passphrase.length >= PASSPHRASE_MIN && passphrase !== confirm ? t('passphrase.mismatch') : undefined,
  };
}

/** Every field problem by its dotted path, with a leading prefix (e.g. "data.") removed. */
export type PathErrors = Readonly<Record<string, string>>;

export function pathErrorsFrom(error: RpcError, prefix = ''): PathErrors {
  const out: Record<string, string> = {};
  for (const problem of error.fields ?? []) {
    const path = problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : problem.path;
    out[path] ??= problem.message;
  }
  return out;
}
