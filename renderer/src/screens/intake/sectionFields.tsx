// renderer/: the questions of each intake section. Every sensitive question offers the code list,
// the three reasons for no answer, and "Not asked yet"; nothing here is required but a name.
import { screeningItems, type SectionData, type SectionName } from '../../../../shared/schemas/intake';
import type { Reason } from '../../../../shared/vocab/define';
import { reasons } from '../../../../shared/vocab/define';
import * as v from '../../../../shared/vocab/lists';
import {
  AnswerNumber,
  AnswerSelect,
  AnswerText,
  CheckboxField,
  CheckboxGroup,
  MultiAnswer,
  NumberField,
  OptionalSelect,
  SelectField,
  TextAreaField,
  VocabSelect,
  useVocab,
} from '../../components/fields';
import { errorAt, type PathErrors } from '../../components/forms';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';

export interface FieldsProps<S extends SectionName> {
  data: SectionData<S>;
  set: <K extends keyof SectionData<S>>(key: K, value: SectionData<S>[K]) => void;
  errors: PathErrors;
}

const orNull = (text: string): string | null => (text === '' ? null : text);

export function IdentityFields({ data, set, errors }: FieldsProps<'identity'>) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t('intake.identity.preferredName')}
        value={data.preferredName}
        onChange={(x) => set('preferredName', x)}
        autoComplete="off"
        maxLength={120}
        error={errorAt(errors, 'preferredName')}
        required
      />
      <TextField
        label={t('intake.identity.pronouns')}
        value={data.pronouns ?? ''}
        onChange={(x) => set('pronouns', orNull(x))}
        autoComplete="off"
        maxLength={40}
        error={errorAt(errors, 'pronouns')}
        className="medium"
      />
      <AnswerText
        label={t('intake.identity.legalName')}
        value={data.legalName}
        onChange={(x) => set('legalName', x)}
        maxLength={200}
        error={errorAt(errors, 'legalName')}
      />
      <TextList
        legend={t('intake.identity.aliases')}
        itemLabel={(n) => t('intake.aliasN', { n })}
        removeLabel={(n) => t('intake.removeAlias', { n })}
        addLabel={t('intake.addAlias')}
        values={data.aliases}
        onChange={(x) => set('aliases', x)}
        errors={errors}
        path="aliases"
        max={20}
      />
      <AnswerText
        type="date"
        label={t('intake.identity.dateOfBirth')}
        value={data.dateOfBirth}
        onChange={(x) => set('dateOfBirth', x)}
        maxLength={10}
        error={errorAt(errors, 'dateOfBirth')}
      />
      <NumberField
        label={t('intake.identity.estimatedAge')}
        value={data.estimatedAge}
        onChange={(x) => set('estimatedAge', x)}
        error={errorAt(errors, 'estimatedAge')}
      />
      <AnswerSelect
        label={t('intake.identity.genderIdentity')}
        list={v.genderIdentities}
        value={data.genderIdentity}
        onChange={(x) => set('genderIdentity', x)}
        error={errorAt(errors, 'genderIdentity')}
      />
      <AnswerSelect
        label={t('intake.identity.lgbtq')}
        list={v.yesNo}
        value={data.lgbtq}
        onChange={(x) => set('lgbtq', x)}
        error={errorAt(errors, 'lgbtq')}
      />
      <MultiAnswer
        legend={t('intake.identity.raceEthnicity')}
        list={v.raceEthnicities}
        value={data.raceEthnicity}
        onChange={(x) => set('raceEthnicity', x)}
        error={errorAt(errors, 'raceEthnicity')}
      />
      <MultiAnswer
        legend={t('intake.identity.disabilities')}
        list={v.disabilities}
        value={data.disabilities}
        onChange={(x) => set('disabilities', x)}
        error={errorAt(errors, 'disabilities')}
      />
    </>
  );
}

