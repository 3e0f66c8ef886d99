// renderer/: outreach with no case yet (street outreach, a clinic, a hotline shift): counts only,
// never a name. Counted in the report's outreach figures.
import { useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { AddOutreachInput, type OutreachList } from '../../../../shared/schemas/week';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { FormFrame } from '../../components/FormFrame';
import { DateField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

const whole = (text: string) => (/^\d{1,5}$/u.test(text.trim()) ? Number(text.trim()) : text.trim() === '' ? null : -1);

export function OutreachSection() {
  const { t, formatDay, formatNumber } = useT();
  const headingId = useId();
  const [items, setItems] = useState<z.infer<typeof OutreachList>['items']>([]);
  const reload = useCallback(async () => {
    const result = await call('outreach.list', {});
    if (result.ok) setItems(result.value.items);
  }, []);
  useEffect(() => void reload(), [reload]);
  const sf = useSchemaForm({
    schema: AddOutreachInput,
    defaults: { date: today(), place: '', minutes: '', people: '' },
    toInput: (v) => ({ date: v.date, place: v.place.trim() || null, minutes: whole(v.minutes), people: whole(v.people) ?? 0 }),
    send: (input) => call('outreach.add', input),
    onSaved: async () => {
      sf.form.reset({ date: sf.form.getValues('date'), place: '', minutes: '', people: '' });
      await reload();
    },
  });
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('outreach.title')}</h2>
      <p className="hint">{t('outreach.explain')}</p>
      <FormFrame form={sf} submitLabel={t('outreach.save')} savedText={t('outreach.saved')}>
        <DateField label={t('common.date')} {...sf.field('date')} required />
        <TextField label={t('outreach.placeOptional')} hint={t('outreach.placeHint')} {...sf.field('place')} autoComplete="off" maxLength={200} />
        <TextField label={t('outreach.minutesOptional')} {...sf.field('minutes')} autoComplete="off" className="short" />
        <TextField label={t('outreach.people')} {...sf.field('people')} autoComplete="off" className="short" required />
      </FormFrame>
      {items.length > 0 ? (
        <ul className="due-list" aria-label={t('outreach.recent')}>
          {items.map((i) => (
            <li key={i.id}>{t('outreach.row', { date: formatDay(i.date, 'medium'), people: formatNumber(i.people), place: i.place ?? '—' })}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
