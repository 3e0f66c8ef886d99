// renderer/: one survivor's outcome assessments: progress at a glance (change from first to latest,
// goals achieved, when the next assessment is due), the scores over time as a chart and as a table a
// screen reader can read, and the form to record a new assessment. Read when the tab is shown.
import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../../api/client';
import { LoadState } from '../../components/LoadState';
import { ErrorMessage, StatusMessage } from '../../components/Messages';
import { useCaseRead } from '../../components/useCaseRead';
import { useT } from '../../i18n/i18n';
import { RecordAssessmentForm } from './RecordAssessmentForm';
import { ScoreCharts } from './ScoreCharts';
import { changeWords, type Outcomes, type InstrumentEntry } from './scores';
import { ScoreTable } from './ScoreTable';

export function OutcomesTab(props: { clientId: string; visible: boolean }) {
  const { t, errorMessage } = useT();
  const [instruments, setInstruments] = useState<InstrumentEntry[]>([]);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);
  // Counts closings of the form: focus returns to its button once the button is shown again.
  const [closed, setClosed] = useState(0);
  const loaded = useRef(false);
  const { clientId } = props;
  const { data: outcomes, error, setError, reload } = useCaseRead('outcomes.forClient', clientId);

  // Read each time the tab is shown: goals may have changed on the Plan tab meanwhile.
  useEffect(() => {
    if (!props.visible) return;
    void reload();
    if (loaded.current) return;
    loaded.current = true;
    void call('outcomes.instruments', {}).then((result) => {
      if (result.ok) setInstruments(result.value.instruments);
      else setError(result.error);
    });
  }, [props.visible, reload, setError]);

  useEffect(() => {
    if (closed > 0) recordButton.current?.focus();
  }, [closed]);

  if (!outcomes) {
    return (
      <div className="outcomes">
        <LoadState error={error} />
      </div>
    );
  }

  // Assessments are shown per instrument: scores on different instruments do not compare.
  const used = instruments.filter((i) => outcomes.assessments.some((a) => a.instrumentId === i.id));
  return (
    <div className="outcomes">
      <ErrorMessage>{error ? errorMessage(error) : null}</ErrorMessage>
      <AtAGlance outcomes={outcomes} instruments={instruments} />
      {recording ? (
        <RecordAssessmentForm
          clientId={clientId}
          instruments={instruments}
          firstAssessment={outcomes.assessments.length === 0}
          onDone={async (didSave) => {
            if (didSave) await reload();
            setRecording(false);
            setSaved(didSave);
            setClosed((n) => n + 1);
          }}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          ref={recordButton}
          className="primary"
          aria-expanded={recording}
          onClick={() => {
            setSaved(false);
            setRecording(true);
          }}
          hidden={recording}
        >
          {t('outcomes.record')}
        </button>
      </div>
      <StatusMessage tone="success">{saved ? t('outcomes.saved') : null}</StatusMessage>
      {used.map((instrument) => (
        <ScoresOverTime key={instrument.id} instrument={instrument} outcomes={outcomes} titled={used.length > 1} />
      ))}
    </div>
  );
}

/** The instrument's own domain order, the one the chart and the table use. */
function byDomainOrder<C extends { domainId: string }>(change: readonly C[], instrument: InstrumentEntry | undefined): C[] {
  const at = (id: string) => instrument?.domains.findIndex((d) => d.id === id) ?? 0;
  return [...change].sort((a, b) => at(a.domainId) - at(b.domainId));
}

function AtAGlance({ outcomes, instruments }: { outcomes: Outcomes; instruments: InstrumentEntry[] }) {
  const { t, formatDay, language } = useT();
  const headingId = useId();
  const latest = outcomes.assessments.at(-1);
  const instrument = instruments.find((i) => i.id === latest?.instrumentId);
  const domainLabel = (id: string) => instrument?.domains.find((d) => d.id === id)?.label[language] ?? id;
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('outcomes.glanceTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('outcomes.goalsAchieved')}</dt>
          <dd>{t('outcomes.nOfM', { n: outcomes.goalsAchieved, m: outcomes.goalsTotal })}</dd>
        </div>
        <div>
          <dt>{t('outcomes.assessmentsTaken')}</dt>
          <dd>{outcomes.assessments.length}</dd>
        </div>
        <div>
          <dt>{t('outcomes.nextDue')}</dt>
          <dd>
            {outcomes.nextDueOn
              ? t('outcomes.nextDueOn', { date: formatDay(outcomes.nextDueOn) })
              : latest
                ? t('outcomes.noneDue')
                : t('outcomes.firstDue')}
          </dd>
        </div>
      </dl>
      <h3>{t('outcomes.changeTitle')}</h3>
      {outcomes.change.length === 0 ? (
        <p>{latest ? t('outcomes.changeNeedsTwo') : t('outcomes.none')}</p>
      ) : (
        <ul className="change-list">
          {byDomainOrder(outcomes.change, instrument).map((c) => (
            <li key={c.domainId}>
              <span className="change-domain">{domainLabel(c.domainId)}</span>{' '}
              <span className={`change-value change-${c.change > 0 ? 'up' : c.change < 0 ? 'down' : 'same'}`}>{changeWords(t, c)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScoresOverTime(props: { instrument: InstrumentEntry; outcomes: Outcomes; titled: boolean }) {
  const { t, language } = useT();
  const headingId = useId();
  const assessments = props.outcomes.assessments.filter((a) => a.instrumentId === props.instrument.id);
  const name = props.instrument.name[language];
  return (
    <section className="plan-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.titled ? t('outcomes.overTimeOn', { instrument: name }) : t('outcomes.overTime')}</h2>
      <p className="hint">{t('outcomes.scaleHint')}</p>
      <ScoreCharts instrument={props.instrument} assessments={assessments} />
      <ScoreTable instrument={props.instrument} assessments={assessments} />
    </section>
  );
}
