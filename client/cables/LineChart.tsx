import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import { valueAxis } from '../ui/axis'
import { ChartLegend } from './chartParts'

export interface LineSeries {
  name: string
  colour: string
  /** One value per x label. */
  values: number[]
}

/** Lines over labelled x steps (e.g. years), with a value axis, points and the last value named; plain SVG. */
export function LineChart({
  labels,
  series,
  unit,
  title,
}: {
  labels: string[]
  series: LineSeries[]
  unit: string
  title: string
}) {
  const { lang } = useI18n()
  const width = 640
  const height = 260
  const left = 56
  const right = 84
  const top = 24
  const bottom = 28
  const { max, ticks } = valueAxis(series.flatMap((s) => s.values))
  const x = (i: number) => left + (labels.length <= 1 ? 0 : (i / (labels.length - 1)) * (width - left - right))
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom)
  return (
    <figure className="cb-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className="cb-chart-svg">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="#e4e7ec" />
            <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="cb-axis">
              {formatNumber(v, lang, 1)}
            </text>
          </g>
        ))}
        <text x={left - 6} y={10} textAnchor="end" className="cb-axis">
          {unit}
        </text>
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={height - 8} textAnchor="middle" className="cb-axis">
            {l}
          </text>
        ))}
        {series.map((s) => {
          const last = s.values.length - 1
          return (
            <g key={s.name}>
              <polyline
                fill="none"
                stroke={s.colour}
                strokeWidth={2.5}
                strokeLinejoin="round"
                points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
              />
              {s.values.map((v, i) => (
                <circle key={labels[i]} cx={x(i)} cy={y(v)} r={3} fill="#fff" stroke={s.colour} strokeWidth={2}>
                  <title>{`${s.name} ${labels[i]}: ${formatNumber(v, lang, 1)} ${unit}`}</title>
                </circle>
              ))}
              {last >= 0 && (
                <text
                  x={x(last) + 8}
                  y={y(s.values[last]!)}
                  dominantBaseline="middle"
                  className="cb-bar-value"
                  fill={s.colour}
                >
                  {formatNumber(s.values[last]!, lang, 1)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <ChartLegend series={series} />
    </figure>
  )
}
