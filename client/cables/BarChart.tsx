import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import { valueAxis } from '../ui/axis'
import { ChartLegend } from './chartParts'

export interface BarRow {
  label: string
  /** One value per series, in the order of `series`. */
  values: number[]
}

/**
 * Horizontal stacked bars, one per row, with a value axis, the total at each bar's end and a legend;
 * plain SVG that scales with its box. Numbers in the user's language (vi 3.446,8).
 */
export function BarChart({
  rows,
  series,
  unit,
  title,
}: {
  rows: BarRow[]
  series: { name: string; colour: string }[]
  unit: string
  title: string
}) {
  const { lang } = useI18n()
  const labelW = 150
  const width = 640
  const barH = 18
  const gap = 8
  const top = 24
  const plotW = width - labelW - 70
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0))
  const { max, ticks } = valueAxis(totals)
  const height = top + rows.length * (barH + gap) + 24
  const x = (v: number) => labelW + (v / max) * plotW
  return (
    <figure className="cb-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="cb-chart-svg">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top - 6} y2={height - 20} stroke="#e4e7ec" />
            <text x={x(v)} y={height - 6} textAnchor="middle" className="cb-axis">
              {formatNumber(v, lang, 1)}
            </text>
          </g>
        ))}
        <text x={width - 4} y={12} textAnchor="end" className="cb-axis">
          {unit}
        </text>
        {rows.map((r, i) => {
          const y = top + i * (barH + gap)
          let at = 0
          return (
            <g key={r.label}>
              <text x={labelW - 8} y={y + barH / 2} dominantBaseline="middle" textAnchor="end" className="cb-bar-label">
                {r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}
              </text>
              {r.values.map((v, s) => {
                const x0 = x(at)
                at += v
                return v > 0 ? (
                  <rect
                    key={series[s]!.name}
                    x={x0}
                    y={y}
                    width={Math.max(0.5, x(at) - x0)}
                    height={barH}
                    fill={series[s]!.colour}
                  >
                    <title>{`${r.label} — ${series[s]!.name}: ${formatNumber(v, lang, 1)} ${unit}`}</title>
                  </rect>
                ) : null
              })}
              <text x={x(at) + 6} y={y + barH / 2} dominantBaseline="middle" className="cb-bar-value">
                {formatNumber(totals[i]!, lang, 1)}
              </text>
            </g>
          )
        })}
      </svg>
      {series.length > 1 && <ChartLegend series={series} />}
    </figure>
  )
}
