// renderer/: recording an assessment: the instrument, the day it was taken, its kind, and for each
// domain one of five anchored levels (or none: a domain may be left unscored).
import { useId } from 'react';
import { assessmentKinds, RecordAssessmentInput } from '../../../../shared/schemas/outcomes';
import { call } from '../../api/client';
import { today } from '../../components/dates';
import { SelectField } from '../../components/fields';
import { FormFrame } from '../../components/FormFrame';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../components/useSchemaForm';
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
  const scoresErrorId = useId();
  const defaults: { instrumentId: string; takenOn: string; kind: Kind; scores: Record<string, number> } = {
    instrumentId: props.instruments[0]?.id ?? '',
    takenOn: today(),
    kind: props.firstAssessment ? 'intake' : 'follow_up',
    scores: {},
  };
  const instrumentOf = (id: string) => props.instruments.find((i) => i.id === id);
  /** The levels chosen, in the instrument's order; a domain left unscored is left out. */
  const chosen = (v: typeof defaults) =>
    (instrumentOf(v.instrumentId)?.domains ?? []).filter((d) => v.scores[d.id] !== undefined).map((d) => ({ domainId: d.id, score: v.scores[d.id] ?? 0 }));
  const sf = useSchemaForm({
    schema: RecordAssessmentInput,
    defaults,
    toInput: (v) => ({ clientId: props.clientId, instrumentId: v.instrumentId, takenOn: v.takenOn, kind: v.kind, scores: chosen(v) }),
    extraChecks: (v) => ({
      instrumentId: instrumentOf(v.instrumentId) ? undefined : t('field.required'),
      takenOn: v.takenOn ? undefined : t('field.required'),
      scores: chosen(v).length === 0 ? t('outcomes.scoreOne') : undefined,
    }),
    send: (input) => call('outcomes.record', input),
    onSaved: () => props.onDone(true),
  });
  const instrument = instrumentOf(sf.field('instrumentId').value);
  const scores = sf.field('scores');

  return (
    <FormPanel title={t('outcomes.recordTitle')}>
      <FormFrame form={sf} submitLabel={t('outcomes.save')} onCancel={() => void props.onDone(false)}>
        <div className="form-row">
          <SelectField
            label={t('outcomes.instrument')}
            {...sf.field('instrumentId')}
            onChange={(id) => {
              sf.field('instrumentId').onChange(id);
              scores.onChange({});
            }}
            options={props.instruments.map((i) => ({ value: i.id, label: i.name[language] }))}
          />
          <TextField type="date" label={t('outcomes.takenOn')} {...sf.field('takenOn')} autoComplete="off" required />
          <SelectField
            label={t('outcomes.kind')}
            {...sf.field('kind')}
            onChange={(value) => sf.field('kind').onChange(assessmentKinds.find((k) => k === value) ?? 'follow_up')}
            options={assessmentKinds.map((k) => ({ value: k, label: t(`assessmentKind.${k}`) }))}
          />
        </div>
        <p className="hint">{t('outcomes.levelsHint')}</p>
        {scores.error ? (
          <p className="field-error" id={scoresErrorId}>
            {scores.error}
          </p>
        ) : null}
        {instrument?.domains.map((d, i) => (
          <DomainLevels
            key={`${instrument.id}-${d.id}`}
            domain={d}
            // "Choose a level in at least one area" lands on the first area, not on a message far above
            // the Save button at the end of a long form.
            problemId={i === 0 && scores.error ? scoresErrorId : undefined}
            value={scores.value[d.id] ?? null}
            onChange={(score) => {
              const next = { ...sf.form.getValues('scores') };
              if (score === null) delete next[d.id];
              else next[d.id] = score;
              scores.onChange(next);
            }}
          />
        ))}
      </FormFrame>
    </FormPanel>
  );
}

/** One domain: a radio group of the five anchored levels and "Not scored". */
function DomainLevels(props: { domain: Domain; value: number | null; problemId?: string | undefined; onChange: (score: number | null) => void }) {
  const { t, language } = useT();
  const id = useId();
  const option = (score: number | null, text: string, level?: number) => (
    <div className="checkbox level-option" key={score ?? 'none'}>
      <input
        id={`${id}-${score ?? 'none'}`}
        type="radio"
        name={id}
        checked={props.value === score}
        onChange={() => props.onChange(score)}
        aria-invalid={props.problemId ? true : undefined}
        aria-describedby={props.problemId}
      />
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
