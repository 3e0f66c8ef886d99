// renderer/: the short first-contact form. Only what the person is ready to share: a name they
// choose, a safe way to reach them and what they need now. Before a case is created we look for a
// possible duplicate and, if there is one, let the worker open it or go ahead.
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { z } from 'zod';
import type { DuplicateMatch, FirstContactInput } from '../../../../shared/schemas/clients';
import type { RpcError } from '../../../../shared/errors';
import { contactKinds, immediateNeeds, safeFlag } from '../../../../shared/vocab/lists';
import { call } from '../../api/client';
import { hrefFor, navigate } from '../../app/router';
import { CheckboxField, CheckboxGroup, VocabSelect } from '../../components/fields';
import { errorAt, pathErrorsFrom, useFocusFirstInvalid, type PathErrors } from '../../components/forms';
import { PageHeading } from '../../components/Heading';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';

type Match = z.infer<typeof DuplicateMatch>;
type Flag = (typeof safeFlag.codes)[number];
type Need = (typeof immediateNeeds.codes)[number];
type Kind = (typeof contactKinds.codes)[number];

export function FirstContactPage() {
  const { t, errorMessage } = useT();
  const [chosenName, setChosenName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [kind, setKind] = useState<Kind>('phone');
  const [contactValue, setContactValue] = useState('');
  const [safeToCall, setSafeToCall] = useState<Flag>('unknown');
  const [safeToText, setSafeToText] = useState<Flag>('unknown');
  const [safeVoicemail, setSafeVoicemail] = useState<Flag>('unknown');
  const [safeMail, setSafeMail] = useState<Flag>('unknown');
  const [urgentSafety, setUrgentSafety] = useState(false);
  const [needs, setNeeds] = useState<Need[]>([]);
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const [matches, setMatches] = useState<Match[] | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const warningRef = useRef<HTMLHeadingElement>(null);
  const form = useFocusFirstInvalid<HTMLFormElement>();

  useEffect(() => {
    if (matches && matches.length > 0) warningRef.current?.focus();
  }, [matches]);

  function input(): FirstContactInput {
    const value = contactValue.trim();
    return {
      chosenName: chosenName.trim(),
      pronouns: pronouns.trim() || null,
      dateOfBirth: dateOfBirth || null,
      contact: value ? { kind, value, safeToCall, safeToText, safeVoicemail, safeMail, note: null } : null,
      urgentSafety,
      immediateNeeds: needs,
    };
  }

  function showProblems(error: RpcError) {
    const found = pathErrorsFrom(error);
    // findDuplicates names its field "names"; on this form that is the chosen name.
    const names = errorAt(found, 'names');
    setErrors(names ? { ...found, chosenName: names } : found);
    setFormError(error.code === 'INVALID_INPUT' ? t('common.fixFields') : errorMessage(error));
    form.signal();
  }

  async function create() {
    setBusy(true);
    const result = await call('clients.create', input());
    setBusy(false);
    if (result.ok) return navigate({ page: 'client', id: result.value.id });
    setMatches(null);
    showProblems(result.error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFormError('');
    if (!chosenName.trim()) {
      setErrors({ chosenName: t('first.nameRequired') });
      return form.signal();
    }
    setErrors({});
    setBusy(true);
    const found = await call('clients.findDuplicates', { names: [chosenName.trim()], dateOfBirth: dateOfBirth || null });
    setBusy(false);
    if (!found.ok) return showProblems(found.error);
    if (found.value.matches.length > 0) return setMatches(found.value.matches);
    await create();
  }

  return (
    <section className="first-contact">
      <PageHeading>{t('first.title')}</PageHeading>
      <p className="lead">{t('first.intro')}</p>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <ErrorMessage>{formError}</ErrorMessage>
        <TextField
          label={t('first.chosenName')}
          hint={t('first.chosenNameHint')}
          value={chosenName}
          onChange={(v) => {
            setChosenName(v);
            // A changed name or birth date needs a fresh duplicate check.
            setMatches(null);
          }}
          autoComplete="off"
          maxLength={120}
          error={errors.chosenName}
          inputRef={nameRef}
          required
        />
        <TextField
          label={t('first.pronouns')}
          value={pronouns}
          onChange={setPronouns}
          autoComplete="off"
          maxLength={40}
          error={errorAt(errors, 'pronouns')}
          className="medium"
        />
        <TextField
          label={t('first.dateOfBirth')}
          type="date"
          value={dateOfBirth}
          onChange={(v) => {
            setDateOfBirth(v);
            setMatches(null);
          }}
          autoComplete="off"
          error={errorAt(errors, 'dateOfBirth')}
          className="medium"
        />

        <fieldset className="group">
          <legend>{t('first.contactLegend')}</legend>
          <p className="hint">{t('first.contactHint')}</p>
          <VocabSelect label={t('contact.kind')} list={contactKinds} value={kind} onChange={setKind} error={errorAt(errors, 'contact.kind')} />
          <TextField
            label={t('contact.value')}
            value={contactValue}
            onChange={setContactValue}
            autoComplete="off"
            maxLength={200}
            error={errorAt(errors, 'contact.value')}
          />
          <div className="flag-grid">
            <VocabSelect label={t('contact.safeToCall')} list={safeFlag} value={safeToCall} onChange={setSafeToCall} />
            <VocabSelect label={t('contact.safeToText')} list={safeFlag} value={safeToText} onChange={setSafeToText} />
            <VocabSelect label={t('contact.safeVoicemail')} list={safeFlag} value={safeVoicemail} onChange={setSafeVoicemail} />
            <VocabSelect label={t('contact.safeMail')} list={safeFlag} value={safeMail} onChange={setSafeMail} />
          </div>
        </fieldset>

        <CheckboxField label={t('first.urgent')} checked={urgentSafety} onChange={setUrgentSafety} error={errorAt(errors, 'urgentSafety')} />
        <CheckboxGroup
          legend={t('first.needs')}
          list={immediateNeeds}
          value={needs}
          onChange={setNeeds}
          error={errorAt(errors, 'immediateNeeds')}
        />

        {matches && matches.length > 0 ? (
          <DuplicateWarning
            matches={matches}
            headingRef={warningRef}
            onCreate={() => void create()}
            onBack={() => {
              setMatches(null);
              nameRef.current?.focus();
            }}
          />
        ) : (
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={busy || undefined}>
              {t('first.submit')}
            </button>
            <a className="button-link" href={hrefFor({ page: 'caseload' })}>
              {t('first.cancel')}
            </a>
          </div>
        )}
        <StatusMessage>{busy ? t('common.working') : null}</StatusMessage>
      </form>
    </section>
  );
}

function DuplicateWarning(props: {
  matches: Match[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCreate: () => void;
  onBack: () => void;
}) {
  const { t } = useT();
  return (
    <section className="panel duplicate-warning" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" ref={props.headingRef} tabIndex={-1}>
        {t('duplicate.title')}
      </h2>
      <p>{t('duplicate.explain')}</p>
      <ul className="duplicate-list">
        {props.matches.map((m) =>
          m.access === 'open' ? (
            <li key={m.clientId}>
              <a href={hrefFor({ page: 'client', id: m.clientId })}>
                <span className="mono">{m.caseNumber}</span> — {m.chosenName}
              </a>{' '}
              <span className="hint">
                {t('duplicate.matchedOn', {
                  what: m.matchedOn.map((w) => (w === 'name' ? t('duplicate.onName') : t('duplicate.onBirthDate'))).join(', '),
                })}
              </span>
            </li>
          ) : (
            // Only that a match exists and its number: the names and birth date stay with those who may open it.
            <li key={m.caseNumber}>{t('duplicate.askSupervisor', { caseNumber: m.caseNumber })}</li>
          ),
        )}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={props.onCreate}>
          {t('duplicate.createAnyway')}
        </button>
        <button type="button" onClick={props.onBack}>
          {t('duplicate.back')}
        </button>
      </div>
    </section>
  );
}
