// renderer/: the smallest count a report shows as a number (small-cell suppression). Counts from 1 to
// this number appear as a range, so nobody can be picked out of a small group.
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '../../../../shared/disclosure';
import { call } from '../../api/client';
import { NumberField } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';

const MAX_THRESHOLD = 100;

export function SuppressionForm() {
  const { t } = useT();
  const headingId = useId();
  const [threshold, setThreshold] = useState<number | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const submit = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const value = threshold;
    const found = {
      threshold: value === null || value < MIN_THRESHOLD || value > MAX_THRESHOLD ? t('suppression.range', { min: MIN_THRESHOLD, max: MAX_THRESHOLD }) : undefined,
    };
    const done = await submit.run(found, () => call('settings.setSuppression', { threshold: value ?? 0 }));
    if (done && value !== null) setSaved(value);
  }

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('suppression.title')}</h3>
      <p>{t('suppression.explain', { example: `1-${DEFAULT_THRESHOLD}` })}</p>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <NumberField
          label={t('suppression.label')}
          hint={t('suppression.hint', { min: MIN_THRESHOLD, max: MAX_THRESHOLD, default: DEFAULT_THRESHOLD })}
          value={threshold}
          onChange={(value) => {
            setThreshold(value);
            setSaved(null);
          }}
          min={MIN_THRESHOLD}
          max={MAX_THRESHOLD}
          error={errorAt(submit.errors, 'threshold')}
        />
        <StatusMessage tone={saved !== null ? 'success' : 'info'}>
          {submit.busy ? t('common.working') : saved !== null ? t('suppression.saved', { range: `1-${saved}` }) : null}
        </StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('suppression.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
