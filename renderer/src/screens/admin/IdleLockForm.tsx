// renderer/: how long Safehold waits without use before it locks itself (main owns the timer).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { IDLE_LOCK_MAX_MINUTES, IDLE_LOCK_MIN_MINUTES } from '../../../../shared/limits';
import { call } from '../../api/client';
import { NumberField } from '../../components/fields';
import { fieldErrorsFrom, useFocusFirstInvalid } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';

export function IdleLockForm() {
  const { t, errorMessage } = useT();
  const headingId = useId();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState('');
  const [status, setStatus] = useState<'idle' | 'busy' | 'done'>('idle');
  const form = useFocusFirstInvalid<HTMLFormElement>();

  // Read afresh each time: the status the page started with may be older than the last save.
  useEffect(() => {
    let live = true;
    void call('app.status', {}).then((result) => {
      if (live && result.ok && result.value.state === 'unlocked') setMinutes(result.value.idleLockMinutes);
    });
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === 'busy') return;
    setFormError('');
    if (minutes === null || minutes < IDLE_LOCK_MIN_MINUTES || minutes > IDLE_LOCK_MAX_MINUTES) {
      setFieldError(t('idle.range', { min: IDLE_LOCK_MIN_MINUTES, max: IDLE_LOCK_MAX_MINUTES }));
      setStatus('idle');
      return form.signal();
    }
    setFieldError(undefined);
    setStatus('busy');
    const result = await call('settings.setIdleLock', { minutes });
    if (result.ok) return setStatus('done');
    setStatus('idle');
    setFormError(errorMessage(result.error));
    setFieldError(fieldErrorsFrom(result.error, ['minutes'] as const).minutes);
    form.signal();
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('idle.title')}</h3>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <NumberField
          label={t('idle.label')}
          hint={t('idle.hint', { min: IDLE_LOCK_MIN_MINUTES, max: IDLE_LOCK_MAX_MINUTES })}
          value={minutes}
          onChange={(value) => {
            setMinutes(value);
            setStatus('idle');
          }}
          min={IDLE_LOCK_MIN_MINUTES}
          max={IDLE_LOCK_MAX_MINUTES}
          error={fieldError}
        />
        <StatusMessage tone={status === 'done' ? 'success' : 'info'}>
          {status === 'busy' ? t('common.working') : status === 'done' && minutes !== null ? t('idle.saved', { minutes }) : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={status === 'busy' || undefined}>
            {t('idle.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
