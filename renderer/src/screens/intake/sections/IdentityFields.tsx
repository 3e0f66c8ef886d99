// renderer/: the identity section's questions. Sensitive ones offer the three reasons for no answer.
import * as v from '../../../../../shared/vocab/lists';
import { AnswerDate, AnswerSelect, AnswerText, ItemList, MultiAnswer, NumberField } from '../../../components/fields';
import { OptionalTextField, TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/i18n';
import type { SectionFields } from '../useSectionForm';

export function IdentityFields({ f, errorAt }: SectionFields<'identity'>) {
  const { t } = useT();
  const aliases = f('aliases');
  return (
    <>
      <TextField {...f('preferredName')} autoComplete="off" maxLength={120} required />
      <OptionalTextField {...f('pronouns')} autoComplete="off" maxLength={40} className="medium" />
      <AnswerText {...f('legalName')} maxLength={200} />
      <fieldset className="group">
        <legend>{aliases.label}</legend>
        <ItemList {...aliases} max={20} newItem="" removeLabel={(n) => t('intake.removeAlias', { n })} addLabel={t('intake.addAlias')}>
          {(alias, update, i) => (
            <TextField label={t('intake.aliasN', { n: i + 1 })} value={alias} onChange={update} autoComplete="off" maxLength={120} error={errorAt(`aliases.${i}`)} />
          )}
        </ItemList>
      </fieldset>
      <AnswerDate {...f('dateOfBirth')} />
      <NumberField {...f('estimatedAge')} />
      <AnswerSelect {...f('genderIdentity')} list={v.genderIdentities} />
      <AnswerSelect {...f('lgbtq')} list={v.yesNo} />
      <MultiAnswer {...f('raceEthnicity')} list={v.raceEthnicities} />
      <MultiAnswer {...f('disabilities')} list={v.disabilities} />
    </>
  );
}
