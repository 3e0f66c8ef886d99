// renderer/: one quick entry per attempt to reach the person. Before saving, it warns when the way
// chosen is not marked safe in the case's contact safety flags (intake → contact), and says which.
import { AddContactInput, safetyKeysFor, type ContactSafety } from '../../../../shared/schemas/week';
import { contactMethods, contactOutcomes } from '../../../../shared/vocab/week';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { DateField, VocabSelect } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';

export function ContactForm(props: { clientId: string; safety: ContactSafety; onSaved: (unsafe: boolean) => void }) {
  const { t } = useT();
  const defaults: { date: string; method: AddContactInput['method']; outcome: AddContactInput['outcome']; minutes: string; note: string } = { date: today(), method: 'call', outcome: 'attempted', minutes: '', note: '' };
  const sf = useSchemaForm({
    schema: AddContactInput,
    defaults,
    toInput: (v) => ({
      clientId: props.clientId,
      date: v.date,
      method: v.method,
      outcome: v.outcome,
      minutes: /^\d{1,4}$/u.test(v.minutes.trim()) ? Number(v.minutes.trim()) : v.minutes.trim() === '' ? null : -1,
      note: v.note.trim() || null,
    }),
    send: (input) => call('contacts.add', input),
    onSaved: (out) => {
      sf.form.reset({ ...sf.form.getValues(), minutes: '', note: '' });
      props.onSaved(out.unsafe);
    },
  });
  const method = sf.form.watch('method');
  const outcome = sf.form.watch('outcome');
  const risky = safetyKeysFor(method, outcome).filter((k) => props.safety[k] !== 'safe');
  return (
    <FormPanel title={t('contact.addTitle')} level={3}>
      <FormFrame form={sf} submitLabel={t('contact.save')}>
        <DateField label={t('common.date')} {...sf.field('date')} required />
        <VocabSelect label={t('contact.method')} list={contactMethods} {...sf.field('method')} />
        <VocabSelect label={t('contact.outcome')} list={contactOutcomes} {...sf.field('outcome')} />
        {risky.length > 0 ? (
          <p className="message message-warning" role="status">
            {t('contact.notSafe', { ways: risky.map((k) => t(`contact.way.${k}`)).join(', ') })}{' '}
            {risky.some((k) => props.safety[k] === 'not_safe') ? t('contact.markedNotSafe') : t('contact.notAsked')}
          </p>
        ) : null}
        <TextField label={t('contact.minutesOptional')} {...sf.field('minutes')} autoComplete="off" className="short" />
        <TextField label={t('contact.noteOptional')} hint={t('contact.noteHint')} {...sf.field('note')} autoComplete="off" maxLength={300} />
      </FormFrame>
    </FormPanel>
  );
}
