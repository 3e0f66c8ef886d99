// renderer/: the submit cycle every small form shares: courtesy checks, one call at a time, the
// server's field problems onto the fields, a plain message, and focus on the first field to fix.
import { useState } from 'react';
import type { Result, RpcError } from '../../../shared/errors';
import { useT } from '../i18n/i18n';
import { pathErrorsFrom, useFocusFirstInvalid, type PathErrors } from './forms';

export function useSubmit() {
  const { t, errorMessage } = useT();
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  /**
   * Runs `action` unless the courtesy checks found problems. Returns the value, or null when it
   * did not happen. `special` may take over an error (e.g. CONSENT_REQUIRED) by returning true.
   */
  async function run<T>(
    checks: Readonly<Record<string, string | undefined>>,
    action: () => Promise<Result<T>>,
    special?: (error: RpcError) => boolean,
  ): Promise<T | null> {
    if (busy) return null;
    const found: PathErrors = Object.fromEntries(Object.entries(checks).filter((e): e is [string, string] => Boolean(e[1])));
    setFormError('');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('common.fixFields'));
      form.signal();
      return null;
    }
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      setErrors({});
      return result.value;
    }
    if (special?.(result.error)) return null;
    setErrors(pathErrorsFrom(result.error));
    setFormError(result.error.code === 'INVALID_INPUT' ? t('common.fixFields') : errorMessage(result.error));
    form.signal();
    return null;
  }

  return { errors, formError, busy, formRef: form.ref, run };
}
