// renderer/: the short first-contact form. Only what the person is ready to share: a name they
// choose, a safe way to reach them and what they need now. Before a case is created we look for a
// possible duplicate and, if there is one, let the worker open it or go ahead.
import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/errors';
import { FirstContactInput } from '../../../../shared/schemas/clients';
import { contactKinds, immediateNeeds, safeFlag } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { hrefFor, navigate } from '../../app/router';
import { CheckboxField, CheckboxGroup, DateField, VocabSelect } from '../../components/fields';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
import { useT } from '../../i18n/i18n';
import { DuplicateWarning, type Match } from './DuplicateWarning';

type Flag = (typeof safeFlag.codes)[number];
type Need = (typeof immediateNeeds.codes)[number];
type Kind = (typeof contactKinds.codes)[number];
interface Values {
  chosenName: string;
  pronouns: string;
  dateOfBirth: string;
  contact: { kind: Kind; value: string; safeToCall: Flag; safeToText: Flag; safeVoicemail: Flag; safeMail: Flag };
  urgentSafety: boolean;
  immediateNeeds: Need[];
}

const defaults: Values = {
  chosenName: '',
  pronouns: '',
  dateOfBirth: '',
  contact: { kind: 'phone', value: '', safeToCall: 'unknown', safeToText: 'unknown', safeVoicemail: 'unknown', safeMail: 'unknown' },
  urgentSafety: false,
  immediateNeeds: [],
};

/** The duplicate check names its field "names"; on this form that is the chosen name. */
function asChosenName<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.error.fields) return result;
  return { ok: false, error: { ...result.error, fields: result.error.fields.map((f) => (f.path.startsWith('names') ? { ...f, path: 'chosenName' } : f)) } };
}

export function FirstContactPage() {
  const { t } = useT();
  const [matches, setMatches] = useState<Match[] | null>(null);
  // Set by "Create anyway": the next submit skips the duplicate check.
  const goAhead = useRef(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const warningRef = useRef<HTMLHeadingElement>(null);
  const sf = useSchemaForm({
    schema: FirstContactInput,
    defaults,
    toInput: ({ contact, ...v }) => ({
      chosenName: v.chosenName.trim(),
      pronouns: v.pronouns.trim() || null,
      dateOfBirth: v.dateOfBirth || null,
      contact: contact.value.trim() ? { ...contact, value: contact.value.trim(), note: null } : null,
      urgentSafety: v.urgentSafety,
      immediateNeeds: v.immediateNeeds,
    }),
    extraChecks: (v) => ({ chosenName: v.chosenName.trim() ? undefined : t('first.nameRequired') }),
    send: async (input): Promise<Result<{ id: string } | { matches: Match[] }>> => {
      if (!goAhead.current) {
        const found = asChosenName(await call('clients.findDuplicates', { names: [input.chosenName], dateOfBirth: input.dateOfBirth ?? null }));
        if (!found.ok) return found;
        if (found.value.matches.length > 0) return { ok: true, value: { matches: found.value.matches } };
      }
      goAhead.current = false;
      setMatches(null);
      return call('clients.create', input);
    },
    onSaved: (value) => ('id' in value ? navigate({ page: 'client', id: value.id }) : setMatches(value.matches)),
  });

  useEffect(() => {
    if (matches && matches.length > 0) warningRef.current?.focus();
  }, [matches]);

  // A changed name or birth date needs a fresh duplicate check.
  const rechecked = (path: 'chosenName' | 'dateOfBirth') => {
    const field = sf.field(path);
    return {
      ...field,
      onChange: (v: string) => {
        field.onChange(v);
        setMatches(null);
      },
    };
  };
  const flag = (path: 'safeToCall' | 'safeToText' | 'safeVoicemail' | 'safeMail') => (
    <VocabSelect label={t(`contact.${path}`)} list={safeFlag} {...sf.field(`contact.${path}` as const)} />
  );

  return (
    <section className="first-contact">
      <PageHeading>{t('first.title')}</PageHeading>
      <p className="lead">{t('first.intro')}</p>
      <form ref={sf.formRef} onSubmit={(event) => void sf.onSubmit(event)} noValidate>
        <ErrorMessage>{sf.formError}</ErrorMessage>
        <TextField label={t('first.chosenName')} hint={t('first.chosenNameHint')} {...rechecked('chosenName')} autoComplete="off" maxLength={120} inputRef={nameRef} required />
        <TextField label={t('first.pronouns')} {...sf.field('pronouns')} autoComplete="off" maxLength={40} className="medium" />
        <DateField label={t('first.dateOfBirth')} {...rechecked('dateOfBirth')} />

        <fieldset className="group">
          <legend>{t('first.contactLegend')}</legend>
          <p className="hint">{t('first.contactHint')}</p>
          <VocabSelect label={t('contact.kind')} list={contactKinds} {...sf.field('contact.kind')} />
          <TextField label={t('contact.value')} {...sf.field('contact.value')} autoComplete="off" maxLength={200} />
          <div className="flag-grid">
            {flag('safeToCall')}
            {flag('safeToText')}
            {flag('safeVoicemail')}
            {flag('safeMail')}
          </div>
        </fieldset>

        <CheckboxField label={t('first.urgent')} checked={sf.field('urgentSafety').value} onChange={sf.field('urgentSafety').onChange} error={sf.errorAt('urgentSafety')} />
        <CheckboxGroup legend={t('first.needs')} list={immediateNeeds} {...sf.field('immediateNeeds')} />

        {matches && matches.length > 0 ? (
          <DuplicateWarning
            matches={matches}
            headingRef={warningRef}
            onCreate={() => {
              goAhead.current = true;
              void sf.onSubmit();
            }}
            onBack={() => {
              setMatches(null);
              nameRef.current?.focus();
            }}
          />
        ) : (
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={sf.busy || undefined}>
              {t('first.submit')}
            </button>
            <a className="button-link" href={hrefFor({ page: 'caseload' })}>
              {t('first.cancel')}
            </a>
          </div>
        )}
        <StatusMessage>{sf.busy ? t('common.working') : null}</StatusMessage>
      </form>
    </section>
  );
}
