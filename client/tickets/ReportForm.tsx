import { useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { ApiError } from '../api/http'
import { useI18n, type MessageKey } from '../i18n'
import { formatCoordinate } from '../i18n/format'
import type { LngLat, MapClick, MapMarker } from '../map/MapView'
import { StationMap } from '../stations/StationMap'
import { errorsByField } from '../stations/model'
import { useProvince } from '../stations/useProvince'
import { AppLink } from '../conversions/links'
import { ErrorMessage } from '../ui/status'
import { CATEGORIES, type Category, type Receipt, type ReportInput } from './api'
import './tickets.css'

/** Photos the form takes: what the server accepts (checked again there by content). */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp'

/**
 * The report form, one for the public (no sign-in) and for the office's intake of a phone call: the place on the
 * map or by GPS, the category, the text, a photo, the reporter's contact. `send` records it (and its photo) and
 * answers the receipt; `done` shows what comes next.
 */
export function ReportForm({
  mode,
  send,
  done,
}: {
  mode: 'public' | 'phone'
  send(input: ReportInput, photo: File | null): Promise<Receipt>
  done(receipt: Receipt): ReactNode
}) {
  const { t, lang } = useI18n()
  const { basemap, districts, fit } = useProvince()
  const [at, setAt] = useState<LngLat | null>(null)
  const [focus, setFocus] = useState<{ center: LngLat; zoom: number; seq: number } | null>(null)
  const [category, setCategory] = useState<Category>('cable_sagging')
  const [description, setDescription] = useState('')
  const [placeNote, setPlaceNote] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [photo, setPhoto] = useState<File | null>(null)
  const [gps, setGps] = useState<'idle' | 'busy' | 'failed'>('idle')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [receipt, setReceipt] = useState<Receipt | null>(null)

  const onClick = useCallback((click: MapClick) => setAt(click.lngLat), [])
  const marker = useMemo<MapMarker | null>(() => (at ? { lngLat: at, draggable: true, onMove: setAt } : null), [at])

  function locate() {
    if (!('geolocation' in navigator)) return setGps('failed')
    setGps('busy')
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const here: LngLat = [p.coords.longitude, p.coords.latitude]
        setAt(here)
        setFocus((f) => ({ center: here, zoom: 17, seq: (f?.seq ?? 0) + 1 }))
        setGps('idle')
      },
      () => setGps('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    )
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    const problems: Record<string, string> = {}
    if (!at) problems.position = t('tk.form.placeFirst')
    if (description.trim().length < 5) problems.description = t('tk.form.describe')
    setLocal(problems)
    if (!at || Object.keys(problems).length > 0) return
    setBusy(true)
    setError(null)
    try {
      const contact =
        name.trim() || phone.trim() ? { name: name.trim() || undefined, phone: phone.trim() || undefined } : undefined
      setReceipt(
        await send(
          {
            category,
            description: description.trim(),
            position: { lon: at[0], lat: at[1] },
            placeNote: placeNote.trim() || undefined,
            contact,
          },
          photo,
        ),
      )
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (receipt) return <>{done(receipt)}</>

  const errors = { ...(error instanceof ApiError ? errorsByField(error.errors) : {}), ...local }
  const positionError = errors.position ?? errors['position.lon'] ?? errors['position.lat']
  const fieldError = (key: string) => errors[key] && <span className="field-error">{errors[key]}</span>
  return (
    <div className="split split-stacked tk-report">
      <aside className="split-side">
        <header className="split-side-head">
          <h1>{t(mode === 'public' ? 'tk.form.title' : 'tk.form.intakeTitle')}</h1>
        </header>
        <p className="hint">{t(mode === 'public' ? 'tk.form.lead' : 'tk.form.intakeLead')}</p>
        {mode === 'public' && (
          <p>
            <AppLink href="/public/report/status" testId="ticket-lookup-open">
              {t('pub.nav.lookup')}
            </AppLink>
          </p>
        )}
        <form onSubmit={submit} noValidate data-testid="ticket-form">
          <h2 className="panel-subtitle">{t('tk.form.place')}</h2>
          <p className={positionError ? 'field-error' : 'hint'} data-testid="ticket-place">
            {at
              ? t('tk.form.placedAt', { lat: formatCoordinate(at[1], lang, 6), lon: formatCoordinate(at[0], lang, 6) })
              : t('tk.form.clickMap')}
            {positionError && at ? ` ${positionError}` : ''}
          </p>
          <button type="button" className="btn btn-secondary btn-block" onClick={locate} disabled={gps === 'busy'}>
            {t(gps === 'busy' ? 'tk.form.gpsBusy' : 'tk.form.gps')}
          </button>
          {gps === 'failed' && <p className="field-error">{t('tk.form.gpsFailed')}</p>}
          <fieldset className={`tk-categories${errors.category ? ' field-invalid' : ''}`}>
            <legend>{t('tk.category')}</legend>
            {CATEGORIES.map((c) => (
              <label key={c} className={category === c ? 'on' : undefined}>
                <input
                  type="radio"
                  name="category"
                  value={c}
                  checked={category === c}
                  onChange={() => setCategory(c)}
                />
                {t(`tk.category.${c}` as MessageKey)}
              </label>
            ))}
            {fieldError('category')}
          </fieldset>
          <label className={`field${errors.description ? ' field-invalid' : ''}`}>
            <span>{t('tk.form.description')}</span>
            <textarea
              name="description"
              rows={4}
              maxLength={2000}
              value={description}
              placeholder={t('tk.form.descriptionHint')}
              onChange={(e) => setDescription(e.target.value)}
            />
            {fieldError('description')}
          </label>
          <label className={`field${errors.placeNote ? ' field-invalid' : ''}`}>
            <span>{t('tk.form.placeNote')}</span>
            <input name="placeNote" maxLength={300} value={placeNote} onChange={(e) => setPlaceNote(e.target.value)} />
            {fieldError('placeNote')}
          </label>
          <label className="field">
            <span>{t('tk.form.photo')}</span>
            <input
              type="file"
              name="photo"
              accept={PHOTO_TYPES}
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
              data-testid="ticket-photo"
            />
            <span className="hint">{t('tk.form.photoHint')}</span>
          </label>
          <fieldset className="tk-contact">
            <legend>{t('tk.form.contact')}</legend>
            <p className="hint">{t('tk.form.contactHint')}</p>
            <div className="field-row">
              <label className={`field${errors['contact.name'] ? ' field-invalid' : ''}`}>
                <span>{t('tk.form.name')}</span>
                <input
                  name="name"
                  autoComplete="name"
                  maxLength={120}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
                {fieldError('contact.name')}
              </label>
              <label className={`field${errors['contact.phone'] ? ' field-invalid' : ''}`}>
                <span>{t(mode === 'phone' ? 'tk.form.callerPhone' : 'tk.form.phone')}</span>
                <input
                  name="phone"
                  type="tel"
                  autoComplete="tel"
                  inputMode="tel"
                  maxLength={30}
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                />
                {fieldError('contact.phone')}
              </label>
            </div>
          </fieldset>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="ticket-submit">
            {busy ? t('tk.form.sending') : t(mode === 'public' ? 'tk.form.submit' : 'tk.form.submitIntake')}
          </button>
        </form>
        {error !== null && !(error instanceof ApiError && error.errors.length > 0) && <ErrorMessage error={error} />}
      </aside>
      <div className="split-map">
        <StationMap
          basemap={basemap}
          districts={districts.data ?? null}
          fit={fit}
          focus={focus}
          marker={marker}
          label={t('tk.form.mapLabel')}
          onClick={onClick}
        />
      </div>
    </div>
  )
}
