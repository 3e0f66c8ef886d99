// renderer/: small helpers shared by the forms.
import { useEffect, useRef, useState } from 'react';
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

export function hasErrors(errors: Partial<Record<string, string>>): boolean {
  return Object.values(errors).some(Boolean);
}

/** The client-side courtesy check for a new passphrase and its confirmation. */
export function checkNewPassphrase(t: Translate, passphrase: string, confirm: string) {
  return {
    passphrase: passphrase.length < PASSPHRASE_MIN ? t('passphrase.tooShort', { min: PASSPHRASE_MIN }) : undefined,
    confirm: passphrase.length >= PASSPHRASE_MIN && passphrase !== confirm ? t('passphrase.mismatch') : undefined,
  };
}

/**
 * After a failed submit, moves focus to the first field marked invalid so keyboard and screen-reader
 * users land where the fix is. Call `signal()` whenever new errors are shown.
 */
export function useFocusFirstInvalid<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return { ref, signal: () => setAttempt((n) => n + 1) };
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

/** The first problem at a path or anywhere beneath it ("contact" finds "contact.value"). */
export function errorAt(errors: PathErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
