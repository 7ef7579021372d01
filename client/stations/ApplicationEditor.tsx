import { useCallback, useEffect, useMemo, useState } from 'react'
import { InPlanTag, type InPlan } from '../plans/InPlanTag'
import { ApiError, http } from '../api/http'
import type { Carrier, Zone } from '../api/types'
import { navigate } from '../app/router'
import { useSession } from '../auth/session'
import { useI18n } from '../i18n'
import { formatCoordinate, formatNumber } from '../i18n/format'
import { CoordinatePanel } from '../map/CoordinatePanel'
import type { LngLat, MapClick, MapMarker } from '../map/MapView'
import { ErrorMessage, Loading } from '../ui/status'
import { useApi } from '../ui/useApi'
import { stationsApi } from './api'
import { ApplicationForm } from './ApplicationForm'
import { EMPTY_FORM, fieldsOf, toInput, type FormErrorKey, type FormFields } from './form'
import { ringsOverlay, stationsTileOverlay } from './layers'
import { ringLabel } from './labels'
import { errorsByField, ringsOf } from './model'
import { RuleList } from './RuleList'
import { ExceptionReason, failingRules, MIN_EXCEPTION_REASON, reasonLongEnough } from './RuleOverride'
import { StateTag } from './StationInfo'
import type { NeighbourBrief, RuleResult, Station } from './types'
import { StationMap } from './StationMap'
import { useProvince } from './useProvince'
import { MapSearch } from '../map/MapSearch'

const PREVIEW_DELAY_MS = 500

/**
 * A carrier's application: place the site by clicking the map, dragging the marker or typing coordinates
 * (WGS84 or VN-2000 in the province zone); fill in the mast; the rules run on every change and draw their
 * rings and the nearest masts; save as a draft, then submit.
 */
