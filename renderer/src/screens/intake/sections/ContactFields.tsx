// renderer/: the ways to reach someone safely (each with what is safe: a call, a text, voicemail,
// mail) and an emergency contact.
import type { SectionData } from '../../../../../shared/schemas/intake';
import * as v from '../../../../../shared/vocab/lists';
import { ItemList, VocabSelect } from '../../../components/fields';
import { OptionalTextField, TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/i18n';
import type { SectionFields } from '../useSectionForm';

type Method = SectionData<'contact'>['methods'][number];
type Emergency = NonNullable<SectionData<'contact'>['emergencyContact']>;
const newMethod: Method = { kind: 'phone', value: '', safeToCall: 'unknown', safeToText: 'unknown', safeVoicemail: 'unknown', safeMail: 'unknown', note: null };
const newEmergency: Emergency = { name: '', relationship: null, phone: null, safeToContact: 'unknown' };
const safeFlags = ['safeToCall', 'safeToText', 'safeVoicemail', 'safeMail'] as const;

export function ContactFields({ f, errorAt }: SectionFields<'contact'>) {
  const { t } = useT();
  const methods = f('methods');
  const emergency = f('emergencyContact');
  const text = { autoComplete: 'off' };
  return (
    <>
      {methods.value.length === 0 ? <p className="hint">{t('intake.noMethods')}</p> : null}
      <ItemList
        {...methods}
        max={10}
        newItem={newMethod}
        itemLegend={(n) => t('intake.methodN', { n })}
        removeLabel={(n) => t('intake.removeMethod', { n })}
        addLabel={t('intake.addMethod')}
      >
        {(m, update, i) => {
          const at = (field: keyof Method) => errorAt(`methods.${i}.${field}`);
          const set = (patch: Partial<Method>) => update({ ...m, ...patch });
          return (
            <>
              <VocabSelect label={t('contact.kind')} list={v.contactKinds} value={m.kind} onChange={(x) => set({ kind: x })} error={at('kind')} />
              <TextField {...text} label={t('contact.value')} value={m.value} onChange={(x) => set({ value: x })} maxLength={200} error={at('value')} />
              <div className="flag-grid">
                {safeFlags.map((flag) => (
                  <VocabSelect key={flag} label={t(`contact.${flag}`)} list={v.safeFlag} value={m[flag]} onChange={(x) => set({ [flag]: x })} />
                ))}
              </div>
              <OptionalTextField {...text} label={t('contact.note')} value={m.note} onChange={(x) => set({ note: x })} maxLength={300} error={at('note')} />
            </>
          );
        }}
      </ItemList>
      {emergency.value ? (
        <EmergencyContact value={emergency.value} onChange={emergency.onChange} legend={emergency.label} errorAt={(field) => errorAt(`emergencyContact.${field}`)} />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => emergency.onChange(newEmergency)}>
            {t('intake.addEmergency')}
          </button>
        </div>
      )}
    </>
  );
}

function EmergencyContact(props: { value: Emergency; onChange: (value: Emergency | null) => void; legend: string; errorAt: (field: keyof Emergency) => string | undefined }) {
  const { t } = useT();
  const { value } = props;
  const set = (patch: Partial<Emergency>) => props.onChange({ ...value, ...patch });
  const text = { autoComplete: 'off' };
  return (
    <fieldset className="group">
      <legend>{props.legend}</legend>
      <TextField {...text} label={t('intake.emergency.name')} value={value.name} onChange={(x) => set({ name: x })} maxLength={120} error={props.errorAt('name')} required />
      <OptionalTextField
        {...text}
        label={t('intake.emergency.relationship')}
        value={value.relationship}
        onChange={(x) => set({ relationship: x })}
        maxLength={80}
        error={props.errorAt('relationship')}
      />
      <OptionalTextField {...text} label={t('intake.emergency.phone')} value={value.phone} onChange={(x) => set({ phone: x })} maxLength={60} error={props.errorAt('phone')} />
      <VocabSelect label={t('intake.emergency.safeToContact')} list={v.safeFlag} value={value.safeToContact} onChange={(x) => set({ safeToContact: x })} />
      <button type="button" className="remove-button" onClick={() => props.onChange(null)}>
        {t('intake.removeEmergency')}
      </button>
    </fieldset>
  );
}
