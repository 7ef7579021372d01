import { useCallback, useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification } from 'maplibre-gl'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import { boundsOf } from '../map/geometry'
import type { Visibility } from '../map/LayerPanel'
import { MapSearch } from '../map/MapSearch'
import { MapView, type MapClick } from '../map/MapView'
import type { MapOverlay } from '../map/overlays'
import { LAYER } from '../map/style'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { api, STATUSES, type Filters, type Programme, type Status } from './api'
import { AppLink, StatusChip, STATUS_COLOURS } from './links'

const ALL_VISIBLE: Visibility = {
  [LAYER.districtFill]: true,
  [LAYER.districtLine]: true,
  [LAYER.districtLabel]: true,
  [LAYER.picked]: true,
}
export const ITEMS_LAYER = 'conversion-items-point'
const COLOUR = [
  'match',
  ['get', 'status'],
  ...STATUSES.flatMap((s) => [s, STATUS_COLOURS[s]]),
  '#667085',
] as unknown as ExpressionSpecification

interface Props {
  programme: Programme
  /** The inspector's view: only items reported done, with their measured values listed beside the map. */
  verifying?: boolean
}

/** Items on the map coloured by status, filtered by phase, carrier, district (and status). */
export function ItemsMapPage({ programme, verifying = false }: Props) {
  const { t, lang } = useI18n()
  const { health, basemap, user } = useSession()
  const province = health?.province ?? '79'
  const [filters, setFilters] = useState<Filters>({
    programme: programme.id,
    ...(verifying ? { status: 'reported' as Status } : {}),
  })
  const [picked, setPicked] = useState<Record<string, unknown> | null>(null)
  const [focus, setFocus] = useState<{ center: [number, number]; zoom: number; seq: number } | null>(null)
  const flyTo = useCallback(
    (center: [number, number], zoom: number) => setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1 })),
    [],
  )
  const districts = useApi(
    (s) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, s),
    `districts:${province}`,
  )
  const layer = useApi(
    (s) => api.layer({ ...filters, programme: programme.id }, s),
    `layer:${programme.id}:${JSON.stringify(filters)}`,
  )
  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => (bounds ? { bounds, seq: 0 } : null), [bounds])
  const overlays = useMemo<MapOverlay[]>(
    () => [
      {
        id: 'conversion-items',
        source: { type: 'geojson', data: layer.data ?? { type: 'FeatureCollection', features: [] } },
        layers: [
          {
            id: ITEMS_LAYER,
            type: 'circle',
            source: 'conversion-items',
            paint: {
              'circle-color': COLOUR,
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, verifying ? 4.5 : 2.6, 13, 6, 16, 9],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 14, 1.4],
              'circle-opacity': 0.92,
            },
          },
        ],
      },
    ],
    [layer.data, verifying],
  )
  const onClick = useCallback(
    (click: MapClick) => setPicked(click.feature?.layer === ITEMS_LAYER ? click.feature.properties : null),
    [],
  )
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  const features = (layer.data as FeatureCollection | undefined)?.features ?? []
  const counts = STATUSES.map((s) => [s, features.filter((f) => f.properties?.status === s).length] as const)
  return (
    <div className={`conv-map-layout${verifying ? ' verifying' : ''}`}>
      <div className="conv-map-bar">
        <MapSearch onFocus={flyTo} className="conv-map-search" />
        <select
          aria-label={t('conv.filter.phase')}
          value={filters.phase ?? ''}
          onChange={(e) => set({ phase: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('conv.filter.allPhases')}</option>
          {programme.phases.map((p) => (
            <option key={p.seq} value={p.seq}>
              {p.name}
            </option>
          ))}
        </select>
        {!verifying && (
          <select
            aria-label={t('conv.col.status')}
            value={filters.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as Status | undefined })}
          >
            <option value="">{t('conv.filter.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`conv.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
        {user?.role !== 'carrier' && (
          <select
            aria-label={t('conv.filter.carrier')}
            value={filters.carrier ?? ''}
            onChange={(e) => set({ carrier: e.target.value || undefined })}
          >
            <option value="">{t('conv.filter.allCarriers')}</option>
            {['viettel', 'vnpt', 'mobifone', 'vietnamobile', 'gmobile'].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label={t('conv.filter.district')}
          value={filters.district ?? ''}
          onChange={(e) => set({ district: e.target.value || undefined })}
        >
          <option value="">{t('conv.filter.allDistricts')}</option>
          {(districts.data?.features ?? []).map((f) => (
            <option key={String(f.properties.code)} value={String(f.properties.code)}>
              {String(f.properties.name)}
            </option>
          ))}
        </select>
        <span className="conv-map-count muted" data-testid="map-count">
          {layer.loading ? t('app.loading') : t('conv.map.count', { n: formatCount(features.length, lang) })}
        </span>
      </div>
      <div className="conv-map-body">
        <div className="conv-map">
          <MapView
            basemap={basemap}
            districts={districts.data ?? null}
            visible={ALL_VISIBLE}
            selectedDistrictId={null}
            picked={null}
            pin={null}
            fit={fit}
            focus={focus}
            label={t('conv.map.aria')}
            onClick={onClick}
            overlays={overlays}
            interactiveLayers={[ITEMS_LAYER]}
          />
          {!verifying && (
            <ul className="conv-map-legend map-panel">
              {counts.map(([s, n]) => (
                <li key={s}>
                  <i style={{ background: STATUS_COLOURS[s] }} />
                  {t(`conv.status.${s}` as MessageKey)} <span className="muted">{formatCount(n, lang)}</span>
                </li>
              ))}
            </ul>
          )}
          {picked && (
            <div className="map-panel conv-pick" data-testid="map-pick">
              <button
                type="button"
                className="icon-btn panel-close"
                onClick={() => setPicked(null)}
                aria-label={t('district.close')}
              >
                ✕
              </button>
              <p>
                <strong>{String(picked.siteCode)}</strong> · {String(picked.carrier)}
              </p>
              <StatusChip status={picked.status as Status} />
              <p className="muted">
                {t('conv.map.target', { h: formatNumber(Number(picked.toHeightM), lang) })}
                {picked.measuredHeightM != null
                  ? ` · ${t('conv.map.measured', { h: formatNumber(Number(picked.measuredHeightM), lang) })}`
                  : ''}
              </p>
              <AppLink href={`/conversions/items/${String(picked.id)}`} className="btn btn-primary">
                {t('conv.map.open')}
              </AppLink>
            </div>
          )}
        </div>
        {verifying && (
          <aside className="conv-queue" aria-label={t('conv.verify.title')}>
            {layer.error ? (
              <ErrorMessage error={layer.error} onRetry={layer.reload} />
            ) : !layer.data ? (
              <Loading />
            ) : features.length === 0 ? (
              <p className="muted">{t('conv.verify.empty')}</p>
            ) : (
              <ul>
                {features.slice(0, 200).map((f) => {
                  const p = f.properties as Record<string, unknown>
                  const over = Number(p.measuredHeightM) > Number(p.toHeightM) + programme.heightToleranceM
                  return (
                    <li key={String(p.id)}>
                      <AppLink href={`/conversions/items/${String(p.id)}`} testId="queue-item">
                        {String(p.siteCode)}
                      </AppLink>
                      <span className="muted"> · {String(p.carrier)}</span>
                      <div className={over ? 'conv-overdue' : undefined}>
                        {t('conv.map.measured', { h: formatNumber(Number(p.measuredHeightM), lang) })} /{' '}
                        {t('conv.map.target', { h: formatNumber(Number(p.toHeightM), lang) })}
                        {over && ` · ${t('conv.verify.over')}`}
                      </div>
                    </li>
                  )
                })}
              </ul>
            )}
          </aside>
        )}
      </div>
    </div>
  )
}
