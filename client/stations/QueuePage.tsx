import { useCallback, useEffect, useMemo, useState } from 'react'
import { InPlanTag } from '../plans/InPlanTag'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount, formatNumber } from '../i18n/format'
import type { LngLat, MapClick, MapMarker } from '../map/MapView'
import type { MapOverlay } from '../map/overlays'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { OffsetPager } from '../ui/Table'
import { QueueFilters, useQueueFilter } from './QueueFilters'
import { stationsApi } from './api'
import { contextOverlays, ringsOverlay, stationsTileOverlay } from './layers'
import { operatorLabel, ringLabel } from './labels'
import { overall, waitParts } from './model'
import { StateTag } from './StationInfo'
import { StationPanel } from './StationPanel'
import { StationMap } from './StationMap'
import { useProvince } from './useProvince'
import './stations.css'
import { MapSearch } from '../map/MapSearch'

const PAGE = 50

/**
 * "Hàng chờ": applications waiting for the department, longest wait first. The officer decides with the map
 * context of each (zones, masts within 500 m, spacing rings); the inspector confirms or moves the site in the
 * field, by dragging the marker or tapping the map.
 */
export default function QueuePage() {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const inspector = user?.role === 'inspector'
  const { basemap, districts, fit } = useProvince()
  const [filter, setFilter] = useQueueFilter()
  const [offset, setOffset] = useState(0)
  const queue = useApi(
    (signal) => stationsApi.queue({ ...filter, offset, limit: PAGE }, signal),
    `queue:${filter.state}:${filter.carrier}:${filter.district}:${offset}`,
  )
  const [selected, setSelected] = useState<number | null>(null)
  const [moving, setMoving] = useState(false)
  const [moveTo, setMoveTo] = useState<LngLat | null>(null)
  const context = useApi(
    (signal) => (selected === null ? Promise.resolve(null) : stationsApi.context(selected, signal)),
    `ctx:${selected}`,
  )
  const items = queue.data?.items ?? []
  const current = items.find((s) => s.id === selected) ?? null
  const [focus, setFocus] = useState<{
    center: LngLat
    zoom: number
    seq: number
    padding: { right: number; bottom: number }
  } | null>(null)

  // biome-ignore lint/correctness/useExhaustiveDependencies: choosing another station ends a move begun on the last one
  useEffect(() => {
    setMoving(false)
    setMoveTo(null)
  }, [selected])

  const choose = (id: number, at: LngLat) => {
    setSelected(id)
    // The station panel covers the right of a wide map and the bottom of a phone's: centre the site in what stays
    // visible.
    const phone = window.innerWidth <= 760
    setFocus((f) => ({
      center: at,
      zoom: 15,
      seq: (f?.seq ?? 0) + 1,
      padding: phone ? { right: 0, bottom: window.innerHeight * 0.3 } : { right: 400, bottom: 0 },
    }))
  }
  const onClick = useCallback(
    (click: MapClick) => {
      if (moving) setMoveTo(click.lngLat)
    },
    [moving],
  )
  const startOrStopMoving = useCallback((on: boolean) => {
    setMoving(on)
    if (!on) setMoveTo(null)
  }, [])
  const place = useCallback((at: LngLat) => {
    setMoving(true)
    setMoveTo(at)
  }, [])
  const site = current ? (current.position.coordinates as LngLat) : null
  const marker = useMemo<MapMarker | null>(() => {
    if (!site) return null
    return {
      lngLat: moveTo ?? site,
      draggable: inspector && moving,
      color: moveTo ? '#dc6803' : '#b42318',
      onMove: place,
    }
  }, [site?.[0], site?.[1], moveTo, inspector, moving, place])
  const overlays = useMemo(() => {
    const list: MapOverlay[] = [stationsTileOverlay('operator', {})]
    if (context.data) {
      list.push(...contextOverlays(context.data))
      const c = context.data.center.coordinates as LngLat
      list.push(ringsOverlay(c, context.data.rings, (rule, r) => `${ringLabel(t, rule)} ${formatNumber(r, lang, 0)} m`))
    }
    return list
  }, [context.data, t, lang])

  const flyTo = useCallback(
    (center: LngLat, zoom: number) =>
      setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1, padding: { right: 0, bottom: 0 } })),
    [],
  )
  return (
    <div className="split split-stacked st-queue" data-selected={selected !== null}>
      <aside className="split-side" aria-label={t('st.queue.title')}>
        <header className="split-side-head">
          <h1>{t(inspector ? 'st.queue.inspectorTitle' : 'st.queue.title')}</h1>
        </header>
        {queue.data && (
          <QueueFilters
            facets={queue.data.facets}
            filter={filter}
            onChange={(f) => {
              setFilter(f)
              setOffset(0)
            }}
          />
        )}
        <p className="muted st-count" data-testid="queue-total">
          {queue.data ? t('st.queue.count', { n: formatCount(queue.data.total, lang) }) : ' '}
        </p>
        {queue.error !== null && <ErrorMessage error={queue.error} onRetry={queue.reload} />}
        {queue.loading && !queue.data && <Loading />}
        <ul className="side-list" data-testid="queue">
          {items.map((s) => {
            const [days, hours] = waitParts(s.waitingHours ?? 0)
            const worst = overall(s.ruleResults)
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="side-row"
                  aria-current={s.id === selected ? 'true' : undefined}
                  data-site={s.siteCode}
                  onClick={() => choose(s.id, s.position.coordinates as LngLat)}
                >
                  <span className="side-row-main">
                    <code>{s.siteCode}</code>
                    <span className={`st-wait${days >= 7 ? ' st-wait-long' : ''}`}>
                      {days > 0
                        ? t('st.queue.waiting', { d: days, h: hours })
                        : t('st.queue.waitingHours', { h: hours })}
                    </span>
                  </span>
                  <span className="side-row-sub">
                    {operatorLabel(t, s.operator.shortName)} · {s.mastClass} · {formatNumber(s.mastHeightM, lang, 1)} m
                    · <StateTag state={s.state} />
                  </span>
                  <span className="side-row-sub">
                    <span className={`st-outcome st-${worst}`}>{t(`st.outcome.${worst}`)}</span> ·{' '}
                    <span className="muted">{s.districtName ?? '—'}</span> · <InPlanTag inPlan={s.inPlan} showNone />
                  </span>
                </button>
              </li>
            )
          })}
          {queue.data && items.length === 0 && <li className="muted side-empty">{t('st.queue.empty')}</li>}
        </ul>
        {queue.data && queue.data.total > PAGE && (
          <OffsetPager
            offset={offset}
            shown={items.length}
            total={queue.data.total}
            pageSize={PAGE}
            onOffset={setOffset}
          />
        )}
      </aside>
      <div className="split-map">
        <MapSearch onFocus={flyTo} />
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={fit}
          focus={focus}
          marker={marker}
          overlays={overlays}
          label={t('st.mapLabel')}
          onClick={onClick}
        />
        {selected !== null && (
          <StationPanel
            id={selected}
            onClose={() => setSelected(null)}
            onChanged={() => queue.reload()}
            move={inspector ? { moveTo, moving, setMoving: startOrStopMoving } : undefined}
            extra={
              context.data && (
                <p className="hint">
                  {t('st.queue.context', {
                    masts: formatCount(context.data.masts.length, lang),
                    zones: formatCount(context.data.zones.length, lang),
                  })}
                </p>
              )
            }
          />
        )}
      </div>
    </div>
  )
}
