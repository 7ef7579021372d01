import { useState, type FormEvent } from 'react'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { ApiError } from '../api/http'
import type { Carrier } from '../api/types'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCount, parseNumber } from '../i18n/format'
import { ErrorMessage } from '../ui/status'
import { cablesApi, type CableRouteDetail, type RouteGeometry } from './api'
import { formatLength } from './format'
import { polesOnLine, previewLengthM } from './measure'
import { KINDS, type Kind } from './model'
import { useRouteDraw } from './useRouteDraw'
import { useTilePoles } from './useTilePoles'

/** Vertices snap to poles from this zoom on, where a pole is a few pixels wide and the tiles list each one. */
export const SNAP_ZOOM = 15

const vertices = (g: RouteGeometry | null) => (!g ? [] : g.type === 'LineString' ? g.coordinates : g.coordinates.flat())

/**
 * Draws a new route or edits one: the line on the map (terra-draw, vertices snap to poles), its live
 * length as a preview, and its name, kind and carriers. Saving answers the length PostGIS measured.
 */
export function RouteEditor(props: {
  map: MapLibreMap | null
  route: CableRouteDetail | null
  zoom: number
  carriers: Carrier[]
  onSaved(id: number): void
  onCancel(): void
}) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const route = props.route
  const [name, setName] = useState(route?.name ?? '')
  const [street, setStreet] = useState(route?.street ?? '')
  const [kind, setKind] = useState<Kind>(route?.kind ?? 'underground')
  const [carriers, setCarriers] = useState<string[]>(route?.carriers ?? [])
  const [within, setWithin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const poleList = useTilePoles(props.map, SNAP_ZOOM)
  const draw = useRouteDraw(props.map, true, route?.geometry ?? null, poleList)
  const length = previewLengthM(draw.geometry)
  const snapped = polesOnLine(vertices(draw.geometry), poleList)
  const ownCarrier =
    user!.role === 'carrier' ? props.carriers.find((c) => c.id === user!.carrierId)?.shortName : undefined
  const choosable = props.carriers.filter((c) => c.kind !== 'power_utility')

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!draw.geometry || draw.drawing) return
    setBusy(true)
    setError(null)
    const withinM = within.trim() ? parseNumber(within) : null
    const input = {
      name: name.trim(),
      street: street.trim() || null,
      kind,
      carriers,
      geometry: draw.geometry,
      poleIds: [...new Set([...(route?.poleIds ?? []), ...snapped])],
      polesWithinM: withinM,
    }
    try {
      const saved = route ? await cablesApi.update(route.id, route.version, input) : await cablesApi.create(input)
      props.onSaved(saved.id)
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? new Error(t('cb.stale')) : err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="cb-editor" onSubmit={submit} data-testid="route-editor">
      <header className="split-side-head">
        <h1>{route ? t('cb.editTitle') : t('cb.newTitle')}</h1>
      </header>
      <p className="cb-draw-hint">{draw.drawing ? t('cb.draw.hint') : t('cb.draw.editHint')}</p>
      <div className="cb-measure" aria-live="polite">
        <span className="cb-measure-label">{t('cb.previewLength')}</span>
        <strong className="num" data-testid="preview-length">
          {formatLength(length, lang)}
        </strong>
        <span className="muted cb-hint">{t('cb.previewNote')}</span>
      </div>
      <p className="muted cb-hint" data-testid="snap-state">
        {props.zoom >= SNAP_ZOOM
          ? t('cb.snap.on', { n: formatCount(poleList.length, lang), snapped: formatCount(snapped.length, lang) })
          : t('cb.snap.zoomIn')}
      </p>
      <div className="cb-draw-tools">
        <button type="button" className="btn btn-secondary btn-sm" onClick={draw.drawPart} disabled={draw.drawing}>
          {t('cb.draw.part')}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={draw.clear}>
          {t('cb.draw.clear')}
        </button>
      </div>
      <label className="field">
        <span>{t('cb.field.name')}</span>
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </label>
      <label className="field">
        <span>{t('cb.field.street')}</span>
        <input name="street" value={street} onChange={(e) => setStreet(e.target.value)} maxLength={200} />
      </label>
      <label className="field">
        <span>{t('cb.field.kind')}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`cb.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field cb-carriers">
        <legend>{t('cb.field.carriers')}</legend>
        {choosable.map((c) => (
          <label key={c.shortName} className="cb-check">
            <input
              type="checkbox"
              name="carrier"
              value={c.shortName}
              // a carrier is always on its own routes (the server adds it); it may name partners
              checked={c.shortName === ownCarrier || carriers.includes(c.shortName)}
              disabled={c.shortName === ownCarrier}
              onChange={(e) =>
                setCarriers(e.target.checked ? [...carriers, c.shortName] : carriers.filter((x) => x !== c.shortName))
              }
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('cb.field.polesWithin')}</span>
        <input
          name="polesWithinM"
          inputMode="decimal"
          value={within}
          onChange={(e) => setWithin(e.target.value)}
          placeholder="5"
        />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <div className="cb-editor-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || !draw.geometry || draw.drawing || !name.trim()}
          data-testid="route-save"
        >
          {t('cb.save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
          {t('cb.cancel')}
        </button>
      </div>
    </form>
  )
}
