import { useCallback, useMemo, useState } from 'react'
import type { FeatureCollection } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { http } from '../api/http'
import type { AdminUnits } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatNumber } from '../i18n/format'
import { zoneKindLabel } from '../i18n/labels'
import { boundsOf } from '../map/geometry'
import { DEFAULT_LAYERS, HOME_LAYER, zonesOverlay } from '../map/homeLayers'
import { MapView, type MapClick } from '../map/MapView'
import { LAYER } from '../map/style'
import { Table, type Column } from '../ui/Table'
import { useApi } from '../ui/useApi'
import type { Zone } from './api'
import { ZoneEditor } from './ZoneEditor'

const VISIBLE = {
  [LAYER.districtFill]: true,
  [LAYER.districtLine]: true,
  [LAYER.districtLabel]: true,
  [LAYER.picked]: true,
}
const INTERACTIVE = [HOME_LAYER.zonesFill]

/**
 * The planning zones on a map and in a table; an officer or administrator draws a new zone or picks one (on the map
 * or in the table) to move its corners and change its fields.
 */
export function ZonesSection({ zones, canEdit, onSaved }: { zones: Zone[]; canEdit: boolean; onSaved(): void }) {
  const { t, lang } = useI18n()
  const { basemap, health } = useSession()
  const province = health?.province ?? '79'
  const districts = useApi(
    (signal) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, signal),
    province,
  )
  const [map, setMap] = useState<MapLibreMap | null>(null)
  // `seq` starts a fresh editor each time, even for the same zone
  const [editing, setEditing] = useState<{ zone: Zone | null; seq: number } | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const edit = useCallback((zone: Zone | null) => {
    setSaved(null)
    setEditing((now) => ({ zone, seq: (now?.seq ?? 0) + 1 }))
  }, [])

  const editingId = editing?.zone?.id ?? null
  const overlays = useMemo(() => {
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: zones
        .filter((z) => z.id !== editingId)
        .map((z) => ({
          type: 'Feature',
          id: z.id,
          properties: { id: z.id, name: z.name, kind: z.kind },
          geometry: z.geometry,
        })),
    }
    return [zonesOverlay(DEFAULT_LAYERS, data)]
  }, [zones, editingId])
  const fit = useMemo(() => {
    const bounds = districts.data ? boundsOf(districts.data) : null
    return bounds ? { bounds, seq: 0 } : null
  }, [districts.data])

  const onClick = useCallback(
    (click: MapClick) => {
      if (!canEdit || editing || click.feature?.layer !== HOME_LAYER.zonesFill) return
      const zone = zones.find((z) => z.id === Number(click.feature?.properties.id))
      if (zone) edit(zone)
    },
    [canEdit, editing, zones, edit],
  )

  const columns: Column<Zone>[] = [
    { key: 'name', header: t('plan.zone'), cell: (z) => z.name },
    { key: 'kind', header: t('plan.zoneKind'), cell: (z) => zoneKindLabel(t, z.kind) },
    { key: 'classes', header: t('plan.allowedClasses'), cell: (z) => z.allowedClasses.join(', ') },
    {
      key: 'h',
      header: t('plan.maxHeight'),
      cell: (z) => (z.maxHeightM === null ? '—' : `${formatNumber(z.maxHeightM, lang, 1)} m`),
      className: 'num',
    },
  ]
  if (canEdit)
    columns.push({
      key: 'edit',
      header: t('zoneDraw.actions'),
      cell: (z) => (
        <button type="button" className="btn btn-ghost" onClick={() => edit(z)} data-zone-edit={z.id}>
          {t('zoneDraw.edit')}
        </button>
      ),
    })

  return (
    <>
      <div className="zones-map" data-testid="zones-map">
        <MapView
          basemap={basemap}
          districts={districts.data ?? null}
          visible={VISIBLE}
          selectedDistrictId={null}
          picked={null}
          pin={null}
          fit={fit}
          overlays={overlays}
          interactiveLayers={canEdit && !editing ? INTERACTIVE : undefined}
          label={t('zoneDraw.mapLabel')}
          onClick={onClick}
          onMap={setMap}
        />
      </div>
      {districts.error !== null && <p className="hint">{t('map.districtsFailed')}</p>}
      {canEdit &&
        (editing ? (
          <ZoneEditor
            key={editing.seq}
            map={map}
            zone={editing.zone}
            onSaved={(zone) => {
              setEditing(null)
              setSaved(t('zoneDraw.saved', { name: zone.name }))
              onSaved()
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <div className="zone-actions">
            <button type="button" className="btn btn-primary" onClick={() => edit(null)} data-testid="zone-new">
              {t('zoneDraw.new')}
            </button>
            <span className="hint">{t('zoneDraw.pickHint')}</span>
          </div>
        ))}
      {saved && (
        <p className="hint" role="status" data-testid="zone-saved">
          {saved}
        </p>
      )}
      <Table
        columns={columns}
        rows={zones}
        rowKey={(z) => z.id}
        caption={t('plan.zonesTitle')}
        empty={t('plan.zonesEmpty')}
      />
    </>
  )
}
