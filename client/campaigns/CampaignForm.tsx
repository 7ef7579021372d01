import { useCallback, useMemo, useState } from 'react'
import { DateInput } from '../ui/DateInput'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { http } from '../api/http'
import type { AdminUnits, Carrier } from '../api/types'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n, type MessageKey } from '../i18n'
import { formatCount } from '../i18n/format'
import { boundsOf } from '../map/geometry'
import type { Visibility } from '../map/LayerPanel'
import { MapView, type MapClick } from '../map/MapView'
import type { MapOverlay } from '../map/overlays'
import { LAYER } from '../map/style'
import { AppLink } from '../conversions/links'
import { ErrorMessage } from '../ui/status'
import { useAction } from '../ui/useAction'
import { useApi } from '../ui/useApi'
import {
  api,
  ASSET_KINDS,
  MAST_CLASSES,
  ROUTE_KINDS,
  ROUTE_STATUSES,
  STATION_STATES,
  type AssetKind,
  type Preview,
  type Selection,
} from './api'
import { useAreaDraw } from './useAreaDraw'

const VISIBLE: Visibility = {
  [LAYER.districtFill]: true,
  [LAYER.districtLine]: true,
  [LAYER.districtLabel]: true,
  [LAYER.picked]: false,
}
const CHOSEN_COLOUR = '#2e90fa'
const POINT_COLOUR = '#c11574'

/** The label of a state by kind: the stations' and the cable routes' own words. */
const stateLabel = (kind: AssetKind, s: string): MessageKey =>
  (kind === 'station' ? `st.state.${s}` : `cb.status.${s}`) as MessageKey

/** Toggles a value in a list. */
const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

function Checks<T extends string | number>({
  legend,
  values,
  chosen,
  label,
  onChange,
  testId,
}: {
  legend: string
  values: readonly T[]
  chosen: T[]
  label(v: T): string
  onChange(next: T[]): void
  testId?: string
}) {
  return (
    <fieldset className="camp-checks" data-testid={testId}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={String(v)} className="check">
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => onChange(toggle(chosen, v))} />
          {label(v)}
        </label>
      ))}
    </fieldset>
  )
}

