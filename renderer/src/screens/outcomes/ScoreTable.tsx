// renderer/: the scores as a table a screen reader can read: one row per domain, one column per
// assessment, in date order. The chart above shows the same numbers.
import { useT } from '../../i18n/i18n';
import type { Assessment, InstrumentEntry } from './scores';

export function ScoreTable(props: { instrument: InstrumentEntry; assessments: readonly Assessment[] }) {
  const { t, language, formatDay } = useT();
  return (
    <div className="table-scroll">
      <table className="score-table">
        <caption>{t('outcomes.tableCaption', { instrument: props.instrument.name[language] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.domain')}</th>
            {props.assessments.map((a) => (
              <th scope="col" key={a.id}>
                {formatDay(a.takenOn, 'medium')}
                <span className="score-kind">{t(`assessmentKind.${a.kind}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.instrument.domains.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.label[language]}</th>
              {props.assessments.map((a) => {
                const score = a.scores[d.id];
                return (
                  <td key={a.id} className="score-cell">
                    {score === undefined ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('outcomes.notScored')}</span>
                      </>
                    ) : (
                      score
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
