// renderer/: family members who are with them or whom we also support; the age group may be one of
// the three reasons for no answer.
import type { SectionData } from '../../../../../shared/schemas/intake';
import * as v from '../../../../../shared/vocab/lists';
import { CheckboxField, ItemList, reasonOf, SelectField, useReasonOptions, VocabSelect } from '../../../components/fields';
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
  const toAgeGroup = (raw: string): Member['ageGroup'] => ageGroups.find((a) => a === raw) ?? reasonOf(raw) ?? 'not_collected';
  return (
    <>
      <p className="hint">{t('intake.familyIntro')}</p>
      <ItemList
        {...members}
        max={20}
        newItem={newMember}
        itemLegend={(n) => t('intake.memberN', { n })}
        removeLabel={(n) => t('intake.removeMember', { n })}
        addLabel={t('intake.addMember')}
      >
        {(m, update, i) => {
          const at = (field: keyof Member) => errorAt(`members.${i}.${field}`);
          const set = (patch: Partial<Member>) => update({ ...m, ...patch });
          return (
            <>
              <VocabSelect label={t('intake.family.relationship')} list={v.relationships} value={m.relationship} onChange={(x) => set({ relationship: x })} error={at('relationship')} />
              <OptionalTextField
                label={t('intake.family.firstName')}
                value={m.firstName}
                onChange={(x) => set({ firstName: x })}
                autoComplete="off"
                maxLength={80}
                error={at('firstName')}
              />
              <SelectField
                label={t('intake.family.ageGroup')}
                value={m.ageGroup}
                onChange={(x) => set({ ageGroup: toAgeGroup(x) })}
                options={ageGroups.map((a) => ({ value: a, label: t(`intake.age.${a}`) }))}
                extra={reasons}
                error={at('ageGroup')}
              />
              <CheckboxField label={t('intake.family.servedByAgency')} checked={m.servedByAgency} onChange={(x) => set({ servedByAgency: x })} />
            </>
          );
        }}
      </ItemList>
    </>
  );
}
