// renderer/: the scores over time as small charts, one per domain, drawn as inline SVG by React (the
// CSP allows it; no chart library). Each chart is one image with its numbers in its accessible name;
// the table below gives the same figures cell by cell.
import { useT } from '../../i18n/i18n';
import { pointsFor, signed, type Assessment, type Domain, type InstrumentEntry } from './scores';

const W = 260;
const H = 120;
const PAD = { left: 22, right: 10, top: 10, bottom: 24 };

export function ScoreCharts(props: { instrument: InstrumentEntry; assessments: readonly Assessment[] }) {
  // One time axis for every small chart, so the charts line up and can be compared.
  const days = props.assessments.map((a) => a.takenOn).sort();
  const span = { first: days[0] ?? '', last: days.at(-1) ?? '' };
  const scored = props.instrument.domains.filter((d) => pointsFor(d, props.assessments).length > 0);
  return (
    <ul className="score-charts">
      {scored.map((d) => (
        <li key={d.id}>
          <DomainChart domain={d} assessments={props.assessments} span={span} />
        </li>
      ))}
    </ul>
  );
}

function DomainChart(props: { domain: Domain; assessments: readonly Assessment[]; span: { first: string; last: string } }) {
  const { t, language, formatDay } = useT();
  const points = pointsFor(props.domain, props.assessments);
  const label = props.domain.label[language];
  const from = Date.parse(`${props.span.first}T00:00:00Z`);
  const to = Date.parse(`${props.span.last}T00:00:00Z`);
  const x = (date: string) => {
    const width = W - PAD.left - PAD.right;
    if (to === from) return PAD.left + width / 2;
    return PAD.left + ((Date.parse(`${date}T00:00:00Z`) - from) / (to - from)) * width;
  };
  const y = (score: number) => PAD.top + ((5 - score) / 4) * (H - PAD.top - PAD.bottom);
  const first = points[0];
  const last = points.at(-1);
  const summary = t('outcomes.chartLabel', {
    domain: label,
    points: points.map((p) => t('outcomes.chartPoint', { score: p.score, date: formatDay(p.takenOn, 'medium') })).join('; '),
    change: first && last && points.length > 1 ? t('outcomes.chartChange', { sign: signed(last.score - first.score) }) : '',
  }).trim();
  return (
    <div className="score-chart">
      <p className="chart-title" aria-hidden="true">
        {label}
      </p>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width={W} height={H} focusable="false">
        {[1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line className="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(level)} y2={y(level)} />
            <text className="chart-axis" x={PAD.left - 8} y={y(level) + 4} textAnchor="end">
              {level}
            </text>
          </g>
        ))}
        {points.length > 1 ? <polyline className="chart-line" points={points.map((p) => `${x(p.takenOn)},${y(p.score)}`).join(' ')} /> : null}
        {points.map((p, i) => (
          <circle key={i} className="chart-point" cx={x(p.takenOn)} cy={y(p.score)} r={4} />
        ))}
        {to === from ? (
          <text className="chart-axis" x={x(props.span.first)} y={H - 6} textAnchor="middle">
            {formatDay(props.span.first, 'medium')}
          </text>
        ) : (
          <>
            <text className="chart-axis" x={PAD.left} y={H - 6} textAnchor="start">
              {formatDay(props.span.first, 'medium')}
            </text>
            <text className="chart-axis" x={W - PAD.right} y={H - 6} textAnchor="end">
              {formatDay(props.span.last, 'medium')}
            </text>
          </>
        )}
      </svg>
    </div>
  );
}
