import { useI18n } from '../i18n'
import { formatCount, formatDate } from '../i18n/format'
import { niceStep } from '../ui/axis'
import type { Dashboard } from './api'

const W = 1000
const H = 330
const PAD = { left: 56, right: 20, top: 18, bottom: 34 }

const dayOf = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
/** The last day of a 'YYYY-MM' month. */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Date.UTC(y, m, 0)
}

/**
 * The burn-up chart: completed items over time (area), the target line through each phase's deadline
 * (dashed), and the forecast at the recent pace from today (dotted). Plain SVG, scaled to its box.
 */
export function BurnUpChart({ burnup, asOf }: { burnup: Dashboard['burnup']; asOf: string }) {
  const { t, lang } = useI18n()
  const start = dayOf(burnup.target[0]?.date ?? asOf)
  const ends = [
    dayOf(asOf),
    ...burnup.target.map((p) => dayOf(p.date)),
    burnup.forecast?.to ? dayOf(burnup.forecast.to) : 0,
  ]
  const end = Math.max(...ends)
  const top = Math.max(1, ...burnup.target.map((p) => p.value), ...burnup.series.map((p) => p.done))
  const step = niceStep(top, 5)
  const yMax = Math.ceil(top / step) * step
  const x = (ms: number) => PAD.left + ((ms - start) / (end - start || 1)) * (W - PAD.left - PAD.right)
  const y = (v: number) => H - PAD.bottom - (v / yMax) * (H - PAD.top - PAD.bottom)
  const today = dayOf(asOf)
  const points = burnup.series.map((p) => [x(Math.min(monthEnd(p.month), today)), y(p.done)] as const)
  const line = points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join('')
  const area =
    points.length > 0 ? `${line}L${points.at(-1)![0].toFixed(1)},${y(0)}L${points[0]![0].toFixed(1)},${y(0)}Z` : ''
  const target = burnup.target
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(dayOf(p.date)).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join('')
  const years: number[] = []
  for (let yr = new Date(start).getUTCFullYear() + 1; Date.UTC(yr, 0, 1) <= end; yr++) years.push(yr)
  const yearEvery = years.length > 10 ? 2 : 1
  const ticks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step)
  const forecast = burnup.forecast
  const done = burnup.series.at(-1)?.done ?? 0
  return (
    <figure className="conv-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('conv.burnup.aria', { done: formatCount(done, lang), date: formatDate(asOf, lang) })}
        data-testid="burnup"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 8} y={y(v) + 4} className="axis" textAnchor="end">
              {formatCount(v, lang)}
            </text>
          </g>
        ))}
        {years
          .filter((_, i) => i % yearEvery === 0)
          .map((yr) => (
            <text key={yr} x={x(Date.UTC(yr, 0, 1))} y={H - PAD.bottom + 18} className="axis" textAnchor="middle">
              {yr}
            </text>
          ))}
        <path d={area} className="done-area" />
        <path d={line} className="done-line" />
        <path d={target} className="target-line" />
        {burnup.target.slice(1).map((p) => (
          <g key={p.date}>
            <circle cx={x(dayOf(p.date))} cy={y(p.value)} r={4} className="target-dot" />
            <text x={x(dayOf(p.date)) - 6} y={y(p.value) - 8} className="label" textAnchor="end">
              {formatCount(p.value, lang)}
            </text>
          </g>
        ))}
        {forecast?.to && (
          <g>
            <path
              d={`M${x(today)},${y(forecast.done)}L${x(dayOf(forecast.to))},${y(forecast.value)}`}
              className="forecast-line"
            />
            <circle cx={x(dayOf(forecast.to))} cy={y(forecast.value)} r={4} className="forecast-dot" />
          </g>
        )}
        <line x1={x(today)} x2={x(today)} y1={PAD.top} y2={H - PAD.bottom} className="today" />
        <text x={x(today) + 4} y={PAD.top + 10} className="label">
          {t('conv.burnup.today')}
        </text>
      </svg>
      <figcaption className="conv-legend">
        <span>
          <i className="swatch done" />
          {t('conv.burnup.done')}
        </span>
        <span>
          <i className="swatch target" />
          {t('conv.burnup.target')}
        </span>
        <span>
          <i className="swatch forecast" />
          {t('conv.burnup.forecast')}
        </span>
      </figcaption>
    </figure>
  )
}
