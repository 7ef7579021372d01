import { useMemo } from 'react'
import type { Position } from 'geojson'
import type { AdminUnits } from '../api/types'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'

/** Five equal classes of the share verified over the range the districts span, light to dark green. */
const SCALE = ['#e8f5ee', '#b7e2c8', '#7cc9a0', '#3ea874', '#0b7a4b']
const NONE = '#eef1f4'

export interface DistrictFigure {
  code: string | null
  items: number
  verified: number
}

const W = 520

/**
 * Districts shaded by the share of their items verified, drawn as SVG paths (an equirectangular projection
 * scaled by the cosine of the middle latitude, right at city scale). Clicking a district opens its items.
 */
export function Choropleth({
  districts,
  figures,
  onPick,
}: {
  districts: AdminUnits
  figures: DistrictFigure[]
  onPick(code: string): void
}) {
  const { t, lang } = useI18n()
  const shapes = useMemo(() => {
    const all = districts.features
      .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
      .flat(2)
    const lons = all.map((p) => p[0]!)
    const lats = all.map((p) => p[1]!)
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ]
    const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
    const scale = W / ((maxLon - minLon) * k)
    const height = (maxLat - minLat) * scale
    const point = (p: Position, i: number) => {
      const x = ((p[0]! - minLon) * k * scale).toFixed(1)
      const y = ((maxLat - p[1]!) * scale).toFixed(1)
      return `${i === 0 ? 'M' : 'L'}${x},${y}`
    }
    const ring = (r: Position[]) => `${r.map(point).join('')}Z`
    const paths = districts.features.map((f) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
      return {
        code: String(f.properties.code),
        name: String(f.properties.name),
        d: polys.flatMap((poly) => poly.map(ring)).join(''),
      }
    })
    return { paths, height }
  }, [districts])
  const byCode = new Map(figures.map((f) => [f.code, f]))
  // A range of whole 5 % steps around the data, so that 86 % and 97 % do not fall in the same class.
  const shares = figures.filter((f) => f.items > 0).map((f) => (f.verified / f.items) * 100)
  const lo = shares.length ? Math.floor(Math.min(...shares) / 5) * 5 : 0
  const hi = shares.length ? Math.max(lo + 5, Math.ceil(Math.max(...shares) / 5) * 5) : 100
  const width = (hi - lo) / SCALE.length
  const classOf = (pct: number) => Math.min(SCALE.length - 1, Math.floor((pct - lo) / width))
  return (
    <figure className="conv-choropleth">
      <svg
        viewBox={`0 0 ${W} ${shapes.height.toFixed(0)}`}
        role="img"
        aria-label={t('conv.choropleth.aria')}
        data-testid="choropleth"
      >
        {shapes.paths.map((p) => {
          const f = byCode.get(p.code)
          const share = f && f.items > 0 ? f.verified / f.items : null
          const fill = share === null ? NONE : SCALE[classOf(share * 100)]!
          const label = f
            ? `${p.name}: ${formatCount(f.verified, lang)} / ${formatCount(f.items, lang)} ` +
              `(${formatNumber(share! * 100, lang)} %)`
            : `${p.name}: ${t('conv.choropleth.none')}`
          return (
            <path
              key={p.code}
              d={p.d}
              fill={fill}
              fillRule="evenodd"
              className={f ? 'district clickable' : 'district'}
              {...(f && {
                role: 'button',
                tabIndex: 0,
                onClick: () => onPick(p.code),
                onKeyDown: (e: { key: string }) => {
                  if (e.key === 'Enter' || e.key === ' ') onPick(p.code)
                },
              })}
            >
              <title>{label}</title>
            </path>
          )
        })}
      </svg>
      <figcaption className="conv-legend">
        {SCALE.map((c, i) => (
          <span key={c}>
            <i className="swatch" style={{ background: c }} />
            {`${formatNumber(lo + i * width, lang)}–${formatNumber(lo + (i + 1) * width, lang)} %`}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
