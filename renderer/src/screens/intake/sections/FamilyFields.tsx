// renderer/: family members who are with them or whom we also support; the age group may be one of
// the three reasons for no answer.
import type { SectionData } from '../../../../../shared/schemas/intake';
import * as v from '../../../../../shared/vocab/lists';
import { CheckboxField, reasonOf, SelectField, useReasonOptions, VocabSelect } from '../../../components/fields';
import { OptionalTextField } from '../../../components/TextField';
import { useT } from '../../../i18n/i18n';
import type { SectionFields } from '../useSectionForm';

type Member = SectionData<'family'>['members'][number];
const ageGroups = ['under_18', 'adult'] as const;
const newMember: Member = { relationship: 'child', firstName: null, ageGroup: 'not_collected', servedByAgency: false };

export function FamilyFields({ f, errorAt }: SectionFields<'family'>) {
  const { t } = useT();
  const reasons = useReasonOptions();
  const members = f('members');
  const update = (i: number, patch: Partial<Member>) => members.onChange(members.value.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const toAgeGroup = (raw: string): Member['ageGroup'] => ageGroups.find((a) => a === raw) ?? reasonOf(raw) ?? 'not_collected';
  return (
    <>
      <p className="hint">{t('intake.familyIntro')}</p>
      {members.value.map((m, i) => {
        const at = (field: keyof Member) => errorAt(`members.${i}.${field}`);
        return (
          <fieldset className="group" key={i}>
            <legend>{t('intake.memberN', { n: i + 1 })}</legend>
            <VocabSelect
              label={t('intake.family.relationship')}
              list={v.relationships}
              value={m.relationship}
              onChange={(x) => update(i, { relationship: x })}
              error={at('relationship')}
            />
            <OptionalTextField
              label={t('intake.family.firstName')}
              value={m.firstName}
              onChange={(x) => update(i, { firstName: x })}
              autoComplete="off"
              maxLength={80}
              error={at('firstName')}
            />
            <SelectField
              label={t('intake.family.ageGroup')}
              value={m.ageGroup}
              onChange={(x) => update(i, { ageGroup: toAgeGroup(x) })}
              options={ageGroups.map((a) => ({ value: a, label: t(`intake.age.${a}`) }))}
              extra={reasons}
              error={at('ageGroup')}
            />
            <CheckboxField label={t('intake.family.servedByAgency')} checked={m.servedByAgency} onChange={(x) => update(i, { servedByAgency: x })} />
            <button type="button" className="remove-button" onClick={() => members.onChange(members.value.filter((_, j) => j !== i))}>
              {t('intake.removeMember', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      {members.value.length < 20 ? (
        <div className="actions">
          <button type="button" onClick={() => members.onChange([...members.value, newMember])}>
            {t('intake.addMember')}
          </button>
        </div>
      ) : null}
    </>
  );
}