export function ApplicationEditor({ station, onSaved }: { station: Station | null; onSaved(s: Station): void }) {
  const { t, lang } = useI18n()
  const { user } = useSession()
  const { province, basemap, districts, fit } = useProvince()
  const zones = useApi(
    (signal) => http.get<{ items: Zone[] }>('/api/coordinates/zones', undefined, signal).then((r) => r.items),
    'zones',
  )
  const carriers = useApi(
    (signal) => http.get<{ items: Carrier[] }>('/api/carriers', undefined, signal).then((r) => r.items),
    'carriers',
  )
  const own = carriers.data?.find((c) => c.id === user?.carrierId)?.shortName ?? station?.operator.shortName ?? ''
  const [fields, setFields] = useState<FormFields>(() => (station ? fieldsOf(station) : EMPTY_FORM))
  const [at, setAt] = useState<LngLat | null>(() => (station ? (station.position.coordinates as LngLat) : null))
  const [focus, setFocus] = useState<{ center: LngLat; zoom: number; seq: number } | null>(() =>
    station ? { center: station.position.coordinates as LngLat, zoom: 15, seq: 0 } : null,
  )
  const [preview, setPreview] = useState<{
    results: RuleResult[] | null
    inPlan?: InPlan | null
    error: unknown
    busy: boolean
  }>({
    results: station?.ruleResults ?? null,
    inPlan: station?.inPlan,
    error: null,
    busy: false,
  })
  const [saveError, setSaveError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const [tried, setTried] = useState(false)
  const [exceptionReason, setExceptionReason] = useState('')
  const [triedSubmit, setTriedSubmit] = useState(false)

  // The rules run again a moment after the last change (the site code is not needed to check a place).
  useEffect(() => {
    const { input } = toInput({ ...fields, siteCode: fields.siteCode.trim() || 'PREVIEW' }, at)
    if (!input) return
    let live = true
    setPreview((p) => ({ ...p, busy: true }))
    const timer = setTimeout(() => {
      stationsApi.check(input).then(
        (r) => live && setPreview({ results: r.results, inPlan: r.inPlan, error: null, busy: false }),
        (error: unknown) => live && setPreview({ results: null, error, busy: false }),
      )
    }, PREVIEW_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [fields, at])

  const local = toInput(fields, at)
  const errorText: Record<FormErrorKey, string> = {
    required: t('st.form.required'),
    number: t('st.form.number'),
    position: t('st.form.placeFirst'),
  }
  const serverErrors = {
    ...(preview.error instanceof ApiError ? errorsByField(preview.error.errors) : {}),
    ...(saveError instanceof ApiError ? errorsByField(saveError.errors) : {}),
  }
  const shownErrors: Record<string, string> = { ...serverErrors }
  for (const [key, code] of Object.entries(local.errors))
    if (tried || code === 'number') shownErrors[key] = errorText[code]
  if (!tried && !fields.siteCode.trim()) delete shownErrors.siteCode
  const positionError = Object.entries(shownErrors)
    .filter(([k]) => k.startsWith('position'))
    .map(([, v]) => v)
    .join(' ')

  const failing = failingRules(preview.results)
  const reasonError =
    serverErrors.exceptionReason ??
    (triedSubmit && failing.length > 0 && !reasonLongEnough(exceptionReason)
      ? t('st.override.tooShort', { n: MIN_EXCEPTION_REASON })
      : undefined)

  async function save(andSubmit: boolean) {
    setTried(true)
    if (andSubmit) setTriedSubmit(true)
    if (!local.input) return
    // the server refuses too; this spares a round trip and keeps the draft unsaved only when nothing else is wrong
    if (andSubmit && failing.length > 0 && !reasonLongEnough(exceptionReason)) return
    setBusy(andSubmit ? 'submit' : 'save')
    setSaveError(null)
    try {
      let saved = station
        ? await stationsApi.update(station.id, station.version, local.input)
        : await stationsApi.create(local.input)
      if (andSubmit) {
        const reason = exceptionReason.trim()
        saved = await stationsApi.transition(saved.id, {
          action: 'submit',
          version: saved.version,
          ...(reason ? { exceptionReason: reason } : {}),
        })
      }
      onSaved(saved)
    } catch (err) {
      setSaveError(err)
    } finally {
      setBusy(null)
    }
  }

  const place = useCallback((lngLat: LngLat) => setAt(lngLat), [])
  const onClick = useCallback((click: MapClick) => place(click.lngLat), [place])
  const marker = useMemo<MapMarker | null>(
    () => (at ? { lngLat: at, draggable: true, onMove: place } : null),
    [at, place],
  )
  const nearestIds = useMemo(
    () =>
      ((preview.results?.find((r) => r.rule === 'spacing')?.values.nearest ?? []) as NeighbourBrief[]).map((n) => n.id),
    [preview.results],
  )
  const overlays = useMemo(() => {
    const list = [stationsTileOverlay('operator', {}, nearestIds)]
    if (at)
      list.push(
        ringsOverlay(at, ringsOf(preview.results), (rule, r) => `${ringLabel(t, rule)} ${formatNumber(r, lang, 0)} m`),
      )
    return list
  }, [nearestIds, at, preview.results, t, lang])

  const flyTo = useCallback(
    (center: LngLat, zoom: number) => setFocus((f) => ({ center, zoom, seq: (f?.seq ?? 0) + 1 })),
    [],
  )
  return (
    <div className="split split-stacked st-editor">
      <aside className="split-side" aria-label={t('st.form.title')}>
        <header className="split-side-head">
          <h1>{station ? station.siteCode : t('st.form.title')}</h1>
          {station && <StateTag state={station.state} />}
        </header>
        {station?.state === 'returned' && station.decisionNote && (
          <div className="status st-returned" role="note">
            <strong>{t('st.form.returnedNote')}</strong> {station.decisionNote}
          </div>
        )}
        <section className="st-place" aria-label={t('st.position')}>
          <h2 className="panel-subtitle">{t('st.form.place')}</h2>
          <p className={positionError ? 'field-error' : 'hint'} data-testid="position-line">
            {at
              ? t('st.form.placedAt', { lat: formatCoordinate(at[1], lang, 6), lon: formatCoordinate(at[0], lang, 6) })
              : t('st.form.clickMap')}
            {positionError && ` ${positionError}`}
          </p>
          <details className="st-coords">
            <summary>{t('st.form.typeCoords')}</summary>
            {zones.data ? (
              <CoordinatePanel
                zones={zones.data}
                defaultZone={province}
                onLocate={(p) => {
                  place(p)
                  setFocus((f) => ({ center: p, zoom: 16, seq: (f?.seq ?? 0) + 1 }))
                }}
              />
            ) : zones.error ? (
              <ErrorMessage error={zones.error} onRetry={zones.reload} />
            ) : (
              <Loading />
            )}
          </details>
        </section>
        <ApplicationForm value={fields} onChange={setFields} errors={shownErrors} ownOperator={own} />
        <section className="st-preview" aria-live="polite" aria-label={t('st.section.rules')}>
          <h2 className="panel-subtitle">
            {t('st.section.rules')}{' '}
            {preview.busy && (
              <span className="spinner st-inline-spinner" role="status" aria-label={t('st.form.checking')} />
            )}
          </h2>
          {preview.results && <InPlanTag inPlan={preview.inPlan} full showNone />}
          {preview.results ? (
            <RuleList results={preview.results} />
          ) : (
            <p className="hint">{t('st.form.previewHint')}</p>
          )}
          {failing.length > 0 && (
            <ExceptionReason
              rules={failing}
              mode="submit"
              value={exceptionReason}
              onChange={setExceptionReason}
              error={reasonError}
            />
          )}
        </section>
        {saveError !== null && <ErrorMessage error={saveError} listFields={Object.keys(serverErrors).length === 0} />}
        <div className="st-form-actions st-sticky">
          <button type="button" className="btn btn-secondary" onClick={() => navigate('/applications')}>
            {t('st.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() => void save(false)}
            data-testid="save-draft"
          >
            {busy === 'save' ? t('st.working') : t('st.form.saveDraft')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null}
            onClick={() => void save(true)}
            data-testid="submit-application"
          >
            {busy === 'submit' ? t('st.working') : t('st.do.submit')}
          </button>
        </div>
      </aside>
      <div className="split-map">
        <MapSearch onFocus={flyTo} />
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={station ? null : fit}
          focus={focus}
          marker={marker}
          overlays={overlays}
          label={t('st.form.mapLabel')}
          onClick={onClick}
        />
        {!at && <p className="map-panel st-map-hint">{t('st.form.clickMap')}</p>}
      </div>
    </div>
  )
}
