// renderer/: the smallest count a report shows as a number (small-cell suppression). Counts from 1 to
// this number appear as a range, so nobody can be picked out of a small group. The form opens with
// the number in force now.
import { useEffect, useId } from 'react';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '../../../../shared/disclosure';
import { SuppressionInput } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';
import { NumberField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

const MAX_THRESHOLD = 100;

export function SuppressionForm() {
  const { t } = useT();
  const headingId = useId();
  const sf = useSchemaForm({
    schema: SuppressionInput,
    defaults: { threshold: null as number | null },
    toInput: (v) => ({ threshold: v.threshold ?? 0 }),
    extraChecks: (v) => ({
      threshold:
        v.threshold === null || v.threshold < MIN_THRESHOLD || v.threshold > MAX_THRESHOLD
          ? t('suppression.range', { min: MIN_THRESHOLD, max: MAX_THRESHOLD })
          : undefined,
    }),
    send: (input) => call('settings.setSuppression', input),
  });
  const { reset } = sf.form;
  // Read afresh each time the page opens: the number in force, or the default until one is set.
  useEffect(() => {
    let live = true;
    void call('settings.suppression', {}).then((result) => {
      if (live && result.ok) reset({ threshold: result.value.threshold });
    });
    return () => {
      live = false;
    };
  }, [reset]);
  const threshold = sf.field('threshold');

  return (
    <section aria-labelledby={headingId} className="panel">
      <h3 id={headingId}>{t('suppression.title')}</h3>
      <p>{t('suppression.explain', { example: `1-${DEFAULT_THRESHOLD}` })}</p>
      <FormFrame form={sf} submitLabel={t('suppression.save')} savedText={t('suppression.saved', { range: `1-${threshold.value ?? ''}` })}>
        <NumberField
          label={t('suppression.label')}
          hint={t('suppression.hint', { min: MIN_THRESHOLD, max: MAX_THRESHOLD, default: DEFAULT_THRESHOLD })}
          {...threshold}
          min={MIN_THRESHOLD}
          max={MAX_THRESHOLD}
        />
      </FormFrame>
    </section>
  );
}
