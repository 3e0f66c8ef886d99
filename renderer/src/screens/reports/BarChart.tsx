// renderer/: a plain horizontal bar chart of one report table's categories, drawn as inline SVG by
// React (no chart library; the CSP allows it). Suppressed values get no bar, only their text, so a
// range is never drawn as if it were a count. The table beside it holds the same figures.
import type { ReportCell } from '../../../../shared/schemas/reports';
import { useT } from '../../i18n/i18n';

const W = 520;
const ROW = 36;
const VALUE_SPACE = 90;

export function BarChart(props: { title: string; bars: { label: string; value: ReportCell; text: string }[] }) {
  const { t } = useT();
  const numbers = props.bars.map((b) => (typeof b.value === 'number' ? b.value : 0));
  const max = Math.max(1, ...numbers);
  const height = props.bars.length * ROW + 4;
  const summary = t('report.chartLabel', { title: props.title, bars: props.bars.map((b) => `${b.label}: ${b.text}`).join('; ') });
  return (
    <svg className="bar-chart" role="img" aria-label={summary} viewBox={`0 0 ${W} ${height}`} width={W} height={height} focusable="false">
      {props.bars.map((b, i) => {
        const top = i * ROW;
        const width = typeof b.value === 'number' ? (b.value / max) * (W - VALUE_SPACE) : 0;
        return (
          <g key={i}>
            <text className="chart-label" x={0} y={top + 13}>
              {b.label}
            </text>
            {width > 0 ? <rect className="chart-bar" x={0} y={top + 17} width={Math.max(width, 2)} height={14} /> : null}
            <text className={typeof b.value === 'number' ? 'chart-value' : 'chart-value chart-suppressed'} x={width + 6} y={top + 29}>
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