/** A new campaign: its name and period, the selection (districts picked on the map, a drawn area, attributes). */
export function CampaignForm() {
  const { t, lang } = useI18n()
  const { health, basemap } = useSession()
  const province = health?.province ?? '79'
  const districts = useApi(
    (s) => http.get<AdminUnits>('/api/admin-units', { level: 'district', province }, s),
    `districts:${province}`,
  )
  const carriers = useApi(
    (s) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, s).then((r) => r.items),
    'carriers',
  )
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [kind, setKind] = useState<AssetKind>('station')
  const [codes, setCodes] = useState<string[]>([])
  const [classes, setClasses] = useState<string[]>(['A2b'])
  const [minH, setMinH] = useState('')
  const [maxH, setMaxH] = useState('')
  const [carrierIds, setCarrierIds] = useState<number[]>([])
  const [states, setStates] = useState<string[]>([])
  const [routeKinds, setRouteKinds] = useState<string[]>([])
  const [map, setMap] = useState<MapLibreMap | null>(null)
  const area = useAreaDraw(map)
  const [preview, setPreview] = useState<{ key: string; data: Preview } | null>(null)
  const previewing = useAction()
  const saving = useAction()

  const selection = useMemo<Selection>(() => {
    const s: Selection = {}
    if (codes.length) s.districtCodes = [...codes].sort()
    if (area.area) s.area = area.area
    if (carrierIds.length) s.carrierIds = carrierIds
    if (kind !== 'pole' && states.length) s.states = states
    if (kind === 'station') {
      if (classes.length) s.mastClasses = classes
      if (minH.trim()) s.minHeightM = Number(minH.replace(',', '.'))
      if (maxH.trim()) s.maxHeightM = Number(maxH.replace(',', '.'))
    }
    if (kind === 'cable_route' && routeKinds.length) s.routeKinds = routeKinds
    return s
  }, [codes, area.area, carrierIds, states, kind, classes, minH, maxH, routeKinds])
  const key = JSON.stringify([kind, selection])
  const stale = preview !== null && preview.key !== key

  const bounds = useMemo(() => (districts.data ? boundsOf(districts.data) : null), [districts.data])
  const fit = useMemo(() => (bounds ? { bounds, seq: 0 } : null), [bounds])
  const overlays = useMemo<MapOverlay[]>(() => {
    const chosen = {
      type: 'FeatureCollection' as const,
      features: (districts.data?.features ?? []).filter((f) => codes.includes(f.properties.code)),
    }
    const points = {
      type: 'FeatureCollection' as const,
      features: (preview?.data.points ?? []).map(([lon, lat]) => ({
        type: 'Feature' as const,
        properties: {},
        geometry: { type: 'Point' as const, coordinates: [lon, lat] },
      })),
    }
    return [
      {
        id: 'campaign-chosen',
        source: { type: 'geojson', data: chosen },
        layers: [
          {
            id: 'campaign-chosen-fill',
            type: 'fill',
            source: 'campaign-chosen',
            paint: { 'fill-color': CHOSEN_COLOUR, 'fill-opacity': 0.22 },
          },
        ],
      },
      {
        id: 'campaign-preview',
        source: { type: 'geojson', data: points },
        layers: [
          {
            id: 'campaign-preview-point',
            type: 'circle',
            source: 'campaign-preview',
            paint: {
              'circle-color': POINT_COLOUR,
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 6],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 0.6,
            },
          },
        ],
      },
    ]
  }, [districts.data, codes, preview])

  const onClick = useCallback(
    (click: MapClick) => {
      if (area.drawing || click.districtId === null) return
      const f = districts.data?.features.find((x) => x.id === click.districtId)
      if (f) setCodes((c) => toggle(c, f.properties.code))
    },
    [area.drawing, districts.data],
  )

  const runPreview = () =>
    previewing.run(async () => {
      setPreview({ key, data: await api.preview({ assetKind: kind, selection }) })
    })
  const save = () =>
    saving.run(async () => {
      const c = await api.create({
        name,
        ...(description.trim() ? { description } : {}),
        startsOn,
        endsOn,
        assetKind: kind,
        selection,
      })
      navigate(`/campaigns/${c.id}`)
    })
  const districtName = (code: string | null) =>
    code === null
      ? t('camp.noDistrict')
      : (districts.data?.features.find((f) => f.properties.code === code)?.properties.name ?? code)

  return (
    <div className="split camp-split">
      <aside className="split-side">
        <div className="split-side-head">
          <h1>{t('camp.new')}</h1>
          <AppLink href="/campaigns">{t('camp.back')}</AppLink>
        </div>
        <form
          className="camp-form"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <label className="field">
            <span>{t('camp.field.name')}</span>
            <input
              value={name}
              required
              maxLength={200}
              placeholder={t('camp.field.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              data-testid="campaign-name"
            />
          </label>
          <label className="field">
            <span>{t('camp.field.description')}</span>
            <textarea value={description} maxLength={2000} rows={2} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <div className="camp-two">
            <label className="field">
              <span>{t('camp.field.startsOn')}</span>
              <DateInput required value={startsOn} onChange={setStartsOn} testId="campaign-starts" />
            </label>
            <label className="field">
              <span>{t('camp.field.endsOn')}</span>
              <DateInput required value={endsOn} onChange={setEndsOn} testId="campaign-ends" />
            </label>
          </div>
          <label className="field">
            <span>{t('camp.field.kind')}</span>
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as AssetKind)
                setStates([])
              }}
              data-testid="campaign-kind"
            >
              {ASSET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`camp.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <h2 className="camp-h2">{t('camp.sel.title')}</h2>
          <p className="muted">{t('camp.sel.hint')}</p>
          <Checks
            legend={t('camp.sel.districts')}
            values={(districts.data?.features ?? []).map((f) => f.properties.code).sort()}
            chosen={codes}
            label={(c) => districtName(c)}
            onChange={setCodes}
            testId="campaign-districts"
          />
          <div className="camp-area">
            <span>{t('camp.sel.area')}: </span>
            <span className="muted">
              {area.drawing ? t('camp.sel.drawing') : area.area ? t('camp.sel.hasArea') : t('camp.sel.noArea')}
            </span>
            <div className="camp-row">
              <button type="button" className="btn btn-secondary btn-sm" onClick={area.draw} disabled={!map}>
                {t('camp.sel.draw')}
              </button>
              {area.area && (
                <button type="button" className="btn btn-secondary btn-sm" onClick={area.clear}>
                  {t('camp.sel.clearArea')}
                </button>
              )}
            </div>
          </div>
          {kind === 'station' && (
            <>
              <Checks
                legend={t('camp.sel.classes')}
                values={MAST_CLASSES}
                chosen={classes}
                label={(c) => c}
                onChange={setClasses}
                testId="campaign-classes"
              />
              <fieldset className="camp-checks">
                <legend>{t('camp.sel.height')}</legend>
                <label className="field camp-inline">
                  <span>{t('camp.sel.minHeight')}</span>
                  <input inputMode="decimal" value={minH} onChange={(e) => setMinH(e.target.value)} />
                </label>
                <label className="field camp-inline">
                  <span>{t('camp.sel.maxHeight')}</span>
                  <input inputMode="decimal" value={maxH} onChange={(e) => setMaxH(e.target.value)} />
                </label>
              </fieldset>
            </>
          )}
          {kind === 'cable_route' && (
            <Checks
              legend={t('camp.sel.routeKinds')}
              values={ROUTE_KINDS}
              chosen={routeKinds}
              label={(k) => t(`cb.kind.${k}` as MessageKey)}
              onChange={setRouteKinds}
            />
          )}
          {kind !== 'pole' && (
            <Checks
              legend={t('camp.sel.states')}
              values={kind === 'station' ? STATION_STATES : ROUTE_STATUSES}
              chosen={states}
              label={(s) => t(stateLabel(kind, s))}
              onChange={setStates}
            />
          )}
          {kind !== 'pole' && states.length === 0 && <p className="muted">{t('camp.sel.defaultStates')}</p>}
          <Checks
            legend={t('camp.sel.carriers')}
            values={(carriers.data ?? []).map((c) => c.id)}
            chosen={carrierIds}
            label={(id) => carriers.data?.find((c) => c.id === id)?.name ?? String(id)}
            onChange={setCarrierIds}
          />
          <div className="camp-row">
            <button
              type="button"
              className="btn btn-secondary"
              onClick={runPreview}
              disabled={previewing.busy}
              data-testid="campaign-preview"
            >
              {t('camp.preview')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving.busy} data-testid="campaign-save">
              {t('camp.create')}
            </button>
          </div>
          {previewing.error ? <ErrorMessage error={previewing.error} /> : null}
          {saving.error ? <ErrorMessage error={saving.error} /> : null}
        </form>
        {preview && (
          <section className="camp-preview" data-testid="campaign-preview-result">
            <p>
              <strong>{t('camp.preview.count', { n: formatCount(preview.data.count, lang) })}</strong>
            </p>
            {stale && <p className="camp-warn">{t('camp.preview.stale')}</p>}
            {preview.data.points.length < preview.data.count && (
              <p className="muted">{t('camp.preview.shown', { n: formatCount(preview.data.points.length, lang) })}</p>
            )}
            <table className="table camp-small">
              <caption className="sr-only">{t('camp.dash.byDistrict')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('camp.district')}</th>
                  <th scope="col" className="num">
                    {t('camp.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.data.byDistrict.map((d) => (
                  <tr key={d.code ?? ''}>
                    <td>{d.name ?? districtName(d.code)}</td>
                    <td className="num">{formatCount(d.count, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3 className="camp-h3">{t('camp.preview.sample')}</h3>
            <ul className="camp-sample">
              {preview.data.sample.map((s) => (
                <li key={s.id}>
                  {s.label} <span className="muted">· {districtName(s.districtCode)}</span>
                  {s.carrier && <span className="muted"> · {s.carrier}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
      <div className="split-map">
        <MapView
          basemap={basemap}
          districts={districts.data ?? null}
          visible={VISIBLE}
          selectedDistrictId={null}
          picked={null}
          pin={null}
          fit={fit}
          label={t('camp.map.aria')}
          onClick={onClick}
          overlays={overlays}
          onMap={setMap}
        />
      </div>
    </div>
  )
}
