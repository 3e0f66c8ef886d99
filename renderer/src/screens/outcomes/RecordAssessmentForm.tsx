// renderer/: recording an assessment: the instrument, the day it was taken, its kind, and for each
// domain one of five anchored levels (or none: a domain may be left unscored).
import { useId, useState, type FormEvent } from 'react';
import { assessmentKinds } from '../../../../shared/schemas/outcomes';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField } from '../../components/fields';
import { errorAt } from '../../components/forms';
import { FormPanel } from '../../components/FormPanel';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useT } from '../../i18n/i18n';
import type { Domain, InstrumentEntry } from './scores';

type Kind = (typeof assessmentKinds)[number];

export function RecordAssessmentForm(props: {
  clientId: string;
  instruments: InstrumentEntry[];
  firstAssessment: boolean;
  onDone: (saved: boolean) => void | Promise<void>;
}) {
  const { t, language } = useT();
  const [instrumentId, setInstrumentId] = useState(props.instruments[0]?.id ?? '');
  const [takenOn, setTakenOn] = useState(today());
  const [kind, setKind] = useState<Kind>(props.firstAssessment ? 'intake' : 'follow_up');
  const [scores, setScores] = useState<Record<string, number>>({});
  const submit = useSubmit();
  const instrument = props.instruments.find((i) => i.id === instrumentId);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = (instrument?.domains ?? []).filter((d) => scores[d.id] !== undefined).map((d) => ({ domainId: d.id, score: scores[d.id] ?? 0 }));
    const found: Record<string, string | undefined> = {
      instrumentId: instrument ? undefined : t('field.required'),
      takenOn: takenOn ? undefined : t('field.required'),
      scores: instrument && chosen.length === 0 ? t('outcomes.scoreOne') : undefined,
    };
    const saved = await submit.run(found, () => call('outcomes.record', { clientId: props.clientId, instrumentId, takenOn, kind, scores: chosen }));
    if (saved) await props.onDone(true);
  }

  return (
    <FormPanel title={t('outcomes.recordTitle')}>
      <form ref={submit.formRef} onSubmit={onSubmit} noValidate>
        <ErrorMessage>{submit.formError}</ErrorMessage>
        <div className="form-row">
          <SelectField
            label={t('outcomes.instrument')}
            value={instrumentId}
            onChange={(id) => {
              setInstrumentId(id);
              setScores({});
            }}
            options={props.instruments.map((i) => ({ value: i.id, label: i.name[language] }))}
            error={errorAt(submit.errors, 'instrumentId')}
          />
          <TextField
            type="date"
            label={t('outcomes.takenOn')}
            value={takenOn}
            onChange={setTakenOn}
            autoComplete="off"
            error={errorAt(submit.errors, 'takenOn')}
            required
          />
          <SelectField
            label={t('outcomes.kind')}
            value={kind}
            onChange={(value) => setKind(assessmentKinds.find((k) => k === value) ?? 'follow_up')}
            options={assessmentKinds.map((k) => ({ value: k, label: t(`assessmentKind.${k}`) }))}
            error={errorAt(submit.errors, 'kind')}
          />
        </div>
        <p className="hint">{t('outcomes.levelsHint')}</p>
        {errorAt(submit.errors, 'scores') ? <p className="field-error">{errorAt(submit.errors, 'scores')}</p> : null}
        {instrument?.domains.map((d) => (
          <DomainLevels
            key={`${instrument.id}-${d.id}`}
            domain={d}
            value={scores[d.id] ?? null}
            onChange={(score) =>
              setScores((old) => {
                const next = { ...old };
                if (score === null) delete next[d.id];
                else next[d.id] = score;
                return next;
              })
            }
          />
        ))}
        <StatusMessage>{submit.busy ? t('common.working') : null}</StatusMessage>
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={submit.busy || undefined}>
            {t('outcomes.save')}
          </button>
          <button type="button" onClick={() => void props.onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </FormPanel>
  );
}

/** One domain: a radio group of the five anchored levels and "Not scored". */
function DomainLevels(props: { domain: Domain; value: number | null; onChange: (score: number | null) => void }) {
  const { t, language } = useT();
  const id = useId();
  const option = (score: number | null, text: string, level?: number) => (
    <div className="checkbox level-option" key={score ?? 'none'}>
      <input id={`${id}-${score ?? 'none'}`} type="radio" name={id} checked={props.value === score} onChange={() => props.onChange(score)} />
      <label htmlFor={`${id}-${score ?? 'none'}`}>
        {level !== undefined ? <span className="level-number">{level}</span> : null}
        {level !== undefined ? ' ' : null}
        {text}
      </label>
    </div>
  );
  return (
    <fieldset className="field level-group">
      <legend>{props.domain.label[language]}</legend>
      <div className="level-list">
        {props.domain.levels.map((level, i) => option(i + 1, level[language], i + 1))}
        {option(null, t('outcomes.notScored'))}
      </div>
    </fieldset>
  );
}
