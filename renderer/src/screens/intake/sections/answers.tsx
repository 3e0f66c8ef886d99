// renderer/: the sections that are only questions, one line each: a code list with the three
// reasons for no answer (AnswerSelect, MultiAnswer), a date, a number, a note.
import { screeningItems } from '../../../../../shared/schemas/intake';
import * as v from '../../../../../shared/vocab/lists';
import { AnswerNumber, AnswerSelect, AnswerText, CheckboxField, CheckboxGroup, MultiAnswer, OptionalDateField, OptionalSelect, TextAreaField } from '../../../components/fields';
import { useT } from '../../../i18n/i18n';
import type { SectionFields } from '../useSectionForm';

export function LanguageFields({ f }: SectionFields<'language'>) {
  const other = f('other');
  return (
    <>
      <AnswerSelect {...f('primary')} list={v.languagesSpoken} />
      <CheckboxGroup {...other} legend={other.label} list={v.languagesSpoken} />
      <AnswerSelect {...f('interpreterNeeded')} list={v.yesNo} />
    </>
  );
}

export function CitizenshipFields({ f }: SectionFields<'citizenship'>) {
  return (
    <>
      <AnswerSelect {...f('category')} list={v.citizenshipCategories} />
      <AnswerText {...f('countryOfOrigin')} maxLength={80} />
    </>
  );
}

export function TraffickingFields({ f }: SectionFields<'trafficking'>) {
  return (
    <>
      <AnswerSelect {...f('status')} list={v.traffickingStatuses} />
      <AnswerSelect {...f('determinedBy')} list={v.determinedBy} />
      <AnswerSelect {...f('type')} list={v.traffickingTypes} />
      <MultiAnswer {...f('exploitationTypes')} list={v.exploitationTypes} />
      <MultiAnswer {...f('controlMethods')} list={v.controlMethods} />
      <AnswerSelect {...f('laborIndustry')} list={v.laborIndustries} />
      <MultiAnswer {...f('recruitment')} list={v.recruitmentMethods} />
      <AnswerNumber {...f('ageFirstTrafficked')} />
    </>
  );
}

export function NeedsFields({ f }: SectionFields<'needs'>) {
  const urgent = f('urgentSafety');
  const note = f('safetyNote');
  return (
    <>
      <MultiAnswer {...f('immediateNeeds')} list={v.immediateNeeds} />
      <OptionalSelect {...f('riskLevel')} list={v.riskLevels} />
      <CheckboxField {...urgent} checked={urgent.value} />
      <TextAreaField {...note} value={note.value ?? ''} onChange={(x) => note.onChange(x === '' ? null : x)} maxLength={1000} />
    </>
  );
}

export function ReferralFields({ f }: SectionFields<'referral'>) {
  return (
    <>
      <OptionalDateField {...f('intakeDate')} />
      <OptionalDateField {...f('referralDate')} />
      <AnswerSelect {...f('intakeType')} list={v.intakeTypes} />
      <AnswerSelect {...f('referralSource')} list={v.referralSources} />
    </>
  );
}

export function ScreeningFields({ f }: SectionFields<'screening'>) {
  const { t } = useT();
  return (
    <>
      <p className="hint">{t('intake.screeningIntro')}</p>
      {screeningItems.map((item) => (
        <AnswerSelect key={item} {...f(item)} list={v.yesNo} />
      ))}
    </>
  );
}
