import type { MapOverlay } from '../map/overlays'
import type { LngLat } from '../map/MapView'
import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import { RuleList } from '../stations/RuleList'
import type { MastClass, PermitAnswer } from '../stations/types'

/** What a permit question was: enough to ask it again from a link. */
export interface PermitQuery {
  at: LngLat
  where: 'building' | 'ground'
  mastClass: MastClass
  height: string
  building: string
}

/** The question as an address (?lon=…&lat=…&where=…&class=…&h=…&b=…): the answer's reference, to share or print. */
export function permitSearch(q: PermitQuery): string {
  const params = new URLSearchParams({
    lon: q.at[0].toFixed(6),
    lat: q.at[1].toFixed(6),
    where: q.where,
    class: q.mastClass,
    h: q.height,
  })
  if (q.where === 'building') params.set('b', q.building)
  return `?${params.toString()}`
}

/** The question a link asks, or null when the address holds none (or not a whole one). */
export function permitFromSearch(search: string): PermitQuery | null {
  const p = new URLSearchParams(search)
  const lon = Number(p.get('lon'))
  const lat = Number(p.get('lat'))
  const where = p.get('where')
  const mastClass = p.get('class')
  if (!p.get('lon') || !p.get('lat') || !Number.isFinite(lon) || !Number.isFinite(lat)) return null
  if (where !== 'building' && where !== 'ground') return null
  if (!mastClass || !['A1', 'A1c', 'A2a', 'A2b'].includes(mastClass)) return null
  return {
    at: [lon, lat],
    where,
    mastClass: mastClass as MastClass,
    height: p.get('h') ?? '',
    building: p.get('b') ?? '',
  }
}

/** The existing masts an answer names, drawn as orange rings on the map. */
export function mastsOverlay(masts: PermitAnswer['masts']): MapOverlay {
  return {
    id: 'permit-masts',
    source: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: masts.map((m) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [m.lon, m.lat] },
        })),
      },
    },
    layers: [
      {
        id: 'permit-masts',
        type: 'circle',
        source: 'permit-masts',
        paint: {
          'circle-radius': 10,
          'circle-color': 'rgba(220,104,3,0.25)',
          'circle-stroke-color': '#dc6803',
          'circle-stroke-width': 3,
        },
      },
    ],
  }
}

/** The answer: the procedure, the masts it names (each can be shown on the map), why, and its reference. */
export function PermitResult({
  answer,
  reference,
  onShowMast,
}: {
  answer: PermitAnswer
  /** The address that asks this question again. */
  reference: string
  onShowMast(at: LngLat): void
}) {
  const { t, lang } = useI18n()
  return (
    <>
      <p className="pub-answer-kind">{t(`pub.procedure.${answer.procedure}`)}</p>
      <p>{lang === 'vi' ? answer.message_vi : answer.message_en}</p>
      {answer.district && (
        <p className="hint">
          {t('pub.permit.placeLine', { district: answer.district.name, area: t(`pub.area.${answer.areaKind}`) })}
        </p>
      )}
      {answer.masts.length > 0 && (
        <ul className="pub-masts" data-testid="permit-masts">
          {answer.masts.map((m) => (
            <li key={`${m.lon},${m.lat}`}>
              {t('pub.permit.mastAt', { m: formatNumber(m.distanceM, lang, 0) })}{' '}
              <button type="button" className="btn btn-ghost btn-small" onClick={() => onShowMast([m.lon, m.lat])}>
                {t('pub.permit.showMast')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="panel-subtitle">{t('pub.permit.why')}</h3>
      <RuleList results={answer.reasons} compact />
      <p className="hint pub-reference">
        {t('pub.permit.reference')}{' '}
        <a href={reference} data-testid="permit-reference">
          {reference}
        </a>
      </p>
      <div className="pub-answer-actions">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => window.print()}>
          {t('pub.permit.print')}
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          onClick={() => void navigator.clipboard?.writeText(reference)}
        >
          {t('pub.permit.copyLink')}
        </button>
      </div>
    </>
  )
}