/** A list of short texts (aliases) with clearly labelled add and remove buttons. */
function TextList(props: {
  legend: string;
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  errors: PathErrors;
  path: string;
  max: number;
}) {
  return (
    <fieldset className="group">
      <legend>{props.legend}</legend>
      {props.values.map((value, i) => (
        <div className="list-item" key={i}>
          <TextField
            label={props.itemLabel(i + 1)}
            value={value}
            onChange={(x) => props.onChange(props.values.map((old, j) => (j === i ? x : old)))}
            autoComplete="off"
            maxLength={120}
            error={errorAt(props.errors, `${props.path}.${i}`)}
          />
          <button type="button" className="remove-button" onClick={() => props.onChange(props.values.filter((_, j) => j !== i))}>
            {props.removeLabel(i + 1)}
          </button>
        </div>
      ))}
      {props.values.length < props.max ? (
        <button type="button" onClick={() => props.onChange([...props.values, ''])}>
          {props.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}

type Method = SectionData<'contact'>['methods'][number];
const newMethod: Method = {
  kind: 'phone',
  value: '',
  safeToCall: 'unknown',
  safeToText: 'unknown',
  safeVoicemail: 'unknown',
  safeMail: 'unknown',
  note: null,
};

export function ContactFields({ data, set, errors }: FieldsProps<'contact'>) {
  const { t } = useT();
  const update = (i: number, patch: Partial<Method>) =>
    set(
      'methods',
      data.methods.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  const emergency = data.emergencyContact;
  return (
    <>
      {data.methods.length === 0 ? <p className="hint">{t('intake.noMethods')}</p> : null}
      {data.methods.map((m, i) => {
        const at = (field: string) => errorAt(errors, `methods.${i}.${field}`);
        return (
          <fieldset className="group" key={i}>
            <legend>{t('intake.methodN', { n: i + 1 })}</legend>
            <VocabSelect label={t('contact.kind')} list={v.contactKinds} value={m.kind} onChange={(x) => update(i, { kind: x })} error={at('kind')} />
            <TextField
              label={t('contact.value')}
              value={m.value}
              onChange={(x) => update(i, { value: x })}
              autoComplete="off"
              maxLength={200}
              error={at('value')}
            />
            <div className="flag-grid">
              <VocabSelect label={t('contact.safeToCall')} list={v.safeFlag} value={m.safeToCall} onChange={(x) => update(i, { safeToCall: x })} />
              <VocabSelect label={t('contact.safeToText')} list={v.safeFlag} value={m.safeToText} onChange={(x) => update(i, { safeToText: x })} />
              <VocabSelect
                label={t('contact.safeVoicemail')}
                list={v.safeFlag}
                value={m.safeVoicemail}
                onChange={(x) => update(i, { safeVoicemail: x })}
              />
              <VocabSelect label={t('contact.safeMail')} list={v.safeFlag} value={m.safeMail} onChange={(x) => update(i, { safeMail: x })} />
            </div>
            <TextField
              label={t('contact.note')}
              value={m.note ?? ''}
              onChange={(x) => update(i, { note: orNull(x) })}
              autoComplete="off"
              maxLength={300}
              error={at('note')}
            />
            <button
              type="button"
              className="remove-button"
              onClick={() =>
                set(
                  'methods',
                  data.methods.filter((_, j) => j !== i),
                )
              }
            >
              {t('intake.removeMethod', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      {data.methods.length < 10 ? (
        <div className="actions">
          <button type="button" onClick={() => set('methods', [...data.methods, newMethod])}>
            {t('intake.addMethod')}
          </button>
        </div>
      ) : null}

      {emergency ? (
        <fieldset className="group">
          <legend>{t('intake.contact.emergencyContact')}</legend>
          <TextField
            label={t('intake.emergency.name')}
            value={emergency.name}
            onChange={(x) => set('emergencyContact', { ...emergency, name: x })}
            autoComplete="off"
            maxLength={120}
            error={errorAt(errors, 'emergencyContact.name')}
            required
          />
          <TextField
            label={t('intake.emergency.relationship')}
            value={emergency.relationship ?? ''}
            onChange={(x) => set('emergencyContact', { ...emergency, relationship: orNull(x) })}
            autoComplete="off"
            maxLength={80}
            error={errorAt(errors, 'emergencyContact.relationship')}
          />
          <TextField
            label={t('intake.emergency.phone')}
            value={emergency.phone ?? ''}
            onChange={(x) => set('emergencyContact', { ...emergency, phone: orNull(x) })}
            autoComplete="off"
            maxLength={60}
            error={errorAt(errors, 'emergencyContact.phone')}
          />
          <VocabSelect
            label={t('intake.emergency.safeToContact')}
            list={v.safeFlag}
            value={emergency.safeToContact}
            onChange={(x) => set('emergencyContact', { ...emergency, safeToContact: x })}
          />
          <button type="button" className="remove-button" onClick={() => set('emergencyContact', null)}>
            {t('intake.removeEmergency')}
          </button>
        </fieldset>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => set('emergencyContact', { name: '', relationship: null, phone: null, safeToContact: 'unknown' })}>
            {t('intake.addEmergency')}
          </button>
        </div>
      )}
    </>
  );
}

export function LanguageFields({ data, set, errors }: FieldsProps<'language'>) {
  const { t } = useT();
  return (
    <>
      <AnswerSelect
        label={t('intake.language.primary')}
        list={v.languagesSpoken}
        value={data.primary}
        onChange={(x) => set('primary', x)}
        error={errorAt(errors, 'primary')}
      />
      <CheckboxGroup
        legend={t('intake.language.other')}
        list={v.languagesSpoken}
        value={data.other}
        onChange={(x) => set('other', x)}
        error={errorAt(errors, 'other')}
      />
      <AnswerSelect
        label={t('intake.language.interpreterNeeded')}
        list={v.yesNo}
        value={data.interpreterNeeded}
        onChange={(x) => set('interpreterNeeded', x)}
        error={errorAt(errors, 'interpreterNeeded')}
      />
    </>
  );
}

export function CitizenshipFields({ data, set, errors }: FieldsProps<'citizenship'>) {
  const { t } = useT();
  return (
    <>
      <AnswerSelect
        label={t('intake.citizenship.category')}
        list={v.citizenshipCategories}
        value={data.category}
        onChange={(x) => set('category', x)}
        error={errorAt(errors, 'category')}
      />
      <AnswerText
        label={t('intake.citizenship.countryOfOrigin')}
        value={data.countryOfOrigin}
        onChange={(x) => set('countryOfOrigin', x)}
        maxLength={80}
        error={errorAt(errors, 'countryOfOrigin')}
      />
    </>
  );
}

export function TraffickingFields({ data, set, errors }: FieldsProps<'trafficking'>) {
  const { t } = useT();
  return (
    <>
      <AnswerSelect
        label={t('intake.trafficking.status')}
        list={v.traffickingStatuses}
        value={data.status}
        onChange={(x) => set('status', x)}
        error={errorAt(errors, 'status')}
      />
      <AnswerSelect
        label={t('intake.trafficking.determinedBy')}
        list={v.determinedBy}
        value={data.determinedBy}
        onChange={(x) => set('determinedBy', x)}
        error={errorAt(errors, 'determinedBy')}
      />
      <AnswerSelect
        label={t('intake.trafficking.type')}
        list={v.traffickingTypes}
        value={data.type}
        onChange={(x) => set('type', x)}
        error={errorAt(errors, 'type')}
      />
      <MultiAnswer
        legend={t('intake.trafficking.exploitationTypes')}
        list={v.exploitationTypes}
        value={data.exploitationTypes}
        onChange={(x) => set('exploitationTypes', x)}
        error={errorAt(errors, 'exploitationTypes')}
      />
      <MultiAnswer
        legend={t('intake.trafficking.controlMethods')}
        list={v.controlMethods}
        value={data.controlMethods}
        onChange={(x) => set('controlMethods', x)}
        error={errorAt(errors, 'controlMethods')}
      />
      <AnswerSelect
        label={t('intake.trafficking.laborIndustry')}
        list={v.laborIndustries}
        value={data.laborIndustry}
        onChange={(x) => set('laborIndustry', x)}
        error={errorAt(errors, 'laborIndustry')}
      />
      <MultiAnswer
        legend={t('intake.trafficking.recruitment')}
        list={v.recruitmentMethods}
        value={data.recruitment}
        onChange={(x) => set('recruitment', x)}
        error={errorAt(errors, 'recruitment')}
      />
      <AnswerNumber
        label={t('intake.trafficking.ageFirstTrafficked')}
        value={data.ageFirstTrafficked}
        onChange={(x) => set('ageFirstTrafficked', x)}
        error={errorAt(errors, 'ageFirstTrafficked')}
      />
    </>
  );
}

export function NeedsFields({ data, set, errors }: FieldsProps<'needs'>) {
  const { t } = useT();
  return (
    <>
      <MultiAnswer
        legend={t('intake.needs.immediateNeeds')}
        list={v.immediateNeeds}
        value={data.immediateNeeds}
        onChange={(x) => set('immediateNeeds', x)}
        error={errorAt(errors, 'immediateNeeds')}
      />
      <OptionalSelect
        label={t('intake.needs.riskLevel')}
        list={v.riskLevels}
        value={data.riskLevel}
        onChange={(x) => set('riskLevel', x)}
        error={errorAt(errors, 'riskLevel')}
      />
      <CheckboxField
        label={t('intake.needs.urgentSafety')}
        checked={data.urgentSafety}
        onChange={(x) => set('urgentSafety', x)}
        error={errorAt(errors, 'urgentSafety')}
      />
      <TextAreaField
        label={t('intake.needs.safetyNote')}
        value={data.safetyNote ?? ''}
        onChange={(x) => set('safetyNote', orNull(x))}
        maxLength={1000}
        error={errorAt(errors, 'safetyNote')}
      />
    </>
  );
}

export function ReferralFields({ data, set, errors }: FieldsProps<'referral'>) {
  const { t } = useT();
  return (
    <>
      <TextField
        type="date"
        label={t('intake.referral.intakeDate')}
        value={data.intakeDate ?? ''}
        onChange={(x) => set('intakeDate', orNull(x))}
        autoComplete="off"
        error={errorAt(errors, 'intakeDate')}
        className="medium"
      />
      <TextField
        type="date"
        label={t('intake.referral.referralDate')}
        value={data.referralDate ?? ''}
        onChange={(x) => set('referralDate', orNull(x))}
        autoComplete="off"
        error={errorAt(errors, 'referralDate')}
        className="medium"
      />
      <AnswerSelect
        label={t('intake.referral.intakeType')}
        list={v.intakeTypes}
        value={data.intakeType}
        onChange={(x) => set('intakeType', x)}
        error={errorAt(errors, 'intakeType')}
      />
      <AnswerSelect
        label={t('intake.referral.referralSource')}
        list={v.referralSources}
        value={data.referralSource}
        onChange={(x) => set('referralSource', x)}
        error={errorAt(errors, 'referralSource')}
      />
    </>
  );
}

export function ScreeningFields({ data, set, errors }: FieldsProps<'screening'>) {
  const { t } = useT();
  return (
    <>
      <p className="hint">{t('intake.screeningIntro')}</p>
      {screeningItems.map((item) => (
        <AnswerSelect
          key={item}
          label={t(`intake.screening.${item}`)}
          list={v.yesNo}
          value={data[item]}
          onChange={(x) => set(item, x)}
          error={errorAt(errors, item)}
        />
      ))}
    </>
  );
}

type Member = SectionData<'family'>['members'][number];
type AgeGroup = Member['ageGroup'];
const ageGroups = ['under_18', 'adult'] as const;

export function FamilyFields({ data, set, errors }: FieldsProps<'family'>) {
  const { t } = useT();
  const label = useVocab();
  const update = (i: number, patch: Partial<Member>) =>
    set(
      'members',
      data.members.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  const toAgeGroup = (raw: string): AgeGroup =>
    ageGroups.find((a) => a === raw) ?? reasons.codes.find((r): r is Reason => r === raw) ?? 'not_collected';
  return (
    <>
      <p className="hint">{t('intake.familyIntro')}</p>
      {data.members.map((m, i) => {
        const at = (field: string) => errorAt(errors, `members.${i}.${field}`);
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
            <TextField
              label={t('intake.family.firstName')}
              value={m.firstName ?? ''}
              onChange={(x) => update(i, { firstName: orNull(x) })}
              autoComplete="off"
              maxLength={80}
              error={at('firstName')}
            />
            <SelectField
              label={t('intake.family.ageGroup')}
              value={m.ageGroup}
              onChange={(x) => update(i, { ageGroup: toAgeGroup(x) })}
              options={ageGroups.map((a) => ({ value: a, label: t(`intake.age.${a}`) }))}
              extra={{ label: t('choice.noAnswerGroup'), options: reasons.codes.map((r) => ({ value: r, label: label(reasons, r) })) }}
              error={at('ageGroup')}
            />
            <CheckboxField
              label={t('intake.family.servedByAgency')}
              checked={m.servedByAgency}
              onChange={(x) => update(i, { servedByAgency: x })}
            />
            <button
              type="button"
              className="remove-button"
              onClick={() =>
                set(
                  'members',
                  data.members.filter((_, j) => j !== i),
                )
              }
            >
              {t('intake.removeMember', { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      {data.members.length < 20 ? (
        <div className="actions">
          <button
            type="button"
            onClick={() => set('members', [...data.members, { relationship: 'child', firstName: null, ageGroup: 'not_collected', servedByAgency: false }])}
          >
            {t('intake.addMember')}
          </button>
        </div>
      ) : null}
    </>
  );
}
