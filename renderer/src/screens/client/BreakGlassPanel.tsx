// renderer/: "break the glass". A caseworker may open a case assigned to someone else (for example
// from a duplicate warning) by saying why; main records the reason and their name for supervisors.
import { useState, type FormEvent } from 'react';
import { useFocusFirstInvalid } from '../../components/forms';
import { TextAreaField } from '../../components/fields';
import { StatusMessage } from '../../components/Messages';
import { useT } from '../../i18n/i18n';

export const BREAK_GLASS_MIN = 10;
const BREAK_GLASS_MAX = 500;

export function BreakGlassPanel(props: { onOpen: (reason: string) => Promise<string | undefined> }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    if (trimmed.length < BREAK_GLASS_MIN) {
      setError(t('breakGlass.tooShort', { min: BREAK_GLASS_MIN }));
      return form.signal();
    }
    setError(undefined);
    setBusy(true);
    const problem = await props.onOpen(trimmed);
    setBusy(false);
    if (problem) {
      setError(problem);
      form.signal();
    }
  }

  return (
    <div className="panel break-glass">
      <p>{t('breakGlass.explain')}</p>
      <p>{t('breakGlass.recorded')}</p>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <TextAreaField
          label={t('breakGlass.reason')}
          hint={t('breakGlass.reasonHint', { min: BREAK_GLASS_MIN })}
          value={reason}
          onChange={setReason}
          maxLength={BREAK_GLASS_MAX}
          error={error}
        />
        <StatusMessage>{busy ? t('client.opening') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            {t('breakGlass.open')}
          </button>
        </div>
      </form>
    </div>
  );
}
