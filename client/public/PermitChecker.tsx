import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { ApiError, http } from '../api/http'
import type { Zone } from '../api/types'
import { useI18n } from '../i18n'
import { formatCoordinate, parseNumber } from '../i18n/format'
import { CoordinatePanel } from '../map/CoordinatePanel'
import type { LngLat, MapClick, MapMarker } from '../map/MapView'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { stationsApi } from '../stations/api'
import { stationsTileOverlay } from '../stations/layers'
import { errorsByField } from '../stations/model'
import type { MastClass, PermitAnswer } from '../stations/types'
import { StationMap } from '../stations/StationMap'
import { useProvince } from '../stations/useProvince'
import { mastsOverlay, PermitResult, permitFromSearch, permitSearch } from './PermitResult'

// Which classes can stand where: A1 and A2a on a building, A2b on the ground, a camouflaged A1 on either.
const CLASSES: Record<'building' | 'ground', MastClass[]> = { building: ['A1', 'A1c', 'A2a'], ground: ['A1c', 'A2b'] }

/**
 * "Tra cứu thủ tục" (like the FCC's TOWAIR): a place, a mast class and height, on a building or on the ground →
 * which procedure the province's rules ask for, and the rules behind the answer.
 */
export default function PermitChecker() {
  const { t, lang } = useI18n()
  const { province, basemap, districts, fit } = useProvince()
  const zones = useApi(
    (signal) => http.get<{ items: Zone[] }>('/api/coordinates/zones', undefined, signal).then((r) => r.items),
    'zones',
  )
  // A link to an answer (its reference) asks the question again when the page opens.
  const [asked] = useState(() => permitFromSearch(location.search))
  const [at, setAt] = useState<LngLat | null>(asked?.at ?? null)
  const [where, setWhere] = useState<'building' | 'ground'>(asked?.where ?? 'building')
  const [mastClass, setMastClass] = useState<MastClass>(asked?.mastClass ?? 'A1')
  const [height, setHeight] = useState(asked?.height ?? '')
  const [building, setBuilding] = useState(asked?.building ?? '')
  const [focus, setFocus] = useState<{ center: LngLat; zoom: number; seq: number } | null>(
    asked ? { center: asked.at, zoom: 16, seq: 0 } : null,
  )
  const show = useCallback((p: LngLat) => setFocus((f) => ({ center: p, zoom: 17, seq: (f?.seq ?? 0) + 1 })), [])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [answer, setAnswer] = useState<PermitAnswer | null>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const answerBox = useRef<HTMLElement>(null)
  // On a phone the answer appears below the form: bring it into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new answer is what brings the box into view
  useEffect(() => answerBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), [answer])

  const onClick = useCallback((click: MapClick) => setAt(click.lngLat), [])
  const marker = useMemo<MapMarker | null>(() => (at ? { lngLat: at, draggable: true, onMove: setAt } : null), [at])
  const overlays = useMemo(
    () => [stationsTileOverlay('operator', {}), ...(answer ? [mastsOverlay(answer.masts)] : [])],
    [answer],
  )

  async function submit(e?: FormEvent) {
    e?.preventDefault()
    const mastHeightM = parseNumber(height)
    const buildingHeightM = where === 'building' ? parseNumber(building) : null
    const problems: Record<string, string> = {}
    if (!at) problems.position = t('st.form.placeFirst')
    if (mastHeightM === null) problems.mastHeightM = t(height ? 'st.form.number' : 'st.form.required')
    if (where === 'building' && buildingHeightM === null)
      problems.buildingHeightM = t(building ? 'st.form.number' : 'st.form.required')
    setLocal(problems)
    if (!at || mastHeightM === null || Object.keys(problems).length > 0) return
    setBusy(true)
    setError(null)
    history.replaceState(null, '', `${location.pathname}${permitSearch({ at, where, mastClass, height, building })}`)
    try {
      setAnswer(
        await stationsApi.permitCheck({
          position: { crs: 'wgs84', lon: at[0], lat: at[1] },
          mastClass,
          mastHeightM,
          onBuilding: where === 'building',
          buildingHeightM,
        }),
      )
    } catch (err) {
      setAnswer(null)
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a link's question is asked once, when the page opens
  useEffect(() => {
    if (asked) void submit()
  }, [])

  const errors = { ...(error instanceof ApiError ? errorsByField(error.errors) : {}), ...local }
  const fieldError = (key: string) => errors[key] && <span className="field-error">{errors[key]}</span>
  return (
    <div className="split split-stacked pub-permit">
      <aside className="split-side">
        <header className="split-side-head">
          <h1>{t('pub.permit.title')}</h1>
        </header>
        <p className="hint">{t('pub.permit.lead')}</p>
        <h2 className="panel-subtitle">{t('st.form.place')}</h2>
        <p className={errors.position ? 'field-error' : 'hint'}>
          {at
            ? t('st.form.placedAt', { lat: formatCoordinate(at[1], lang, 6), lon: formatCoordinate(at[0], lang, 6) })
            : t('st.form.clickMap')}
          {errors.position && at ? ` ${errors.position}` : ''}
        </p>
        <details className="st-coords">
          <summary>{t('st.form.typeCoords')}</summary>
          {zones.data ? (
            <CoordinatePanel
              zones={zones.data}
              defaultZone={province}
              onLocate={(p) => {
                setAt(p)
                setFocus((f) => ({ center: p, zoom: 16, seq: (f?.seq ?? 0) + 1 }))
              }}
            />
          ) : (
            <Loading />
          )}
        </details>
        <form onSubmit={submit} noValidate data-testid="permit-form">
          <fieldset className="segmented">
            <legend className="sr-only">{t('pub.permit.where')}</legend>
            {(['building', 'ground'] as const).map((w) => (
              <label key={w} className={where === w ? 'on' : undefined}>
                <input
                  type="radio"
                  name="where"
                  checked={where === w}
                  onChange={() => {
                    setWhere(w)
                    if (!CLASSES[w].includes(mastClass)) setMastClass(CLASSES[w][0]!)
                  }}
                />
                {t(`pub.permit.${w}`)}
              </label>
            ))}
          </fieldset>
          <label className={`field${errors.mastClass ? ' field-invalid' : ''}`}>
            <span>{t('st.mastClass')}</span>
            <select name="mastClass" value={mastClass} onChange={(e) => setMastClass(e.target.value as MastClass)}>
              {CLASSES[where].map((c) => (
                <option key={c} value={c}>
                  {c} — {t(`st.class.${c}`)}
                </option>
              ))}
            </select>
            {fieldError('mastClass')}
          </label>
          <div className="field-row">
            <label className={`field${errors.mastHeightM ? ' field-invalid' : ''}`}>
              <span>{t('st.mastHeightM')}</span>
              <input
                name="mastHeightM"
                inputMode="decimal"
                value={height}
                onChange={(e) => setHeight(e.target.value)}
              />
              {fieldError('mastHeightM')}
            </label>
            {where === 'building' && (
              <label className={`field${errors.buildingHeightM ? ' field-invalid' : ''}`}>
                <span>{t('st.buildingHeightM')}</span>
                <input
                  name="buildingHeightM"
                  inputMode="decimal"
                  value={building}
                  onChange={(e) => setBuilding(e.target.value)}
                />
                {fieldError('buildingHeightM')}
              </label>
            )}
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="permit-submit">
            {busy ? t('st.working') : t('pub.permit.submit')}
          </button>
        </form>
        {error !== null && !(error instanceof ApiError && error.errors.length > 0) && <ErrorMessage error={error} />}
        {answer && (
          <section
            ref={answerBox}
            className={`pub-answer pub-${answer.procedure}`}
            aria-live="polite"
            data-testid="permit-answer"
            data-procedure={answer.procedure}
          >
            <PermitResult
              answer={answer}
              reference={`${location.origin}${location.pathname}${location.search}`}
              onShowMast={show}
            />
          </section>
        )}
      </aside>
      <div className="split-map">
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={fit}
          focus={focus}
          marker={marker}
          overlays={overlays}
          label={t('pub.permit.mapLabel')}
          onClick={onClick}
        />
      </div>
    </div>
  )
}
