import { useCallback, useMemo, useState } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { navigate, usePath } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { MapView, type MapClick } from '../map/MapView'
import type { Visibility } from '../map/LayerPanel'
import { useApi } from '../ui/useApi'
import { cablesApi, type RouteFilters } from './api'
import { ImportPanel } from './ImportPanel'
import { InvitationsPanel } from './InvitationsPanel'
import { CABLE_LAYER, polesOverlay, routesOverlay, selectedOverlay } from './layers'
import { Legend, type Shown } from './Legend'
import { canEdit } from './model'
import { RouteEditor } from './RouteEditor'
import { RouteList } from './RouteList'
import { RoutePanel } from './RoutePanel'
import { useCableRefs } from './useRefs'
import './cables.css'
import { MapSearch } from '../map/MapSearch'

const MAP_VISIBLE: Visibility = {
  'districts-fill': true,
  'districts-line': true,
  'districts-label': true,
  'picked-point': false,
}

type View =
  | { mode: 'list' }
  | { mode: 'route'; id: number }
  | { mode: 'edit'; id: number }
  | { mode: 'new' }
  | { mode: 'import' }

/** What a path under /cables opens. */
function viewAt(path: string): View {
  if (path === '/cables/new') return { mode: 'new' }
  if (path === '/cables/import') return { mode: 'import' }
  const m = /^\/cables\/(\d+)(\/edit)?$/.exec(path)
  if (m) return m[2] ? { mode: 'edit', id: Number(m[1]) } : { mode: 'route', id: Number(m[1]) }
  return { mode: 'list' }
}

/**
 * "Cáp viễn thông": routes and poles of the whole province from vector tiles, a filtered and paged
 * route list, a route's panel with its workflow, and drawing, editing and importing routes.
 */
export default function CablesPage() {
  const { t } = useI18n()
  const { user } = useSession()
  const role = user!.role
  const path = usePath()
  const view = viewAt(path)
  const refs = useCableRefs()
  const [filters, setFilters] = useState<RouteFilters>({})
  const [shown, setShown] = useState<Shown>({ routes: true, poles: true })
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const [zoom, setZoom] = useState(9)
  // Bumped after a write so that the list, the panel and the tiles are read again.
  const [revision, setRevision] = useState(0)
  const [focus, setFocus] = useState<{ center: [number, number]; zoom: number; seq: number } | null>(null)

  const openId = view.mode === 'route' || view.mode === 'edit' ? view.id : null
  const detail = useApi(
    (signal) => (openId === null ? Promise.resolve(null) : cablesApi.get(openId, signal)),
    `route:${openId}:${revision}`,
  )
  const route = detail.data && detail.data.id === openId ? detail.data : null
  const editing = view.mode === 'edit' || view.mode === 'new'
  const flyTo = useCallback(
    (center: [number, number], zoom: number) => setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1 })),
    [],
  )

  const fit = useMemo(() => (refs.bounds ? { bounds: refs.bounds, seq: 0 } : null), [refs.bounds])
  const overlays = useMemo(() => {
    const list = []
    if (shown.poles) list.push(polesOverlay())
    if (shown.routes) list.push(routesOverlay(filters, revision))
    if (!editing) list.push(selectedOverlay(route))
    return list
  }, [shown, filters, revision, editing, route])

  const onClick = useCallback(
    (click: MapClick) => {
      const hit = click.feature
      if (!hit || editing) return
      if ('count' in hit.properties) {
        setFocus((f) => ({
          center: click.lngLat,
          zoom: hit.layer === CABLE_LAYER.poleCells ? 14 : 13,
          seq: (f?.seq ?? 0) + 1,
        }))
        return
      }
      if (typeof hit.id === 'number' && hit.layer !== CABLE_LAYER.poles) navigate(`/cables/${hit.id}`)
    },
    [editing],
  )
  const onViewChange = useCallback((v: { zoom: number }) => setZoom(v.zoom), [])
  const saved = (id: number) => {
    setRevision((n) => n + 1)
    navigate(`/cables/${id}`)
  }
  const changed = () => setRevision((n) => n + 1)

  return (
    <div className="split split-stacked cb-split" data-mode={view.mode}>
      <aside className="split-side" aria-label={t('cb.side')}>
        {view.mode === 'new' || (view.mode === 'edit' && route) ? (
          <RouteEditor
            key={view.mode === 'edit' ? `edit-${view.id}` : 'new'}
            map={map}
            route={view.mode === 'edit' ? route : null}
            zoom={zoom}
            carriers={refs.carriers.data ?? []}
            onSaved={saved}
            onCancel={() => navigate(openId ? `/cables/${openId}` : '/cables')}
          />
        ) : view.mode === 'import' ? (
          <ImportPanel onImported={changed} onClose={() => navigate('/cables')} />
        ) : (
          <>
            {role === 'carrier' && <InvitationsPanel revision={revision} onAnswered={changed} />}
            <RouteList
              filters={filters}
              onFilters={setFilters}
              revision={revision}
              selectedId={openId}
              refs={refs}
              canEdit={canEdit(role)}
              staff={role !== 'carrier'}
            />
          </>
        )}
      </aside>
      <div className="split-map">
        {/* not while a route is drawn: every click on the map is then a vertex */}
        {!editing && (
          <MapSearch onFocus={flyTo} onHit={(hit) => hit.kind === 'route' && navigate(`/cables/${hit.id}`)} />
        )}
        <MapView
          basemap={refs.basemap}
          districts={refs.districts.data ?? null}
          visible={MAP_VISIBLE}
          selectedDistrictId={null}
          picked={null}
          pin={null}
          fit={fit}
          focus={focus}
          label={t('cb.mapLabel')}
          overlays={overlays}
          interactiveLayers={
            editing
              ? []
              : [
                  CABLE_LAYER.selected,
                  CABLE_LAYER.routesDone,
                  CABLE_LAYER.routesBuilding,
                  CABLE_LAYER.routesPlanned,
                  CABLE_LAYER.poleCells,
                ]
          }
          onClick={onClick}
          onViewChange={onViewChange}
          onMap={setMap}
        />
        <Legend shown={shown} onChange={setShown} zoom={zoom} />
        {view.mode === 'route' && (
          <RoutePanel id={view.id} state={detail} refs={refs} onClose={() => navigate('/cables')} onChanged={changed} />
        )}
      </div>
    </div>
  )
}
